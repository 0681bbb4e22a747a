//! The petition procedure carried out: loads the facts, asks `platform::permissions` and the
//! pure model, then records through the store. Routes, the demo and the deadline job call
//! these functions; they are tested on both databases without HTTP.

use jiff::civil::Date;
use serde_json::json;

use super::model::cin::{Cin, CinError, CinKeys};
use super::model::deadline::{self, civil_date};
use super::model::eligibility::{
    self, AssociationCondition, AssociationFacts, CONSENT_VERSION, Ineligibility, SignerBasis,
    SignerFacts,
};
use super::model::procedure::{
    Addressee, DepositBlocker, PetitionKind, PetitionState, Transition, TransitionContext,
    TransitionError, TransitionKind, next_state,
};
use super::model::progress::{Progress, progress};
use super::model::rules::{CouncilLevel, Requirement, RuleSet};
use super::store::{
    self, Applied, Changes, Council, NewPetition, NewSignature, PetitionRow, SignError, StoreError,
};
use crate::platform::db::Db;
use crate::platform::ids::{OrganisationId, TerritoryId, UserId};
use crate::platform::permissions::{Action, Denied, PetitionAccess, UserActor, allowed};

/// Why an action on a petition was refused; every variant has a translated message.
#[derive(Debug, thiserror::Error)]
pub enum PetitionError {
    /// No such petition (or a draft the actor may not see).
    #[error("no such petition")]
    NotFound,
    /// The permission rules said no.
    #[error("not allowed: {0}")]
    Denied(#[from] Denied),
    /// The state machine said no.
    #[error(transparent)]
    Transition(#[from] TransitionError),
    /// The signer may not sign.
    #[error(transparent)]
    Ineligible(#[from] Ineligibility),
    /// The CIN number is malformed.
    #[error(transparent)]
    Cin(#[from] CinError),
    /// Already signed (same account or same CIN, online or on paper).
    #[error("already signed")]
    AlreadySigned,
    /// The association does not meet the legal conditions.
    #[error("association conditions not met: {0:?}")]
    Association(Vec<AssociationCondition>),
    /// A form field is invalid; the message key says which and why.
    #[error("invalid input: {0}")]
    Invalid(&'static str),
    /// Someone else changed the petition first.
    #[error("the petition changed meanwhile")]
    Conflict,
    /// Only a draft can be edited; the petition is in this state now.
    #[error("the petition is no longer a draft ({0:?})")]
    NotDraft(PetitionState),
    /// Storage failed.
    #[error(transparent)]
    Store(StoreError),
}

impl From<StoreError> for PetitionError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Conflict => PetitionError::Conflict,
            other => PetitionError::Store(other),
        }
    }
}

impl From<super::model::rules::RuleError> for PetitionError {
    fn from(e: super::model::rules::RuleError) -> Self {
        PetitionError::Store(StoreError::Rules(e))
    }
}

impl From<sqlx::Error> for PetitionError {
    fn from(e: sqlx::Error) -> Self {
        PetitionError::Store(StoreError::Db(e))
    }
}

impl From<SignError> for PetitionError {
    fn from(e: SignError) -> Self {
        match e {
            SignError::NotOpen => PetitionError::Ineligible(Ineligibility::NotOpen),
            SignError::AlreadySigned => PetitionError::AlreadySigned,
            SignError::Store(s) => s.into(),
        }
    }
}

/// Result alias.
pub type Result<T, E = PetitionError> = std::result::Result<T, E>;

/// Length limits of the texts of a petition (characters).
pub const TITLE_MAX: usize = 200;
/// Longest request or reasons text.
pub const TEXT_MAX: usize = 10_000;
/// Longest name.
pub const NAME_MAX: usize = 120;

/// The texts of a petition as typed.
#[derive(Debug, Clone, Default)]
pub struct Texts {
    /// Title.
    pub title: String,
    /// What is asked of the council.
    pub request: String,
    /// Why.
    pub reasons: String,
    /// The representative's name as it will appear on the receipt.
    pub representative_name: String,
    /// The deputy's name.
    pub deputy_name: String,
}

impl Texts {
    /// Trims the texts and checks their lengths; returns the first problem's message key.
    pub fn clean(&self) -> Result<Texts, &'static str> {
        let t = Texts {
            title: self.title.trim().to_owned(),
            request: self.request.trim().to_owned(),
            reasons: self.reasons.trim().to_owned(),
            representative_name: self.representative_name.trim().to_owned(),
            deputy_name: self.deputy_name.trim().to_owned(),
        };
        let len = |s: &str| s.chars().count();
        if len(&t.title) < 5 || len(&t.title) > TITLE_MAX {
            return Err("petitions-error-title-length");
        }
        if len(&t.request) < 20 || len(&t.request) > TEXT_MAX {
            return Err("petitions-error-request-length");
        }
        if len(&t.reasons) < 20 || len(&t.reasons) > TEXT_MAX {
            return Err("petitions-error-reasons-length");
        }
        let name_ok = |s: &str| (2..=NAME_MAX).contains(&len(s));
        if !name_ok(&t.representative_name) || !name_ok(&t.deputy_name) {
            return Err("petitions-error-names");
        }
        Ok(t)
    }
}

/// Access facts of a petition for the permission rules.
pub async fn access(db: &Db, p: &PetitionRow) -> Result<PetitionAccess> {
    let bureau = match p.council_id {
        Some(c) => store::council(db, c).await?.and_then(|c| c.bureau_id),
        None => None,
    };
    Ok(PetitionAccess {
        council: p.council_id.map(OrganisationId),
        bureau: bureau.map(OrganisationId),
        representative: UserId(p.representative_id),
        committee: store::committee(db, p.id)
            .await?
            .into_iter()
            .map(UserId)
            .collect(),
    })
}

/// Whether `actor` may see the petition: everybody once it is public, its authors before.
pub async fn can_see(db: &Db, actor: Option<&UserActor>, p: &PetitionRow) -> Result<bool> {
    if p.state()?.is_public() {
        return Ok(true);
    }
    let Some(user) = actor else { return Ok(false) };
    let access = access(db, p).await?;
    Ok(allowed(
        &crate::platform::permissions::Actor::User(user.clone()),
        &Action::ManagePetition(access),
    )
    .is_ok())
}

async fn council_or_invalid(db: &Db, council_id: i64) -> Result<Council> {
    store::council(db, council_id)
        .await?
        .ok_or(PetitionError::Invalid("petitions-error-council"))
}

fn user_actor(actor: &UserActor) -> crate::platform::permissions::Actor {
    crate::platform::permissions::Actor::User(actor.clone())
}

/// Drafts a citizen petition to a council.
pub async fn draft_citizen(
    db: &Db,
    actor: &UserActor,
    council_id: i64,
    texts: &Texts,
    now: i64,
) -> Result<i64> {
    let council = council_or_invalid(db, council_id).await?;
    allowed(
        &user_actor(actor),
        &Action::DraftCitizenPetition(TerritoryId(council.territory_id)),
    )?;
    let texts = texts.clean().map_err(PetitionError::Invalid)?;
    let rules = store::rule_set_in_force(db, civil_date(now)).await?;
    let requirement = rules.rules.requirement(&council.facts)?;
    let new = NewPetition {
        kind: PetitionKind::Citizen,
        addressee: Addressee::Council(council.facts.level),
        council_id: Some(council.id),
        territory_id: Some(council.territory_id),
        association_id: None,
        field: None,
        title: texts.title,
        request: texts.request,
        reasons: texts.reasons,
        representative_id: actor.id.0,
        representative_name: texts.representative_name,
        deputy_name: texts.deputy_name,
        rule_set_id: rules.id,
        requirement,
        demo: false,
    };
    Ok(store::create_petition(db, &new, now).await?)
}

/// Most committee members with an account a draft may name.
pub const COMMITTEE_MAX: usize = 20;

/// A draft's edit form, as typed.
#[derive(Debug, Clone, Default)]
pub struct DraftEditForm {
    /// The texts.
    pub texts: Texts,
    /// The committee members' email addresses, one per line (or separated by commas/spaces).
    pub committee: String,
}

/// Splits the typed committee list into addresses (deduplicated, order kept).
pub fn committee_addresses(raw: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for a in raw.split(|c: char| c.is_whitespace() || c == ',' || c == ';' || c == '\u{060C}') {
        let a = a.trim().to_lowercase();
        if !a.is_empty() && !out.contains(&a) {
            out.push(a);
        }
    }
    out
}

/// Edits a draft: only its representative, only while it is a draft. Texts are checked as at
/// drafting; every committee address must belong to a live account (the representative's own
/// address is ignored: they are already the representative). Audit-logged.
pub async fn edit_draft(
    db: &Db,
    actor: &UserActor,
    petition_id: i64,
    form: &DraftEditForm,
    now: i64,
) -> Result<()> {
    let p = store::petition(db, petition_id)
        .await?
        .ok_or(PetitionError::NotFound)?;
    if !can_see(db, Some(actor), &p).await? {
        return Err(PetitionError::NotFound);
    }
    allowed(
        &user_actor(actor),
        &Action::EditPetitionDraft(access(db, &p).await?),
    )?;
    let state = p.state()?;
    if state != PetitionState::Draft {
        return Err(PetitionError::NotDraft(state));
    }
    let texts = form.texts.clean().map_err(PetitionError::Invalid)?;
    let addresses = committee_addresses(&form.committee);
    if addresses.len() > COMMITTEE_MAX {
        return Err(PetitionError::Invalid("petitions-error-committee-too-many"));
    }
    let mut committee = Vec::with_capacity(addresses.len());
    for a in &addresses {
        let email = crate::accounts::model::Email::parse(a)
            .map_err(|_| PetitionError::Invalid("petitions-error-committee-email"))?;
        let user = crate::accounts::store::user_by_email(db, &email)
            .await?
            .ok_or(PetitionError::Invalid("petitions-error-committee-unknown"))?;
        if user.id != actor.id {
            committee.push(user.id.0);
        }
    }
    let edit = store::DraftEdit {
        title: texts.title,
        request: texts.request,
        reasons: texts.reasons,
        representative_name: texts.representative_name,
        deputy_name: texts.deputy_name,
        committee,
    };
    if store::edit_draft(db, p.id, actor.id.0, &edit, now).await? {
        Ok(())
    } else {
        // Opened (or withdrawn) between the check and the update.
        let now_state = store::petition(db, p.id)
            .await?
            .map(|p| p.state())
            .transpose()?
            .unwrap_or(state);
        Err(PetitionError::NotDraft(now_state))
    }
}

/// Prepares a national petition or legislative motion (LEGAL.md §2): any verified citizen may
/// draft it; it is signed here, then exported and deposited on the national portal.
pub async fn draft_national(
    db: &Db,
    actor: &UserActor,
    kind: super::model::rules::NationalKind,
    texts: &Texts,
    now: i64,
) -> Result<i64> {
    if !actor.email_confirmed {
        return Err(Denied::EmailNotConfirmed.into());
    }
    if actor.residences.is_empty() {
        return Err(Denied::ResidenceRequired.into());
    }
    let texts = texts.clean().map_err(PetitionError::Invalid)?;
    let rules = store::rule_set_in_force(db, civil_date(now)).await?;
    let rule = rules.rules.national(kind)?;
    let new = NewPetition {
        kind: PetitionKind::Citizen,
        addressee: Addressee::National(kind),
        council_id: None,
        territory_id: None,
        association_id: None,
        field: None,
        title: texts.title,
        request: texts.request,
        reasons: texts.reasons,
        representative_id: actor.id.0,
        representative_name: texts.representative_name,
        deputy_name: texts.deputy_name,
        rule_set_id: rules.id,
        requirement: Requirement {
            total: rule.signatures,
            per_subdivision: None,
        },
        demo: false,
    };
    Ok(store::create_petition(db, &new, now).await?)
}

/// The association conditions the association fails for a petition to `council` on `date`.
pub async fn association_conditions(
    db: &Db,
    rules: &RuleSet,
    association_id: i64,
    council: &Council,
    field: &str,
    date: Date,
) -> Result<Vec<AssociationCondition>> {
    let a = store::association(db, association_id)
        .await?
        .ok_or(PetitionError::Invalid("petitions-error-association-choice"))?;
    let seat = store::territory_chain(db, a.seat_id).await?;
    let mut branches = Vec::with_capacity(a.branch_ids.len());
    for b in &a.branch_ids {
        branches.push(store::territory_chain(db, *b).await?);
    }
    let facts = AssociationFacts {
        created_on: a.created_on,
        seat: &seat,
        branches: &branches,
        good_standing: a.good_standing,
        fields: &a.fields,
    };
    Ok(eligibility::check_association(
        &rules.association,
        &facts,
        date,
        council.territory_id,
        field,
    ))
}

/// Drafts an association petition; refused with every unmet legal condition named.
pub async fn draft_association(
    db: &Db,
    actor: &UserActor,
    association_id: i64,
    council_id: i64,
    field: &str,
    texts: &Texts,
    now: i64,
) -> Result<i64> {
    allowed(
        &user_actor(actor),
        &Action::DraftAssociationPetition(OrganisationId(association_id)),
    )?;
    let council = council_or_invalid(db, council_id).await?;
    let texts = texts.clean().map_err(PetitionError::Invalid)?;
    let rules = store::rule_set_in_force(db, civil_date(now)).await?;
    let unmet = association_conditions(
        db,
        &rules.rules,
        association_id,
        &council,
        field,
        civil_date(now),
    )
    .await?;
    if !unmet.is_empty() {
        return Err(PetitionError::Association(unmet));
    }
    let new = NewPetition {
        kind: PetitionKind::Association,
        addressee: Addressee::Council(council.facts.level),
        council_id: Some(council.id),
        territory_id: Some(council.territory_id),
        association_id: Some(association_id),
        field: Some(field.to_owned()),
        title: texts.title,
        request: texts.request,
        reasons: texts.reasons,
        representative_id: actor.id.0,
        representative_name: texts.representative_name,
        deputy_name: texts.deputy_name,
        rule_set_id: rules.id,
        // Member signatures are not counted for an association petition.
        requirement: Requirement {
            total: 0,
            per_subdivision: None,
        },
        demo: false,
    };
    Ok(store::create_petition(db, &new, now).await?)
}

/// A petition's signature progress (per prefecture/province for a region).
pub async fn signature_progress(db: &Db, p: &PetitionRow) -> Result<Progress> {
    let counts = store::subdivision_counts(db, p.id).await?;
    let subdivisions = match p.council_id {
        Some(c) if p.required_per_subdivision.is_some() => store::council(db, c)
            .await?
            .map(|c| c.subdivisions)
            .unwrap_or_default(),
        _ => Vec::new(),
    };
    let total = u32::try_from(p.signature_count).unwrap_or(0);
    Ok(progress(&p.requirement(), total, &counts, &subdivisions))
}

async fn deposit_blockers(
    db: &Db,
    p: &PetitionRow,
    rules: &RuleSet,
    today: Date,
) -> Result<Vec<DepositBlocker>> {
    let mut blockers = Vec::new();
    if p.representative_name.trim().is_empty() || p.deputy_name.trim().is_empty() {
        blockers.push(DepositBlocker::RepresentativesMissing);
    }
    match p.kind()? {
        PetitionKind::Citizen => blockers.extend(signature_progress(db, p).await?.blockers()),
        PetitionKind::Association => {
            let (Some(assoc), Some(council_id)) = (p.association_id, p.council_id) else {
                return Err(StoreError::Corrupt(format!(
                    "association petition {} without council",
                    p.id
                ))
                .into());
            };
            let council = council_or_invalid(db, council_id).await?;
            let field = p.field.clone().unwrap_or_default();
            let unmet = association_conditions(db, rules, assoc, &council, &field, today).await?;
            blockers.extend(unmet.into_iter().map(DepositBlocker::Association));
        }
    }
    Ok(blockers)
}

/// What still keeps a petition from being deposited (shown to its representative).
pub async fn deposit_blockers_for(
    db: &Db,
    p: &PetitionRow,
    now: i64,
) -> Result<Vec<DepositBlocker>> {
    let today = civil_date(now);
    let rules = if p.state()? == PetitionState::Draft {
        store::rule_set_in_force(db, today).await?
    } else {
        store::rule_set(db, p.rule_set_id)
            .await?
            .ok_or_else(|| StoreError::Corrupt("rule set".into()))?
    };
    deposit_blockers(db, p, &rules.rules, today).await
}

/// What a transition produced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Done {
    /// The new state.
    pub state: PetitionState,
    /// The receipt number, on deposit.
    pub receipt_number: Option<String>,
}

/// Moves a petition through its procedure: permission, state machine, then the record
/// (state, history, audit) in one transaction.
pub async fn transition(
    db: &Db,
    actor: &UserActor,
    petition_id: i64,
    t: Transition,
    now: i64,
) -> Result<Done> {
    let p = store::petition(db, petition_id)
        .await?
        .ok_or(PetitionError::NotFound)?;
    let petition_access = access(db, &p).await?;
    if !can_see(db, Some(actor), &p).await? {
        return Err(PetitionError::NotFound);
    }
    allowed(
        &user_actor(actor),
        &Action::PetitionTransition {
            kind: t.kind(),
            petition: petition_access.clone(),
        },
    )?;
    let state = p.state()?;
    let today = civil_date(now);
    // Filing (opening, or an association's deposit) fixes the rule set in force that day.
    let filing = matches!(t.kind(), TransitionKind::Open)
        || (t.kind() == TransitionKind::Deposit && state == PetitionState::Draft);
    let rules = if filing {
        store::rule_set_in_force(db, today).await?
    } else {
        store::rule_set(db, p.rule_set_id)
            .await?
            .ok_or_else(|| StoreError::Corrupt("rule set".into()))?
    };
    let council = match p.council_id {
        Some(c) => Some(council_or_invalid(db, c).await?),
        None => None,
    };
    let blockers = if matches!(
        t.kind(),
        TransitionKind::Deposit | TransitionKind::ExportNationalDossier
    ) && !state.is_closed()
    {
        deposit_blockers(db, &p, &rules.rules, today).await?
    } else {
        Vec::new()
    };
    let committees = council
        .as_ref()
        .map(|c| c.committees.clone())
        .unwrap_or_default();
    let roles = actor.petition_roles(&petition_access);
    let ctx = TransitionContext {
        kind: p.kind()?,
        addressee: p.addressee()?,
        roles: &roles,
        rules: &rules.rules,
        deposit_blockers: &blockers,
        committees: &committees,
    };
    let to = next_state(state, &t, &ctx)?;
    let mut changes = Changes::default();
    let mut details = json!({});
    if filing {
        changes.filed_on = Some(today.to_string());
        changes.rule_set_id = Some(rules.id);
        if p.kind()? == PetitionKind::Citizen
            && let Some(c) = &council
        {
            changes.requirement = Some(rules.rules.requirement(&c.facts)?);
        }
    }
    match &t {
        Transition::Open => changes.opened_at = Some(now),
        Transition::Withdraw => changes.closed_at = Some(now),
        Transition::Deposit => {
            let Some(c) = &council else {
                return Err(TransitionError::NotApplicable(t.kind()).into());
            };
            let level: CouncilLevel = c.facts.level;
            let months = rules.rules.deadline_months(level)?;
            let d = deadline::decision_deadline(now, months);
            changes.deposited_at = Some(now);
            changes.receipt_prefix = Some(format!(
                "{}-{}",
                c.territory_code.to_uppercase(),
                today.year()
            ));
            changes.deadline_on = Some(d.last_day.to_string());
            changes.overdue_from = Some(d.overdue_from);
            details =
                json!({ "signatures": p.signature_count, "deadline": d.last_day.to_string() });
        }
        Transition::DeclareAdmissible => changes.admissibility_at = Some(now),
        Transition::DeclareInadmissible { ground, reasons } => {
            changes.admissibility_at = Some(now);
            changes.ground = Some(ground.clone());
            changes.bureau_reasons = Some(reasons.trim().to_owned());
            changes.closed_at = Some(now);
            details = json!({ "ground": ground });
        }
        Transition::ReferToCommittee { committee_id } => {
            changes.committee_id = Some(*committee_id);
            changes.referred_at = Some(now);
            details = json!({ "committee_id": committee_id });
        }
        Transition::PutOnAgenda { session_date } => {
            changes.session_on = Some(session_date.to_string());
            details = json!({ "session": session_date.to_string() });
        }
        Transition::RecordDecision(d) => {
            changes.decided_at = Some(now);
            changes.decision_text = Some(d.text.trim().to_owned());
            changes.votes = Some((
                i64::from(d.votes_for),
                i64::from(d.votes_against),
                i64::from(d.abstentions),
            ));
            changes.closed_at = Some(now);
            details = json!({ "for": d.votes_for, "against": d.votes_against, "abstentions": d.abstentions });
        }
        Transition::ExportNationalDossier => {
            changes.deposited_at = Some(now);
            changes.closed_at = Some(now);
        }
    }
    let applied = Applied {
        kind: t.kind(),
        from: state,
        to,
        changes,
        actor_id: actor.id.0,
        now,
        details,
    };
    let receipt_number = store::apply_transition(db, p.id, &applied).await?;
    Ok(Done {
        state: to,
        receipt_number,
    })
}

/// A signature as typed in the signing form.
#[derive(Debug, Clone, Default)]
pub struct SignForm {
    /// CIN number as typed.
    pub cin: String,
    /// Full name as on the card.
    pub full_name: String,
    /// `resident` or `activity`.
    pub basis: String,
    /// For the activity basis: the territory of the activity.
    pub activity_place: Option<i64>,
    /// For the activity basis: what the activity is.
    pub activity_description: String,
    /// Electoral-roll condition confirmed.
    pub electoral_roll: bool,
    /// Consent version accepted (from the form; must be the current one).
    pub consent_version: Option<u32>,
    /// Wants to hear of the decision.
    pub notify: bool,
}

/// Signs a petition online (one transaction of its own).
pub async fn sign(
    db: &Db,
    keys: &CinKeys,
    actor: &UserActor,
    petition_id: i64,
    form: &SignForm,
    now: i64,
) -> Result<()> {
    let s = prepare_signature(db, keys, actor, petition_id, form, now).await?;
    store::add_signature(db, &s).await?;
    Ok(())
}

/// Signs a petition online through the group-commit writer (the signing page): returns once
/// the signature is committed.
pub async fn sign_through(
    state: &crate::platform::AppState,
    actor: &UserActor,
    petition_id: i64,
    form: &SignForm,
    now: i64,
) -> Result<()> {
    let keys = CinKeys::from_secret(state.secret.bytes());
    let s = prepare_signature(&state.db, &keys, actor, petition_id, form, now).await?;
    state.signatures.add(&state.db, s).await?;
    Ok(())
}

/// Checks a signature (permission, form, eligibility) and builds the row to insert.
pub async fn prepare_signature(
    db: &Db,
    keys: &CinKeys,
    actor: &UserActor,
    petition_id: i64,
    form: &SignForm,
    now: i64,
) -> Result<NewSignature> {
    let p = store::petition(db, petition_id)
        .await?
        .ok_or(PetitionError::NotFound)?;
    if !can_see(db, Some(actor), &p).await? {
        return Err(PetitionError::NotFound);
    }
    if !actor.email_confirmed {
        return Err(Denied::EmailNotConfirmed.into());
    }
    let basis = SignerBasis::from_code(&form.basis)
        .ok_or(PetitionError::Invalid("petitions-error-basis"))?;
    let full_name = form.full_name.trim();
    if !(2..=NAME_MAX).contains(&full_name.chars().count()) {
        return Err(PetitionError::Invalid("petitions-error-full-name"));
    }
    let cin = Cin::parse(&form.cin)?;
    let residences = store::residence_chains(db, actor.id.0).await?;
    // A national dossier is open to every verified citizen: the root of their own residence
    // stands for "the territory".
    let territory = match p.territory_id {
        Some(t) => t,
        None => residences
            .first()
            .and_then(|c| c.last().copied())
            .unwrap_or(0),
    };
    let activity_chain = match (basis, form.activity_place) {
        (SignerBasis::Activity, Some(place)) => Some(store::territory_chain(db, place).await?),
        _ => None,
    };
    let facts = SignerFacts {
        verified_residences: &residences,
        basis,
        activity_place: activity_chain.as_deref(),
        activity_description: &form.activity_description,
        electoral_roll_confirmed: form.electoral_roll,
        consent_version: form.consent_version,
    };
    let place = eligibility::check_signer(p.state()?, territory, &facts)?;
    let subdivision = if p.required_per_subdivision.is_some() {
        eligibility::subdivision_of(place, territory)
    } else {
        None
    };
    let s = NewSignature {
        petition_id: p.id,
        user_id: Some(actor.id.0),
        cin_hash: keys.hash(p.id, &cin),
        cin_sealed: keys.encrypt(p.id, &cin),
        full_name: full_name.to_owned(),
        basis: basis.code(),
        place_id: place.first().copied(),
        subdivision_id: subdivision,
        consent_version: CONSENT_VERSION,
        wants_notice: form.notify,
        now,
    };
    Ok(s)
}

/// Withdraws the actor's signature (until deposit).
pub async fn unsign(db: &Db, actor: &UserActor, petition_id: i64) -> Result<bool> {
    store::petition(db, petition_id)
        .await?
        .ok_or(PetitionError::NotFound)?;
    Ok(store::withdraw_signature(db, petition_id, actor.id.0).await?)
}

/// One line of a paper list as typed by the committee.
#[derive(Debug, Clone, Default)]
pub struct PaperForm {
    /// CIN as written.
    pub cin: String,
    /// Name as written.
    pub full_name: String,
    /// Territory of residence (commune or arrondissement).
    pub place_id: i64,
    /// Sheet reference.
    pub sheet: String,
}

/// Types in one paper line (double entry).
pub async fn enter_paper_line(
    db: &Db,
    keys: &CinKeys,
    actor: &UserActor,
    petition_id: i64,
    form: &PaperForm,
    now: i64,
) -> Result<store::PaperOutcome> {
    let p = store::petition(db, petition_id)
        .await?
        .ok_or(PetitionError::NotFound)?;
    allowed(
        &user_actor(actor),
        &Action::ManagePetition(access(db, &p).await?),
    )?;
    if p.kind()? != PetitionKind::Citizen {
        return Err(TransitionError::NotApplicable(TransitionKind::Deposit).into());
    }
    let territory = p
        .territory_id
        .ok_or(PetitionError::Ineligible(Ineligibility::NotOpen))?;
    let cin = Cin::parse(&form.cin)?;
    let full_name = form.full_name.trim();
    if !(2..=NAME_MAX).contains(&full_name.chars().count()) {
        return Err(PetitionError::Invalid("petitions-error-full-name"));
    }
    let sheet = form.sheet.trim();
    if sheet.is_empty() || sheet.chars().count() > 40 {
        return Err(PetitionError::Invalid("petitions-error-sheet"));
    }
    let chain = store::territory_chain(db, form.place_id).await?;
    if !chain.contains(&territory) {
        return Err(PetitionError::Ineligible(Ineligibility::NotResident));
    }
    let subdivision = if p.required_per_subdivision.is_some() {
        eligibility::subdivision_of(&chain, territory)
    } else {
        None
    };
    let line = store::PaperLine {
        petition_id: p.id,
        cin_hash: keys.hash(p.id, &cin),
        cin_sealed: keys.encrypt(p.id, &cin),
        full_name: full_name.to_owned(),
        place_id: form.place_id,
        subdivision_id: subdivision,
        sheet: sheet.to_owned(),
        entered_by: actor.id.0,
        now,
    };
    Ok(store::enter_paper_line(db, &line).await?)
}

/// The deadline of a deposited petition, from its stored columns.
pub fn stored_deadline(p: &PetitionRow) -> Option<deadline::Deadline> {
    let last_day = p.deadline_on.as_deref()?.parse().ok()?;
    Some(deadline::Deadline {
        last_day,
        overdue_from: p.overdue_from?,
    })
}

/// Whether the bureau's decision is overdue now.
pub fn is_overdue(p: &PetitionRow, now: i64) -> bool {
    p.state == PetitionState::Deposited.code()
        && stored_deadline(p).is_some_and(|d| d.is_overdue(now))
}

/// A deadline warning to send: the petition and the days left.
#[derive(Debug, Clone)]
pub struct DueWarning {
    /// The petition.
    pub petition: PetitionRow,
    /// Warning threshold (30, 7 or 1).
    pub days: u32,
    /// Days actually left.
    pub days_left: i64,
    /// Bureau members to warn (email, language).
    pub recipients: Vec<(String, String)>,
}

/// Claims the deadline warnings due now. Each warning is claimed by exactly one caller, even
/// with several server processes, so each is sent once.
pub async fn claim_due_warnings(db: &Db, now: i64) -> Result<Vec<DueWarning>> {
    let mut out = Vec::new();
    for p in store::awaiting_admissibility(db).await? {
        let Some(d) = stored_deadline(&p) else {
            continue;
        };
        let days_left = d.days_remaining(now);
        let sent = store::sent_warnings(db, p.id).await?;
        let Some(days) = deadline::warning_due(days_left, &sent) else {
            continue;
        };
        if !store::claim_warning(db, p.id, days, now).await? {
            continue;
        }
        let bureau = match p.council_id {
            Some(c) => store::council(db, c).await?.and_then(|c| c.bureau_id),
            None => None,
        };
        let recipients = match bureau {
            Some(b) => store::bureau_emails(db, b).await?,
            None => Vec::new(),
        };
        out.push(DueWarning {
            petition: p,
            days,
            days_left,
            recipients,
        });
    }
    Ok(out)
}
