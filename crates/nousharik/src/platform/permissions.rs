//! The one place that decides who may do what.
//!
//! Every handler that reads or changes something not public asks [`allowed`] with the current
//! [`Actor`] and the [`Action`] it is about to perform, and does nothing else when it is
//! denied. The function is pure: the facts it needs (memberships, residences, the territory
//! chain of the thing acted on) are loaded beforehand, so every rule is unit-tested here.
//!
//! To add an action: add a variant to [`Action`] (carrying the ids and territory chains the rule
//! needs), a match arm in [`allowed`], and tests of its forbidden paths for every kind of actor.

use crate::accounts::model::{Membership, OrgRole};
use crate::petitions::model::procedure::{PetitionRole, TransitionKind, allowed_roles};
use crate::platform::ids::{OrganisationId, TerritoryId, UserId};
use thiserror::Error;

/// A territory together with all its ancestors (itself first, then parent, …, up to the
/// region), so territorial rules can be decided without a database lookup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TerritoryChain(Vec<TerritoryId>);

impl TerritoryChain {
    /// A chain from a territory and its ancestors, nearest first.
    pub fn new(territory: TerritoryId, ancestors: impl IntoIterator<Item = TerritoryId>) -> Self {
        let mut chain = vec![territory];
        chain.extend(ancestors);
        Self(chain)
    }

    /// The territory itself.
    pub fn territory(&self) -> TerritoryId {
        self.0[0]
    }

    /// The territory, then its ancestors up to the root.
    pub fn ids(&self) -> &[TerritoryId] {
        &self.0
    }

    /// Whether `t` is this territory or one of its ancestors.
    pub fn is_within(&self, t: TerritoryId) -> bool {
        self.0.contains(&t)
    }
}

/// A signed-in person, with the facts the rules look at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserActor {
    /// The account.
    pub id: UserId,
    /// Platform administrator.
    pub is_admin: bool,
    /// Followed the confirmation link.
    pub email_confirmed: bool,
    /// Roles held in organisations.
    pub memberships: Vec<Membership>,
    /// Territories where a staff member verified the person's residence, each with its chain.
    pub residences: Vec<TerritoryChain>,
}

impl UserActor {
    fn holds(&self, organisation: OrganisationId, role: OrgRole) -> bool {
        self.memberships
            .iter()
            .any(|m| m.organisation == organisation && m.role == role)
    }

    fn is_staff_of(&self, territory: TerritoryId) -> bool {
        self.memberships
            .iter()
            .any(|m| m.role == OrgRole::Staff && m.territory == territory)
    }

    fn is_resident_of(&self, territory: TerritoryId) -> bool {
        self.residences.iter().any(|r| r.is_within(territory))
    }

    fn is_staff_within(&self, chain: &TerritoryChain) -> bool {
        self.memberships
            .iter()
            .any(|m| m.role == OrgRole::Staff && chain.is_within(m.territory))
    }
}

/// Who is asking.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Actor {
    /// Not signed in.
    Anonymous,
    /// Signed in.
    User(UserActor),
}

impl Actor {
    /// The signed-in user, if any.
    pub fn user(&self) -> Option<&UserActor> {
        match self {
            Actor::Anonymous => None,
            Actor::User(u) => Some(u),
        }
    }
}

/// Everything that needs a permission.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    // --- platform administration ---
    /// Browse the audit log.
    ViewAuditLog,
    /// Create and edit territories (forms and CSV import).
    ManageTerritories,
    /// Create an organisation (council, body, cell) or register an association.
    CreateOrganisation,
    /// Set an association's legal standing in the registry (a legal fact, not the
    /// association's own say: administrators only, even for its staff).
    SetAssociationStanding(OrganisationId),
    /// List and search every account.
    ListUsers,
    /// Make an account a platform administrator.
    GrantAdmin {
        /// The account to promote.
        target: UserId,
    },
    /// Remove administrator rights from an account.
    RevokeAdmin {
        /// The account to demote.
        target: UserId,
    },
    // --- one's own account ---
    /// Change one's name, language and demographics.
    EditOwnProfile,
    /// Download everything the platform keeps about oneself.
    ExportOwnData,
    /// Delete one's account.
    DeleteOwnAccount,
    // --- organisations ---
    /// Edit an organisation's details.
    ManageOrganisation(OrganisationId),
    /// Grant and revoke roles in an organisation.
    ManageMembers(OrganisationId),
    // --- residents ---
    /// Record that a person lives in a territory.
    VerifyResident {
        /// The person.
        target: UserId,
        /// The territory of residence, with its ancestors.
        territory: TerritoryChain,
    },
    /// Act as a resident of a territory (sign a petition, vote in a participatory budget):
    /// needs a verified residence in that territory or inside it.
    ParticipateAsResident(TerritoryId),
    // --- petitions (rules: petitions::model::procedure::allowed_roles) ---
    /// Draft a citizen petition to the council of a territory: a verified resident of it.
    DraftCitizenPetition(TerritoryId),
    /// File an association petition: the association's legal representative.
    DraftAssociationPetition(OrganisationId),
    /// Move a petition through its procedure.
    PetitionTransition {
        /// The transition.
        kind: TransitionKind,
        /// Who is who for this petition.
        petition: PetitionAccess,
    },
    /// See a draft, type in paper signatures: the representative and the committee.
    ManagePetition(PetitionAccess),
    /// Edit a draft's texts and committee: the representative only (the committee helps, the
    /// representative speaks for the signatories).
    EditPetitionDraft(PetitionAccess),
    /// See the signature list (names and CIN numbers) handed to the council: that council's
    /// staff only.
    ViewSignatureList(PetitionAccess),
    /// Add a version of the petition rule sets.
    ManagePetitionRules,
    // --- meetings ---
    /// Register oneself for an event (the event's own policy decides the rest).
    RegisterForEvent,
    /// Create, edit and cancel the events of an organisation (the organiser); write their
    /// minutes, question bank and invitations; see their registrations and figures.
    ManageEvents(OrganisationId),
    /// Check people in at the door and add walk-ins: the organiser's staff and coordinators.
    CheckInAttendees(OrganisationId),
    // --- results framework ---
    /// Create and edit a programme's results framework (objectives, expected results,
    /// activities, indicators) and enter the values of its manual indicators: staff of the
    /// programme's organisation, or an administrator.
    ManageResults(OrganisationId),
    // --- open government (OGP Local) ---
    /// Create and run a body's OGP action plans: commitments, milestones, indicators, progress
    /// updates with evidence, the forum's membership, linked meetings, the improvement plan,
    /// closing a plan: the body's staff (and administrators).
    ManageOgpPlan(OrganisationId),
    /// Self-assess a commitment of a body's plan: the responsible staff of that body only (an
    /// administrator does not assess for a council).
    SelfAssessOgpCommitment(OrganisationId),
    /// Review a commitment in the name of an association of the forum: that association's
    /// representative only (forum membership itself is checked with the plan's data).
    ReviewOgpCommitment(OrganisationId),
    // --- participatory budgets (the rest of eligibility: budgets::model::check_voter) ---
    /// Create a budget campaign for a territory, edit it, move it through its phases and have
    /// it counted: staff of the council of exactly that territory (not of a higher or a
    /// neighbouring one: a commune runs its own budget), or an administrator.
    ManageBudgetCampaign(TerritoryId),
    /// Submit a project idea to a campaign of this territory: a verified resident of it (or
    /// of a territory inside it).
    ProposeBudgetProject(TerritoryId),
    /// Review proposals (feasible or not, final cost) and merge duplicates: as
    /// [`Action::ManageBudgetCampaign`].
    ReviewBudgetProjects(TerritoryId),
    /// Cast or change a ballot in a budget whose voters live in this territory: a verified
    /// resident of it or of a territory inside it. The minimum age, "already voted" and the
    /// voting window are decided by `budgets::model::check_voter` and `validate_ballot`.
    VoteInBudget(TerritoryId),
    /// Type in paper ballots of a campaign of this territory: officials, i.e. that council's
    /// staff; not an administrator, who is no polling official. The second entry of a sheet
    /// by a different official is checked by `budgets::model::project::second_entry`.
    EnterPaperBallots(TerritoryId),
    /// Record the implementation progress, milestones and photos of funded projects: as
    /// [`Action::ManageBudgetCampaign`].
    RecordBudgetProgress(TerritoryId),
}

/// Who is who for one petition, for the petition actions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PetitionAccess {
    /// The council it is addressed to (none for a national dossier).
    pub council: Option<OrganisationId>,
    /// The council's bureau.
    pub bureau: Option<OrganisationId>,
    /// The representative (وكيل) who filed it.
    pub representative: UserId,
    /// The petitioners' committee (the deputy and members with an account).
    pub committee: Vec<UserId>,
}

impl UserActor {
    /// The roles this user holds with respect to a petition.
    pub fn petition_roles(&self, p: &PetitionAccess) -> Vec<PetitionRole> {
        let mut roles = Vec::new();
        if self.id == p.representative {
            roles.push(PetitionRole::Representative);
        }
        let in_org = |org: Option<OrganisationId>, role| org.is_some_and(|o| self.holds(o, role));
        if in_org(p.bureau, OrgRole::BureauMember) || in_org(p.council, OrgRole::BureauMember) {
            roles.push(PetitionRole::BureauMember);
        }
        if in_org(p.council, OrgRole::Staff) {
            roles.push(PetitionRole::CouncilStaff);
        }
        roles
    }
}

/// Why an action was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum Denied {
    /// Nobody is signed in: the page should offer to sign in.
    #[error("sign-in required")]
    SignInRequired,
    /// The account's address is not confirmed yet.
    #[error("email address not confirmed")]
    EmailNotConfirmed,
    /// The action targets the actor's own account in a way that is not allowed (verifying
    /// oneself, removing one's own administrator rights).
    #[error("not allowed on one's own account")]
    OwnAccount,
    /// The action needs a verified residence in the territory.
    #[error("verified residence required")]
    ResidenceRequired,
    /// The actor has no role that allows it.
    #[error("not allowed")]
    NotAllowed,
}

impl From<Denied> for crate::platform::error::AppError {
    /// A handler that checks a permission with `?` answers 401 to anonymous visitors and a
    /// translated 403 page to everybody else.
    fn from(d: Denied) -> Self {
        match d {
            Denied::SignInRequired => crate::platform::error::AppError::Unauthorized,
            _ => crate::platform::error::AppError::Forbidden,
        }
    }
}

/// Decides whether `actor` may perform `action`.
pub fn allowed(actor: &Actor, action: &Action) -> Result<(), Denied> {
    let user = actor.user().ok_or(Denied::SignInRequired)?;
    // Own-account actions stay open before confirmation (one may fix a typo in one's name or
    // delete an account made by mistake); everything else needs a reachable address.
    let own_account = matches!(
        action,
        Action::EditOwnProfile | Action::ExportOwnData | Action::DeleteOwnAccount
    );
    if own_account {
        return Ok(());
    }
    if !user.email_confirmed {
        return Err(Denied::EmailNotConfirmed);
    }
    let admin_or = |ok: bool| {
        if user.is_admin || ok {
            Ok(())
        } else {
            Err(Denied::NotAllowed)
        }
    };
    match action {
        Action::EditOwnProfile | Action::ExportOwnData | Action::DeleteOwnAccount => Ok(()),
        Action::ViewAuditLog
        | Action::ManageTerritories
        | Action::ListUsers
        | Action::CreateOrganisation
        | Action::SetAssociationStanding(_) => admin_or(false),
        Action::GrantAdmin { .. } => admin_or(false),
        Action::RevokeAdmin { target } => {
            // An administrator cannot demote themselves: another one must, so the platform is
            // never left without one by a slip.
            if *target == user.id {
                return Err(Denied::OwnAccount);
            }
            admin_or(false)
        }
        Action::ManageOrganisation(org) | Action::ManageMembers(org) => {
            admin_or(user.holds(*org, OrgRole::Staff))
        }
        Action::VerifyResident { target, territory } => {
            if *target == user.id {
                return Err(Denied::OwnAccount);
            }
            admin_or(user.is_staff_within(territory))
        }
        Action::ParticipateAsResident(territory) => {
            if user.residences.iter().any(|r| r.is_within(*territory)) {
                Ok(())
            } else {
                Err(Denied::ResidenceRequired)
            }
        }
        Action::DraftCitizenPetition(territory) => {
            if user.residences.iter().any(|r| r.is_within(*territory)) {
                Ok(())
            } else {
                Err(Denied::ResidenceRequired)
            }
        }
        Action::DraftAssociationPetition(association) => {
            // Only the legal representative speaks for the association, not an administrator.
            if user.holds(*association, OrgRole::AssociationRepresentative) {
                Ok(())
            } else {
                Err(Denied::NotAllowed)
            }
        }
        Action::PetitionTransition { kind, petition } => {
            // Legal roles only: an administrator does not act for a bureau or a representative.
            let roles = user.petition_roles(petition);
            if allowed_roles(*kind).iter().any(|r| roles.contains(r)) {
                Ok(())
            } else {
                Err(Denied::NotAllowed)
            }
        }
        Action::ManagePetition(p) => {
            if user.id == p.representative || p.committee.contains(&user.id) {
                Ok(())
            } else {
                Err(Denied::NotAllowed)
            }
        }
        Action::EditPetitionDraft(p) => {
            if user.id == p.representative {
                Ok(())
            } else {
                Err(Denied::NotAllowed)
            }
        }
        Action::ViewSignatureList(p) => {
            if p.council.is_some_and(|c| user.holds(c, OrgRole::Staff)) {
                Ok(())
            } else {
                Err(Denied::NotAllowed)
            }
        }
        Action::ManagePetitionRules => admin_or(false),
        Action::RegisterForEvent => Ok(()),
        Action::ManageEvents(org) | Action::CheckInAttendees(org) => {
            admin_or(user.holds(*org, OrgRole::Staff) || user.holds(*org, OrgRole::Coordinator))
        }
        Action::ManageResults(org) => admin_or(user.holds(*org, OrgRole::Staff)),
        Action::ManageOgpPlan(org) => admin_or(user.holds(*org, OrgRole::Staff)),
        Action::SelfAssessOgpCommitment(org) => {
            if user.holds(*org, OrgRole::Staff) {
                Ok(())
            } else {
                Err(Denied::NotAllowed)
            }
        }
        Action::ReviewOgpCommitment(association) => {
            if user.holds(*association, OrgRole::AssociationRepresentative) {
                Ok(())
            } else {
                Err(Denied::NotAllowed)
            }
        }
        Action::ManageBudgetCampaign(t)
        | Action::ReviewBudgetProjects(t)
        | Action::RecordBudgetProgress(t) => admin_or(user.is_staff_of(*t)),
        Action::ProposeBudgetProject(t) | Action::VoteInBudget(t) => {
            if user.is_resident_of(*t) {
                Ok(())
            } else {
                Err(Denied::ResidenceRequired)
            }
        }
        Action::EnterPaperBallots(t) => {
            if user.is_staff_of(*t) {
                Ok(())
            } else {
                Err(Denied::NotAllowed)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // A small territory tree: region 1 > commune 10 (Tangier) > arrondissement 100;
    // region 1 > commune 20 (Larache).
    const REGION: TerritoryId = TerritoryId(1);
    const TANGIER: TerritoryId = TerritoryId(10);
    const TANGIER_ARR: TerritoryId = TerritoryId(100);
    const LARACHE: TerritoryId = TerritoryId(20);
    const TANGIER_COUNCIL: OrganisationId = OrganisationId(1);
    const LARACHE_COUNCIL: OrganisationId = OrganisationId(2);
    const REGION_COUNCIL: OrganisationId = OrganisationId(3);

    fn chain(t: TerritoryId) -> TerritoryChain {
        match t {
            REGION => TerritoryChain::new(REGION, []),
            TANGIER => TerritoryChain::new(TANGIER, [REGION]),
            TANGIER_ARR => TerritoryChain::new(TANGIER_ARR, [TANGIER, REGION]),
            LARACHE => TerritoryChain::new(LARACHE, [REGION]),
            _ => unreachable!(),
        }
    }

    fn user(id: i64) -> UserActor {
        UserActor {
            id: UserId(id),
            is_admin: false,
            email_confirmed: true,
            memberships: vec![],
            residences: vec![],
        }
    }

    fn with_role(
        mut u: UserActor,
        org: OrganisationId,
        territory: TerritoryId,
        role: OrgRole,
    ) -> UserActor {
        u.memberships.push(Membership {
            organisation: org,
            territory,
            role,
        });
        u
    }

    fn anonymous() -> Actor {
        Actor::Anonymous
    }
    fn citizen() -> Actor {
        let mut u = user(1);
        u.residences.push(chain(TANGIER_ARR));
        Actor::User(u)
    }
    fn unconfirmed() -> Actor {
        let mut u = user(2);
        u.email_confirmed = false;
        Actor::User(u)
    }
    fn tangier_staff() -> Actor {
        Actor::User(with_role(user(3), TANGIER_COUNCIL, TANGIER, OrgRole::Staff))
    }
    fn larache_staff() -> Actor {
        Actor::User(with_role(user(4), LARACHE_COUNCIL, LARACHE, OrgRole::Staff))
    }
    fn region_staff() -> Actor {
        Actor::User(with_role(user(5), REGION_COUNCIL, REGION, OrgRole::Staff))
    }
    /// Every non-staff role in the Tangier council at once: none of them grants staff powers.
    fn tangier_non_staff() -> Actor {
        let mut u = user(6);
        for role in OrgRole::ALL.into_iter().filter(|r| *r != OrgRole::Staff) {
            u = with_role(u, TANGIER_COUNCIL, TANGIER, role);
        }
        Actor::User(u)
    }
    fn admin() -> Actor {
        let mut u = user(7);
        u.is_admin = true;
        Actor::User(u)
    }
    fn unconfirmed_admin() -> Actor {
        let mut u = user(8);
        u.is_admin = true;
        u.email_confirmed = false;
        Actor::User(u)
    }

    fn verify(target: i64, t: TerritoryId) -> Action {
        Action::VerifyResident {
            target: UserId(target),
            territory: chain(t),
        }
    }

    /// Actions only an administrator may perform.
    fn admin_only() -> Vec<Action> {
        vec![
            Action::ViewAuditLog,
            Action::ManageTerritories,
            Action::CreateOrganisation,
            Action::SetAssociationStanding(TANGIER_COUNCIL),
            Action::ListUsers,
            Action::GrantAdmin { target: UserId(99) },
            Action::RevokeAdmin { target: UserId(99) },
        ]
    }

    /// Every action, for the anonymous checks.
    fn every_action() -> Vec<Action> {
        let mut all = admin_only();
        all.extend([
            Action::EditOwnProfile,
            Action::ExportOwnData,
            Action::DeleteOwnAccount,
            Action::ManageOrganisation(TANGIER_COUNCIL),
            Action::ManageMembers(TANGIER_COUNCIL),
            verify(99, TANGIER),
            Action::ParticipateAsResident(TANGIER),
        ]);
        all
    }

    #[test]
    fn events_are_run_by_the_organisers_staff_and_coordinators() {
        let coordinator = Actor::User(with_role(
            user(9),
            TANGIER_COUNCIL,
            TANGIER,
            OrgRole::Coordinator,
        ));
        for a in [
            Action::ManageEvents(TANGIER_COUNCIL),
            Action::CheckInAttendees(TANGIER_COUNCIL),
        ] {
            for actor in [tangier_staff(), coordinator.clone(), admin()] {
                assert_eq!(allowed(&actor, &a), Ok(()), "{actor:?} {a:?}");
            }
            let mut others = vec![citizen(), larache_staff(), region_staff()];
            for role in OrgRole::ALL
                .into_iter()
                .filter(|r| !matches!(r, OrgRole::Staff | OrgRole::Coordinator))
            {
                others.push(Actor::User(with_role(
                    user(10),
                    TANGIER_COUNCIL,
                    TANGIER,
                    role,
                )));
            }
            for actor in others {
                assert_eq!(
                    allowed(&actor, &a),
                    Err(Denied::NotAllowed),
                    "{actor:?} {a:?}"
                );
            }
            assert_eq!(allowed(&anonymous(), &a), Err(Denied::SignInRequired));
            assert_eq!(allowed(&unconfirmed(), &a), Err(Denied::EmailNotConfirmed));
        }
        assert_eq!(allowed(&citizen(), &Action::RegisterForEvent), Ok(()));
        assert_eq!(
            allowed(&anonymous(), &Action::RegisterForEvent),
            Err(Denied::SignInRequired)
        );
        assert_eq!(
            allowed(&unconfirmed(), &Action::RegisterForEvent),
            Err(Denied::EmailNotConfirmed)
        );
    }

    #[test]
    fn results_frameworks_are_managed_by_the_organisations_staff_only() {
        let a = Action::ManageResults(TANGIER_COUNCIL);
        assert_eq!(allowed(&tangier_staff(), &a), Ok(()));
        assert_eq!(allowed(&admin(), &a), Ok(()));
        // Staff of another organisation (even the region's), every non-staff role of the
        // same organisation (coordinators included) and citizens are refused.
        for actor in [
            citizen(),
            larache_staff(),
            region_staff(),
            tangier_non_staff(),
        ] {
            assert_eq!(allowed(&actor, &a), Err(Denied::NotAllowed), "{actor:?}");
        }
        assert_eq!(allowed(&anonymous(), &a), Err(Denied::SignInRequired));
        assert_eq!(allowed(&unconfirmed(), &a), Err(Denied::EmailNotConfirmed));
        assert_eq!(
            allowed(&unconfirmed_admin(), &a),
            Err(Denied::EmailNotConfirmed)
        );
        assert_eq!(
            allowed(&tangier_staff(), &Action::ManageResults(LARACHE_COUNCIL)),
            Err(Denied::NotAllowed)
        );
    }

    #[test]
    fn anonymous_may_do_nothing() {
        for a in every_action() {
            assert_eq!(
                allowed(&anonymous(), &a),
                Err(Denied::SignInRequired),
                "{a:?}"
            );
        }
    }

    #[test]
    fn own_account_actions_are_open_to_every_user() {
        for actor in [citizen(), unconfirmed(), tangier_staff(), admin()] {
            for a in [
                Action::EditOwnProfile,
                Action::ExportOwnData,
                Action::DeleteOwnAccount,
            ] {
                assert_eq!(allowed(&actor, &a), Ok(()), "{actor:?} {a:?}");
            }
        }
    }

    #[test]
    fn unconfirmed_accounts_may_only_manage_themselves() {
        for actor in [unconfirmed(), unconfirmed_admin()] {
            for a in every_action().into_iter().filter(|a| {
                !matches!(
                    a,
                    Action::EditOwnProfile | Action::ExportOwnData | Action::DeleteOwnAccount
                )
            }) {
                assert_eq!(allowed(&actor, &a), Err(Denied::EmailNotConfirmed), "{a:?}");
            }
        }
    }

    #[test]
    fn admin_only_actions_are_forbidden_to_everyone_else() {
        for actor in [
            citizen(),
            tangier_staff(),
            larache_staff(),
            region_staff(),
            tangier_non_staff(),
        ] {
            for a in admin_only() {
                assert_eq!(
                    allowed(&actor, &a),
                    Err(Denied::NotAllowed),
                    "{actor:?} {a:?}"
                );
            }
        }
        for a in admin_only() {
            assert_eq!(allowed(&admin(), &a), Ok(()), "{a:?}");
        }
    }

    #[test]
    fn admin_cannot_demote_themselves_but_can_demote_others() {
        let me = UserId(7);
        assert_eq!(
            allowed(&admin(), &Action::RevokeAdmin { target: me }),
            Err(Denied::OwnAccount)
        );
        assert_eq!(
            allowed(&admin(), &Action::RevokeAdmin { target: UserId(1) }),
            Ok(())
        );
    }

    #[test]
    fn organisation_management_is_for_its_staff_and_admins() {
        for a in [
            Action::ManageOrganisation(TANGIER_COUNCIL),
            Action::ManageMembers(TANGIER_COUNCIL),
        ] {
            assert_eq!(allowed(&tangier_staff(), &a), Ok(()));
            assert_eq!(allowed(&admin(), &a), Ok(()));
            // Staff of another organisation, even a higher one, and non-staff roles of the
            // same organisation are refused.
            for actor in [
                citizen(),
                larache_staff(),
                region_staff(),
                tangier_non_staff(),
            ] {
                assert_eq!(
                    allowed(&actor, &a),
                    Err(Denied::NotAllowed),
                    "{actor:?} {a:?}"
                );
            }
        }
        assert_eq!(
            allowed(&tangier_staff(), &Action::ManageMembers(LARACHE_COUNCIL)),
            Err(Denied::NotAllowed)
        );
    }

    #[test]
    fn residents_are_verified_by_staff_of_their_territory_or_above() {
        // Tangier staff: Tangier and its arrondissements, not Larache nor the whole region.
        assert_eq!(allowed(&tangier_staff(), &verify(1, TANGIER)), Ok(()));
        assert_eq!(allowed(&tangier_staff(), &verify(1, TANGIER_ARR)), Ok(()));
        assert_eq!(
            allowed(&tangier_staff(), &verify(1, LARACHE)),
            Err(Denied::NotAllowed)
        );
        assert_eq!(
            allowed(&tangier_staff(), &verify(1, REGION)),
            Err(Denied::NotAllowed)
        );
        // Regional staff: anywhere in the region.
        for t in [REGION, TANGIER, TANGIER_ARR, LARACHE] {
            assert_eq!(allowed(&region_staff(), &verify(1, t)), Ok(()), "{t:?}");
        }
        assert_eq!(
            allowed(&larache_staff(), &verify(1, TANGIER)),
            Err(Denied::NotAllowed)
        );
        for actor in [citizen(), tangier_non_staff()] {
            assert_eq!(
                allowed(&actor, &verify(99, TANGIER)),
                Err(Denied::NotAllowed)
            );
        }
        assert_eq!(allowed(&admin(), &verify(1, LARACHE)), Ok(()));
    }

    #[test]
    fn nobody_verifies_themselves() {
        assert_eq!(
            allowed(&tangier_staff(), &verify(3, TANGIER)),
            Err(Denied::OwnAccount)
        );
        assert_eq!(
            allowed(&admin(), &verify(7, TANGIER)),
            Err(Denied::OwnAccount)
        );
    }

    #[test]
    fn participation_needs_a_residence_inside_the_territory() {
        // The citizen lives in a Tangier arrondissement: resident of it, of Tangier and of the
        // region, not of Larache.
        for t in [TANGIER_ARR, TANGIER, REGION] {
            assert_eq!(
                allowed(&citizen(), &Action::ParticipateAsResident(t)),
                Ok(())
            );
        }
        assert_eq!(
            allowed(&citizen(), &Action::ParticipateAsResident(LARACHE)),
            Err(Denied::ResidenceRequired)
        );
        // Roles do not make anyone a resident, not even an administrator.
        for actor in [tangier_staff(), region_staff(), admin()] {
            assert_eq!(
                allowed(&actor, &Action::ParticipateAsResident(TANGIER)),
                Err(Denied::ResidenceRequired)
            );
        }
    }
}

#[cfg(test)]
mod budget_tests {
    use super::*;

    // Region 1 > Tangier 10 > arrondissement 100; region 1 > Larache 20.
    const REGION: TerritoryId = TerritoryId(1);
    const TANGIER: TerritoryId = TerritoryId(10);
    const ARR: TerritoryId = TerritoryId(100);
    const LARACHE: TerritoryId = TerritoryId(20);

    fn chain(t: TerritoryId) -> TerritoryChain {
        match t {
            REGION => TerritoryChain::new(REGION, []),
            TANGIER => TerritoryChain::new(TANGIER, [REGION]),
            ARR => TerritoryChain::new(ARR, [TANGIER, REGION]),
            _ => TerritoryChain::new(t, [REGION]),
        }
    }

    fn person(id: i64, roles: &[(TerritoryId, OrgRole)], lives: &[TerritoryId]) -> Actor {
        Actor::User(UserActor {
            id: UserId(id),
            is_admin: false,
            email_confirmed: true,
            memberships: roles
                .iter()
                .map(|&(territory, role)| Membership {
                    organisation: OrganisationId(territory.0),
                    territory,
                    role,
                })
                .collect(),
            residences: lives.iter().map(|t| chain(*t)).collect(),
        })
    }

    fn admin() -> Actor {
        let mut a = person(9, &[], &[]);
        if let Actor::User(u) = &mut a {
            u.is_admin = true;
        }
        a
    }

    fn staff_actions(t: TerritoryId) -> [Action; 3] {
        [
            Action::ManageBudgetCampaign(t),
            Action::ReviewBudgetProjects(t),
            Action::RecordBudgetProgress(t),
        ]
    }

    #[test]
    fn campaigns_are_run_by_the_staff_of_their_territory_and_admins() {
        let tangier_staff = person(1, &[(TANGIER, OrgRole::Staff)], &[]);
        for a in staff_actions(TANGIER) {
            assert_eq!(allowed(&tangier_staff, &a), Ok(()), "{a:?}");
            assert_eq!(allowed(&admin(), &a), Ok(()), "{a:?}");
            // Staff of a higher, a lower or a neighbouring territory, every other role of
            // the council, and residents (even of the territory) are refused.
            let mut refused = vec![
                person(2, &[(REGION, OrgRole::Staff)], &[]),
                person(3, &[(ARR, OrgRole::Staff)], &[]),
                person(4, &[(LARACHE, OrgRole::Staff)], &[]),
                person(5, &[], &[TANGIER]),
            ];
            for role in OrgRole::ALL.into_iter().filter(|r| *r != OrgRole::Staff) {
                refused.push(person(6, &[(TANGIER, role)], &[TANGIER]));
            }
            for actor in refused {
                assert_eq!(
                    allowed(&actor, &a),
                    Err(Denied::NotAllowed),
                    "{actor:?} {a:?}"
                );
            }
            assert_eq!(allowed(&Actor::Anonymous, &a), Err(Denied::SignInRequired));
        }
        assert_eq!(
            allowed(&tangier_staff, &Action::ManageBudgetCampaign(LARACHE)),
            Err(Denied::NotAllowed)
        );
    }

    #[test]
    fn proposing_and_voting_need_a_residence_inside_the_territory() {
        let arr_resident = person(1, &[], &[ARR]);
        let tangier_resident = person(2, &[], &[TANGIER]);
        let larache_resident = person(3, &[], &[LARACHE]);
        for a in [Action::ProposeBudgetProject, Action::VoteInBudget] {
            // One living in the arrondissement votes there and city-wide.
            assert_eq!(allowed(&arr_resident, &a(ARR)), Ok(()));
            assert_eq!(allowed(&arr_resident, &a(TANGIER)), Ok(()));
            // One verified for the city only is no resident of the arrondissement.
            assert_eq!(allowed(&tangier_resident, &a(TANGIER)), Ok(()));
            assert_eq!(
                allowed(&tangier_resident, &a(ARR)),
                Err(Denied::ResidenceRequired)
            );
            assert_eq!(
                allowed(&larache_resident, &a(TANGIER)),
                Err(Denied::ResidenceRequired)
            );
            // Roles make nobody a resident: staff and administrators vote where they live.
            for actor in [person(4, &[(TANGIER, OrgRole::Staff)], &[]), admin()] {
                assert_eq!(
                    allowed(&actor, &a(TANGIER)),
                    Err(Denied::ResidenceRequired),
                    "{actor:?}"
                );
            }
            assert_eq!(
                allowed(&Actor::Anonymous, &a(TANGIER)),
                Err(Denied::SignInRequired)
            );
            let mut unconfirmed = person(5, &[], &[TANGIER]);
            if let Actor::User(u) = &mut unconfirmed {
                u.email_confirmed = false;
            }
            assert_eq!(
                allowed(&unconfirmed, &a(TANGIER)),
                Err(Denied::EmailNotConfirmed)
            );
        }
    }

    #[test]
    fn paper_ballots_are_typed_by_that_councils_staff_only() {
        let a = Action::EnterPaperBallots(TANGIER);
        assert_eq!(
            allowed(&person(1, &[(TANGIER, OrgRole::Staff)], &[]), &a),
            Ok(())
        );
        for actor in [
            admin(),
            person(2, &[(REGION, OrgRole::Staff)], &[]),
            person(3, &[(LARACHE, OrgRole::Staff)], &[]),
            person(4, &[(TANGIER, OrgRole::Coordinator)], &[TANGIER]),
            person(5, &[(TANGIER, OrgRole::ElectedMember)], &[TANGIER]),
            person(6, &[], &[TANGIER]),
        ] {
            assert_eq!(allowed(&actor, &a), Err(Denied::NotAllowed), "{actor:?}");
        }
        assert_eq!(allowed(&Actor::Anonymous, &a), Err(Denied::SignInRequired));
    }
}

#[cfg(test)]
mod petition_tests {
    use super::*;
    use crate::petitions::model::procedure::TransitionKind as K;

    const REGION: TerritoryId = TerritoryId(1);
    const TANGIER: TerritoryId = TerritoryId(10);
    const LARACHE: TerritoryId = TerritoryId(20);
    const COUNCIL: OrganisationId = OrganisationId(1);
    const BUREAU: OrganisationId = OrganisationId(2);
    const OTHER_COUNCIL: OrganisationId = OrganisationId(3);
    const OTHER_BUREAU: OrganisationId = OrganisationId(4);
    const ASSOCIATION: OrganisationId = OrganisationId(5);

    fn user(id: i64, memberships: &[(OrganisationId, OrgRole)]) -> Actor {
        Actor::User(UserActor {
            id: UserId(id),
            is_admin: false,
            email_confirmed: true,
            memberships: memberships
                .iter()
                .map(|&(organisation, role)| Membership {
                    organisation,
                    territory: TANGIER,
                    role,
                })
                .collect(),
            residences: vec![TerritoryChain::new(TANGIER, [REGION])],
        })
    }

    fn access() -> PetitionAccess {
        PetitionAccess {
            council: Some(COUNCIL),
            bureau: Some(BUREAU),
            representative: UserId(1),
            committee: vec![UserId(2)],
        }
    }

    fn transition(kind: K) -> Action {
        Action::PetitionTransition {
            kind,
            petition: access(),
        }
    }

    #[test]
    fn representative_moves_the_petition_until_deposit_only() {
        let rep = user(1, &[]);
        for k in [K::Open, K::Withdraw, K::Deposit, K::ExportNationalDossier] {
            assert_eq!(allowed(&rep, &transition(k)), Ok(()), "{k:?}");
        }
        for k in [
            K::DeclareAdmissible,
            K::DeclareInadmissible,
            K::ReferToCommittee,
            K::PutOnAgenda,
            K::RecordDecision,
        ] {
            assert_eq!(
                allowed(&rep, &transition(k)),
                Err(Denied::NotAllowed),
                "{k:?}"
            );
        }
        // The deputy manages the petition (paper entry) but does not deposit it.
        let deputy = user(2, &[]);
        assert_eq!(allowed(&deputy, &Action::ManagePetition(access())), Ok(()));
        assert_eq!(
            allowed(&deputy, &transition(K::Deposit)),
            Err(Denied::NotAllowed)
        );
        assert_eq!(
            allowed(&user(9, &[]), &Action::ManagePetition(access())),
            Err(Denied::NotAllowed)
        );
        // Only the representative edits the draft: not the committee, not an administrator.
        let edit = Action::EditPetitionDraft(access());
        assert_eq!(allowed(&rep, &edit), Ok(()));
        assert_eq!(allowed(&deputy, &edit), Err(Denied::NotAllowed));
        let mut admin = user(9, &[]);
        if let Actor::User(u) = &mut admin {
            u.is_admin = true;
        }
        assert_eq!(allowed(&admin, &edit), Err(Denied::NotAllowed));
        assert_eq!(
            allowed(&Actor::Anonymous, &edit),
            Err(Denied::SignInRequired)
        );
    }

    #[test]
    fn only_that_bureau_decides_admissibility() {
        let bureau = user(3, &[(BUREAU, OrgRole::BureauMember)]);
        let other_bureau = user(
            4,
            &[
                (OTHER_BUREAU, OrgRole::BureauMember),
                (OTHER_COUNCIL, OrgRole::BureauMember),
            ],
        );
        let staff = user(5, &[(COUNCIL, OrgRole::Staff)]);
        let elected = user(
            6,
            &[
                (COUNCIL, OrgRole::ElectedMember),
                (BUREAU, OrgRole::ElectedMember),
            ],
        );
        let mut admin = user(7, &[]);
        if let Actor::User(u) = &mut admin {
            u.is_admin = true;
        }
        for k in [K::DeclareAdmissible, K::DeclareInadmissible] {
            assert_eq!(allowed(&bureau, &transition(k)), Ok(()));
            for a in [&other_bureau, &staff, &elected, &admin, &user(1, &[])] {
                assert_eq!(
                    allowed(a, &transition(k)),
                    Err(Denied::NotAllowed),
                    "{a:?} {k:?}"
                );
            }
            assert_eq!(
                allowed(&Actor::Anonymous, &transition(k)),
                Err(Denied::SignInRequired)
            );
        }
        for k in [K::ReferToCommittee, K::PutOnAgenda, K::RecordDecision] {
            assert_eq!(allowed(&bureau, &transition(k)), Ok(()));
            assert_eq!(allowed(&staff, &transition(k)), Ok(()));
            assert_eq!(
                allowed(&other_bureau, &transition(k)),
                Err(Denied::NotAllowed)
            );
        }
    }

    #[test]
    fn signature_list_is_for_that_councils_staff_only() {
        let staff = user(5, &[(COUNCIL, OrgRole::Staff)]);
        assert_eq!(
            allowed(&staff, &Action::ViewSignatureList(access())),
            Ok(())
        );
        let other = user(8, &[(OTHER_COUNCIL, OrgRole::Staff)]);
        let bureau = user(3, &[(BUREAU, OrgRole::BureauMember)]);
        let mut admin = user(7, &[]);
        if let Actor::User(u) = &mut admin {
            u.is_admin = true;
        }
        for a in [other, bureau, admin, user(1, &[])] {
            assert_eq!(
                allowed(&a, &Action::ViewSignatureList(access())),
                Err(Denied::NotAllowed)
            );
        }
        let national = PetitionAccess {
            council: None,
            bureau: None,
            ..access()
        };
        assert_eq!(
            allowed(&staff, &Action::ViewSignatureList(national)),
            Err(Denied::NotAllowed)
        );
    }

    #[test]
    fn drafting() {
        let citizen = user(1, &[]);
        assert_eq!(
            allowed(&citizen, &Action::DraftCitizenPetition(TANGIER)),
            Ok(())
        );
        assert_eq!(
            allowed(&citizen, &Action::DraftCitizenPetition(REGION)),
            Ok(())
        );
        assert_eq!(
            allowed(&citizen, &Action::DraftCitizenPetition(LARACHE)),
            Err(Denied::ResidenceRequired)
        );
        assert_eq!(
            allowed(&citizen, &Action::DraftAssociationPetition(ASSOCIATION)),
            Err(Denied::NotAllowed)
        );
        let rep = user(2, &[(ASSOCIATION, OrgRole::AssociationRepresentative)]);
        assert_eq!(
            allowed(&rep, &Action::DraftAssociationPetition(ASSOCIATION)),
            Ok(())
        );
        assert_eq!(
            allowed(&rep, &Action::ManagePetitionRules),
            Err(Denied::NotAllowed)
        );
    }
}

#[cfg(test)]
mod ogp_tests {
    use super::*;

    const REGION: TerritoryId = TerritoryId(1);
    const COUNCIL: OrganisationId = OrganisationId(1);
    const OTHER_COUNCIL: OrganisationId = OrganisationId(2);
    const ASSOCIATION: OrganisationId = OrganisationId(5);
    const OTHER_ASSOCIATION: OrganisationId = OrganisationId(6);

    fn user(id: i64, memberships: &[(OrganisationId, OrgRole)], admin: bool) -> Actor {
        Actor::User(UserActor {
            id: UserId(id),
            is_admin: admin,
            email_confirmed: true,
            memberships: memberships
                .iter()
                .map(|&(organisation, role)| Membership {
                    organisation,
                    territory: REGION,
                    role,
                })
                .collect(),
            residences: vec![TerritoryChain::new(REGION, [])],
        })
    }

    fn staff() -> Actor {
        user(1, &[(COUNCIL, OrgRole::Staff)], false)
    }
    fn representative() -> Actor {
        user(
            2,
            &[(ASSOCIATION, OrgRole::AssociationRepresentative)],
            false,
        )
    }
    fn admin() -> Actor {
        user(3, &[], true)
    }
    /// Every other role in the council, staff of another council, members of the
    /// association who are not its representative, a citizen.
    fn others() -> Vec<Actor> {
        let mut v: Vec<Actor> = OrgRole::ALL
            .into_iter()
            .filter(|r| *r != OrgRole::Staff)
            .map(|r| user(4, &[(COUNCIL, r)], false))
            .collect();
        v.push(user(5, &[(OTHER_COUNCIL, OrgRole::Staff)], false));
        v.push(user(6, &[(ASSOCIATION, OrgRole::Staff)], false));
        v.push(user(7, &[], false));
        v
    }

    #[test]
    fn plans_are_run_by_the_bodys_staff_and_administrators() {
        let a = Action::ManageOgpPlan(COUNCIL);
        assert_eq!(allowed(&staff(), &a), Ok(()));
        assert_eq!(allowed(&admin(), &a), Ok(()));
        assert_eq!(allowed(&representative(), &a), Err(Denied::NotAllowed));
        for o in others() {
            assert_eq!(allowed(&o, &a), Err(Denied::NotAllowed), "{o:?}");
        }
        assert_eq!(
            allowed(&staff(), &Action::ManageOgpPlan(OTHER_COUNCIL)),
            Err(Denied::NotAllowed)
        );
    }

    #[test]
    fn self_assessment_is_for_the_bodys_staff_only() {
        let a = Action::SelfAssessOgpCommitment(COUNCIL);
        assert_eq!(allowed(&staff(), &a), Ok(()));
        for o in others().into_iter().chain([admin(), representative()]) {
            assert_eq!(allowed(&o, &a), Err(Denied::NotAllowed), "{o:?}");
        }
    }

    #[test]
    fn reviews_are_given_by_the_associations_representative_only() {
        let a = Action::ReviewOgpCommitment(ASSOCIATION);
        assert_eq!(allowed(&representative(), &a), Ok(()));
        assert_eq!(
            allowed(
                &representative(),
                &Action::ReviewOgpCommitment(OTHER_ASSOCIATION)
            ),
            Err(Denied::NotAllowed)
        );
        for o in others().into_iter().chain([admin(), staff()]) {
            assert_eq!(allowed(&o, &a), Err(Denied::NotAllowed), "{o:?}");
        }
    }

    #[test]
    fn anonymous_and_unconfirmed_may_do_nothing_in_ogp() {
        let mut unconfirmed = UserActor {
            id: UserId(9),
            is_admin: true,
            email_confirmed: false,
            memberships: vec![],
            residences: vec![],
        };
        unconfirmed.memberships.push(Membership {
            organisation: COUNCIL,
            territory: REGION,
            role: OrgRole::Staff,
        });
        for a in [
            Action::ManageOgpPlan(COUNCIL),
            Action::SelfAssessOgpCommitment(COUNCIL),
            Action::ReviewOgpCommitment(ASSOCIATION),
        ] {
            assert_eq!(allowed(&Actor::Anonymous, &a), Err(Denied::SignInRequired));
            assert_eq!(
                allowed(&Actor::User(unconfirmed.clone()), &a),
                Err(Denied::EmailNotConfirmed)
            );
        }
    }
}
