//! The petition procedure as one explicit state machine (LEGAL.md §1, "Procedure").
//!
//! [`next_state`] is the only place that decides whether a transition may happen: it checks the
//! actor's role (from [`allowed_roles`], which the permissions module reads as data), the current
//! state, and the transition's own guards, and returns the new state or a typed error.

use serde::{Deserialize, Serialize};

use super::rules::{CouncilLevel, NationalKind, RuleSet};

/// Every state a petition can be in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PetitionState {
    /// Being written; private to its authors.
    Draft,
    /// Public and collecting signatures.
    OpenForSignatures,
    /// Deposited with the council president; a receipt was given; the bureau must decide.
    Deposited,
    /// The bureau found it admissible; waiting for referral to a standing committee.
    Admissible,
    /// The bureau refused it on a legal ground with a reasoned decision (final).
    Inadmissible,
    /// Being studied by the competent standing committee.
    ReferredToCommittee,
    /// On the agenda of an ordinary session of the council.
    OnAgenda,
    /// The council decided (final).
    Decided,
    /// Withdrawn by its representative before deposit (final).
    Withdrawn,
    /// A national dossier exported and deposited on the national portal (final here).
    SubmittedNationally,
}

impl PetitionState {
    /// Every state, in procedural order.
    pub const ALL: [PetitionState; 10] = [
        Self::Draft,
        Self::OpenForSignatures,
        Self::Deposited,
        Self::Admissible,
        Self::Inadmissible,
        Self::ReferredToCommittee,
        Self::OnAgenda,
        Self::Decided,
        Self::Withdrawn,
        Self::SubmittedNationally,
    ];

    /// Stable code for the database, URLs and message keys.
    pub fn code(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::OpenForSignatures => "open",
            Self::Deposited => "deposited",
            Self::Admissible => "admissible",
            Self::Inadmissible => "inadmissible",
            Self::ReferredToCommittee => "referred",
            Self::OnAgenda => "on_agenda",
            Self::Decided => "decided",
            Self::Withdrawn => "withdrawn",
            Self::SubmittedNationally => "submitted_nationally",
        }
    }

    /// Parses [`PetitionState::code`].
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    /// No transition leaves a closed state.
    pub fn is_closed(self) -> bool {
        matches!(
            self,
            Self::Inadmissible | Self::Decided | Self::Withdrawn | Self::SubmittedNationally
        )
    }

    /// Drafts are private until opened for signatures (or deposited, for associations).
    pub fn is_public(self) -> bool {
        self != Self::Draft
    }

    /// Only an open petition takes signatures.
    pub fn accepts_signatures(self) -> bool {
        self == Self::OpenForSignatures
    }

    /// Deposited and later: in the public register, with a receipt.
    pub fn is_deposited(self) -> bool {
        matches!(
            self,
            Self::Deposited
                | Self::Admissible
                | Self::Inadmissible
                | Self::ReferredToCommittee
                | Self::OnAgenda
                | Self::Decided
        )
    }

    /// Whether the bureau still owes its admissibility decision (the statutory deadline runs).
    pub fn awaits_admissibility(self) -> bool {
        self == Self::Deposited
    }
}

/// Who files the petition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PetitionKind {
    /// Citizens, with signatures.
    Citizen,
    /// An association through its legal representative; member signatures are not counted.
    Association,
}

impl PetitionKind {
    /// Stable code.
    pub fn code(self) -> &'static str {
        match self {
            Self::Citizen => "citizen",
            Self::Association => "association",
        }
    }

    /// Parses [`PetitionKind::code`].
    pub fn from_code(code: &str) -> Option<Self> {
        [Self::Citizen, Self::Association]
            .into_iter()
            .find(|k| k.code() == code)
    }
}

/// To whom the petition is addressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Addressee {
    /// A territorial council.
    Council(CouncilLevel),
    /// A national dossier, prepared here and deposited on the national portal.
    National(NationalKind),
}

/// The kinds of transition, without their data (used for permissions and audit codes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TransitionKind {
    /// Draft → open for signatures.
    Open,
    /// Draft or open → withdrawn.
    Withdraw,
    /// Open (or draft, for an association) → deposited.
    Deposit,
    /// Deposited → admissible.
    DeclareAdmissible,
    /// Deposited → inadmissible.
    DeclareInadmissible,
    /// Admissible → referred to a standing committee.
    ReferToCommittee,
    /// Referred → on the agenda of a session.
    PutOnAgenda,
    /// On the agenda → decided.
    RecordDecision,
    /// Open national dossier → submitted nationally.
    ExportNationalDossier,
}

impl TransitionKind {
    /// Every transition kind.
    pub const ALL: [TransitionKind; 9] = [
        Self::Open,
        Self::Withdraw,
        Self::Deposit,
        Self::DeclareAdmissible,
        Self::DeclareInadmissible,
        Self::ReferToCommittee,
        Self::PutOnAgenda,
        Self::RecordDecision,
        Self::ExportNationalDossier,
    ];

    /// Stable code (audit log action suffix, message keys).
    pub fn code(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::Withdraw => "withdraw",
            Self::Deposit => "deposit",
            Self::DeclareAdmissible => "declare_admissible",
            Self::DeclareInadmissible => "declare_inadmissible",
            Self::ReferToCommittee => "refer_to_committee",
            Self::PutOnAgenda => "put_on_agenda",
            Self::RecordDecision => "record_decision",
            Self::ExportNationalDossier => "export_national_dossier",
        }
    }

    /// Parses [`TransitionKind::code`].
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// The role an actor holds with respect to one petition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PetitionRole {
    /// The representative (وكيل) or, for an association, its legal representative.
    Representative,
    /// A member of the bureau of the council the petition is addressed to.
    BureauMember,
    /// An authorised staff member of that council.
    CouncilStaff,
}

/// Who may perform each transition — data that `platform::permissions` reads.
pub fn allowed_roles(kind: TransitionKind) -> &'static [PetitionRole] {
    use PetitionRole::*;
    match kind {
        TransitionKind::Open
        | TransitionKind::Withdraw
        | TransitionKind::Deposit
        | TransitionKind::ExportNationalDossier => &[Representative],
        TransitionKind::DeclareAdmissible | TransitionKind::DeclareInadmissible => &[BureauMember],
        TransitionKind::ReferToCommittee
        | TransitionKind::PutOnAgenda
        | TransitionKind::RecordDecision => &[BureauMember, CouncilStaff],
    }
}

/// The council's vote on a petition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CouncilDecision {
    /// The decision as published.
    pub text: String,
    /// Votes for.
    pub votes_for: u32,
    /// Votes against.
    pub votes_against: u32,
    /// Abstentions.
    pub abstentions: u32,
}

impl CouncilDecision {
    /// Whether the request was adopted (more votes for than against).
    pub fn adopted(&self) -> bool {
        self.votes_for > self.votes_against
    }
}

/// A transition with its data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Transition {
    /// Open a draft for signatures.
    Open,
    /// Withdraw before deposit.
    Withdraw,
    /// Deposit with the council.
    Deposit,
    /// The bureau declares it admissible.
    DeclareAdmissible,
    /// The bureau refuses it on `ground` (a rule-set ground code) with `reasons`.
    DeclareInadmissible {
        /// Ground code from the rule set.
        ground: String,
        /// Reasoned text notified to the representative.
        reasons: String,
    },
    /// Refer to a standing committee of the council.
    ReferToCommittee {
        /// The committee's organisation id.
        committee_id: i64,
    },
    /// Put on the agenda of a session.
    PutOnAgenda {
        /// Opening day of the ordinary session.
        session_date: jiff::civil::Date,
    },
    /// Record the council's decision.
    RecordDecision(CouncilDecision),
    /// Export a national dossier.
    ExportNationalDossier,
}

impl Transition {
    /// The transition's kind.
    pub fn kind(&self) -> TransitionKind {
        match self {
            Self::Open => TransitionKind::Open,
            Self::Withdraw => TransitionKind::Withdraw,
            Self::Deposit => TransitionKind::Deposit,
            Self::DeclareAdmissible => TransitionKind::DeclareAdmissible,
            Self::DeclareInadmissible { .. } => TransitionKind::DeclareInadmissible,
            Self::ReferToCommittee { .. } => TransitionKind::ReferToCommittee,
            Self::PutOnAgenda { .. } => TransitionKind::PutOnAgenda,
            Self::RecordDecision(_) => TransitionKind::RecordDecision,
            Self::ExportNationalDossier => TransitionKind::ExportNationalDossier,
        }
    }
}

/// A condition that keeps a petition from being deposited.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum DepositBlocker {
    /// Not enough valid signatures in total.
    TooFewSignatures {
        /// Valid signatures collected.
        have: u32,
        /// Required.
        need: u32,
    },
    /// Not enough signatures from one prefecture/province (regional spread rule).
    TooFewInSubdivision {
        /// The prefecture/province.
        territory_id: i64,
        /// Valid signatures from it.
        have: u32,
        /// Required from each.
        need: u32,
    },
    /// An association condition is not met.
    Association(super::eligibility::AssociationCondition),
    /// The representative or the deputy is missing.
    RepresentativesMissing,
}

/// What the state machine needs to know besides the state.
#[derive(Debug, Clone, Copy)]
pub struct TransitionContext<'a> {
    /// Citizen or association petition.
    pub kind: PetitionKind,
    /// Council or national dossier.
    pub addressee: Addressee,
    /// The actor's roles with respect to this petition.
    pub roles: &'a [PetitionRole],
    /// The rule set the petition is judged by.
    pub rules: &'a RuleSet,
    /// Why it cannot be deposited yet (empty when it can).
    pub deposit_blockers: &'a [DepositBlocker],
    /// The standing committees of the council.
    pub committees: &'a [i64],
}

/// Why a transition was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TransitionError {
    /// The actor holds none of the roles the transition needs.
    #[error("not allowed to {0:?} this petition")]
    Forbidden(TransitionKind),
    /// The case is closed.
    #[error("the petition is closed ({0:?})")]
    Closed(PetitionState),
    /// The transition does not leave this state.
    #[error("cannot {kind:?} a petition in state {state:?}")]
    WrongState {
        /// Current state.
        state: PetitionState,
        /// Attempted transition.
        kind: TransitionKind,
    },
    /// The transition does not apply to this kind of petition or addressee.
    #[error("{0:?} does not apply to this petition")]
    NotApplicable(TransitionKind),
    /// Deposit conditions do not hold.
    #[error("deposit conditions not met: {0:?}")]
    ConditionsNotMet(Vec<DepositBlocker>),
    /// The refusal ground is not one of the rule set's grounds.
    #[error("unknown refusal ground {0:?}")]
    UnknownGround(String),
    /// A refusal must be reasoned; a decision must have a text.
    #[error("the reasoned text is missing")]
    MissingText,
    /// The committee is not a standing committee of this council.
    #[error("committee {0} is not a standing committee of this council")]
    UnknownCommittee(i64),
    /// A decision with no votes at all.
    #[error("the decision records no votes")]
    NoVotes,
}

/// Applies `transition` to a petition in `state`; returns the new state or why it is refused.
///
/// Checks, in order: the actor's role, whether the case is closed, whether the transition
/// leaves this state for this kind of petition, then the transition's own guards.
pub fn next_state(
    state: PetitionState,
    transition: &Transition,
    ctx: &TransitionContext<'_>,
) -> Result<PetitionState, TransitionError> {
    use PetitionState as S;
    let kind = transition.kind();
    if !allowed_roles(kind).iter().any(|r| ctx.roles.contains(r)) {
        return Err(TransitionError::Forbidden(kind));
    }
    if state.is_closed() {
        return Err(TransitionError::Closed(state));
    }
    let national = matches!(ctx.addressee, Addressee::National(_));
    let wrong = Err(TransitionError::WrongState { state, kind });
    let target = match (state, transition) {
        (S::Draft, Transition::Open) => {
            if ctx.kind == PetitionKind::Association {
                return Err(TransitionError::NotApplicable(kind));
            }
            S::OpenForSignatures
        }
        (S::Draft | S::OpenForSignatures, Transition::Withdraw) => S::Withdrawn,
        (S::Draft | S::OpenForSignatures, Transition::Deposit) => {
            if national {
                return Err(TransitionError::NotApplicable(kind));
            }
            // Citizens collect signatures first; an association deposits its draft directly.
            let expected = match ctx.kind {
                PetitionKind::Citizen => S::OpenForSignatures,
                PetitionKind::Association => S::Draft,
            };
            if state != expected {
                return wrong;
            }
            if !ctx.deposit_blockers.is_empty() {
                return Err(TransitionError::ConditionsNotMet(
                    ctx.deposit_blockers.to_vec(),
                ));
            }
            S::Deposited
        }
        (S::OpenForSignatures, Transition::ExportNationalDossier) => {
            if !national {
                return Err(TransitionError::NotApplicable(kind));
            }
            if !ctx.deposit_blockers.is_empty() {
                return Err(TransitionError::ConditionsNotMet(
                    ctx.deposit_blockers.to_vec(),
                ));
            }
            S::SubmittedNationally
        }
        (S::Deposited, Transition::DeclareAdmissible) => S::Admissible,
        (S::Deposited, Transition::DeclareInadmissible { ground, reasons }) => {
            if !ctx.rules.has_ground(ground) {
                return Err(TransitionError::UnknownGround(ground.clone()));
            }
            if reasons.trim().is_empty() {
                return Err(TransitionError::MissingText);
            }
            S::Inadmissible
        }
        (S::Admissible, Transition::ReferToCommittee { committee_id }) => {
            if !ctx.committees.contains(committee_id) {
                return Err(TransitionError::UnknownCommittee(*committee_id));
            }
            S::ReferredToCommittee
        }
        (S::ReferredToCommittee, Transition::PutOnAgenda { .. }) => S::OnAgenda,
        (S::OnAgenda, Transition::RecordDecision(d)) => {
            if d.text.trim().is_empty() {
                return Err(TransitionError::MissingText);
            }
            if d.votes_for + d.votes_against + d.abstentions == 0 {
                return Err(TransitionError::NoVotes);
            }
            S::Decided
        }
        _ => return wrong,
    };
    Ok(target)
}

#[cfg(test)]
mod tests {
    use super::*;
    use PetitionRole::*;
    use PetitionState as S;
    use proptest::prelude::*;

    fn ctx<'a>(
        kind: PetitionKind,
        roles: &'a [PetitionRole],
        rules: &'a RuleSet,
        blockers: &'a [DepositBlocker],
    ) -> TransitionContext<'a> {
        TransitionContext {
            kind,
            addressee: Addressee::Council(CouncilLevel::Commune),
            roles,
            rules,
            deposit_blockers: blockers,
            committees: &[7, 8],
        }
    }

    fn decision() -> CouncilDecision {
        CouncilDecision {
            text: "Adopted".into(),
            votes_for: 20,
            votes_against: 3,
            abstentions: 1,
        }
    }

    #[test]
    fn citizen_petition_full_path() {
        let rules = RuleSet::organic_laws_2015();
        let rep = ctx(PetitionKind::Citizen, &[Representative], &rules, &[]);
        let bureau = ctx(PetitionKind::Citizen, &[BureauMember], &rules, &[]);
        let staff = ctx(PetitionKind::Citizen, &[CouncilStaff], &rules, &[]);
        let mut s = S::Draft;
        s = next_state(s, &Transition::Open, &rep).unwrap();
        assert_eq!(s, S::OpenForSignatures);
        s = next_state(s, &Transition::Deposit, &rep).unwrap();
        assert_eq!(s, S::Deposited);
        s = next_state(s, &Transition::DeclareAdmissible, &bureau).unwrap();
        assert_eq!(s, S::Admissible);
        s = next_state(s, &Transition::ReferToCommittee { committee_id: 7 }, &staff).unwrap();
        assert_eq!(s, S::ReferredToCommittee);
        let agenda = Transition::PutOnAgenda {
            session_date: jiff::civil::date(2026, 10, 5),
        };
        s = next_state(s, &agenda, &bureau).unwrap();
        assert_eq!(s, S::OnAgenda);
        s = next_state(s, &Transition::RecordDecision(decision()), &staff).unwrap();
        assert_eq!(s, S::Decided);
        assert!(s.is_closed());
        let err = next_state(s, &Transition::RecordDecision(decision()), &staff);
        assert_eq!(err, Err(TransitionError::Closed(S::Decided)));
    }

    #[test]
    fn association_deposits_its_draft_and_can_be_refused() {
        let rules = RuleSet::organic_laws_2015();
        let rep = ctx(PetitionKind::Association, &[Representative], &rules, &[]);
        assert_eq!(
            next_state(S::Draft, &Transition::Open, &rep),
            Err(TransitionError::NotApplicable(TransitionKind::Open))
        );
        let s = next_state(S::Draft, &Transition::Deposit, &rep).unwrap();
        let bureau = ctx(PetitionKind::Association, &[BureauMember], &rules, &[]);
        let refuse = |ground: &str, reasons: &str| Transition::DeclareInadmissible {
            ground: ground.into(),
            reasons: reasons.into(),
        };
        assert_eq!(
            next_state(s, &refuse("because", "x"), &bureau),
            Err(TransitionError::UnknownGround("because".into()))
        );
        assert_eq!(
            next_state(s, &refuse("outside_competence", "  "), &bureau),
            Err(TransitionError::MissingText)
        );
        let s = next_state(
            s,
            &refuse("outside_competence", "Not a municipal matter."),
            &bureau,
        );
        assert_eq!(s, Ok(S::Inadmissible));
    }

    #[test]
    fn deposit_guards() {
        let rules = RuleSet::organic_laws_2015();
        let blockers = [DepositBlocker::TooFewSignatures {
            have: 10,
            need: 200,
        }];
        let rep = ctx(PetitionKind::Citizen, &[Representative], &rules, &blockers);
        assert_eq!(
            next_state(S::OpenForSignatures, &Transition::Deposit, &rep),
            Err(TransitionError::ConditionsNotMet(blockers.to_vec()))
        );
        let rep = ctx(PetitionKind::Citizen, &[Representative], &rules, &[]);
        assert_eq!(
            next_state(S::Draft, &Transition::Deposit, &rep),
            Err(TransitionError::WrongState {
                state: S::Draft,
                kind: TransitionKind::Deposit
            })
        );
        let mut national = rep;
        national.addressee = Addressee::National(NationalKind::Petition);
        assert_eq!(
            next_state(S::OpenForSignatures, &Transition::Deposit, &national),
            Err(TransitionError::NotApplicable(TransitionKind::Deposit))
        );
        assert_eq!(
            next_state(
                S::OpenForSignatures,
                &Transition::ExportNationalDossier,
                &national
            ),
            Ok(S::SubmittedNationally)
        );
        assert_eq!(
            next_state(
                S::OpenForSignatures,
                &Transition::ExportNationalDossier,
                &rep
            ),
            Err(TransitionError::NotApplicable(
                TransitionKind::ExportNationalDossier
            ))
        );
    }

    #[test]
    fn forbidden_paths() {
        let rules = RuleSet::organic_laws_2015();
        let rep = ctx(PetitionKind::Citizen, &[Representative], &rules, &[]);
        let staff = ctx(PetitionKind::Citizen, &[CouncilStaff], &rules, &[]);
        let nobody = ctx(PetitionKind::Citizen, &[], &rules, &[]);
        // A representative cannot judge their own petition; staff cannot decide admissibility.
        for c in [rep, staff, nobody] {
            assert_eq!(
                next_state(S::Deposited, &Transition::DeclareAdmissible, &c),
                Err(TransitionError::Forbidden(
                    TransitionKind::DeclareAdmissible
                ))
            );
        }
        assert_eq!(
            next_state(S::Draft, &Transition::Open, &staff),
            Err(TransitionError::Forbidden(TransitionKind::Open))
        );
        let bureau = ctx(PetitionKind::Citizen, &[BureauMember], &rules, &[]);
        assert_eq!(
            next_state(
                S::Admissible,
                &Transition::ReferToCommittee { committee_id: 99 },
                &bureau
            ),
            Err(TransitionError::UnknownCommittee(99))
        );
        let no_votes = CouncilDecision {
            votes_for: 0,
            votes_against: 0,
            abstentions: 0,
            ..decision()
        };
        assert_eq!(
            next_state(S::OnAgenda, &Transition::RecordDecision(no_votes), &bureau),
            Err(TransitionError::NoVotes)
        );
    }

    #[test]
    fn codes_round_trip() {
        for s in PetitionState::ALL {
            assert_eq!(PetitionState::from_code(s.code()), Some(s));
        }
        for k in TransitionKind::ALL {
            assert_eq!(TransitionKind::from_code(k.code()), Some(k));
            assert!(!allowed_roles(k).is_empty());
        }
        assert_eq!(PetitionState::from_code("nope"), None);
    }

    fn any_transition() -> impl Strategy<Value = Transition> {
        prop_oneof![
            Just(Transition::Open),
            Just(Transition::Withdraw),
            Just(Transition::Deposit),
            Just(Transition::DeclareAdmissible),
            Just(Transition::DeclareInadmissible {
                ground: "outside_competence".into(),
                reasons: "r".into()
            }),
            Just(Transition::ReferToCommittee { committee_id: 7 }),
            Just(Transition::PutOnAgenda {
                session_date: jiff::civil::date(2026, 1, 1)
            }),
            Just(Transition::RecordDecision(decision())),
            Just(Transition::ExportNationalDossier),
        ]
    }

    proptest! {
        /// Whatever sequence is tried, closed states are never left, a petition never goes back
        /// to draft, an association petition never collects signatures, and only a petition on the
        /// agenda is decided.
        #[test]
        fn closed_states_are_final(steps in proptest::collection::vec((any_transition(), 0usize..3), 0..30), assoc: bool) {
            let rules = RuleSet::organic_laws_2015();
            let roles = [[Representative], [BureauMember], [CouncilStaff]];
            let kind = if assoc { PetitionKind::Association } else { PetitionKind::Citizen };
            let mut s = S::Draft;
            for (t, r) in steps {
                let c = ctx(kind, &roles[r], &rules, &[]);
                if let Ok(n) = next_state(s, &t, &c) {
                    prop_assert!(!s.is_closed());
                    prop_assert_ne!(n, S::Draft);
                    prop_assert!(allowed_roles(t.kind()).contains(&roles[r][0]));
                    if assoc {
                        prop_assert_ne!(n, S::OpenForSignatures);
                    }
                    if n == S::Decided {
                        prop_assert_eq!(s, S::OnAgenda);
                    }
                    s = n;
                }
            }
        }
    }
}
