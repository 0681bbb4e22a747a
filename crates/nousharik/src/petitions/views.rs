//! What the petition pages, exports and documents show: templates and their view models.
//! Everything is translated and formatted here, so templates only lay it out.

use std::collections::HashMap;

use askama::Template;
use serde::Serialize;

use super::model::cin::CinKeys;
use super::model::deadline::{civil_date, start_of_day};
use super::model::eligibility::CONSENT_VERSION;
use super::model::procedure::{PetitionKind, PetitionRole, PetitionState};
use super::model::rules::{CouncilLevel, RuleSet, Verification};
use super::routes::{DraftForm, Feedback};
use super::service;
use super::store::{self, ListedSignature, Names, PetitionRow, RegisterFilter, StoreError};
use crate::platform::db::Db;
use crate::platform::i18n::{Arg, Locale};
use crate::platform::layout::Page;
use crate::platform::permissions::{Action, Actor, allowed};
use crate::platform::session::SignedIn;
use crate::platform::{AppState, pdf};
use crate::territory::model::ActivityField;

/// The receipt's typst source.
pub const RECEIPT_TYP: &str = include_str!("../../templates/petitions/receipt.typ");
/// The signature list's typst source.
pub const LIST_TYP: &str = include_str!("../../templates/petitions/signatures.typ");

/// Message key of a state.
pub fn state_key(s: PetitionState) -> String {
    format!("petitions-state-{}", s.code().replace('_', "-"))
}

fn state_key_code(code: &str) -> String {
    format!("petitions-state-{}", code.replace('_', "-"))
}

fn level_key(code: &str) -> String {
    format!("petitions-level-{}", code.replace('_', "-"))
}

fn kind_key(code: &str) -> String {
    format!("petitions-kind-{code}")
}

fn ground_key(code: &str) -> String {
    format!("petitions-ground-{}", code.replace('_', "-"))
}

/// A calendar day stored as `YYYY-MM-DD`, written in the page's language.
pub fn day(page: &Page, iso: &str) -> String {
    match iso.parse::<jiff::civil::Date>() {
        Ok(d) => page.date(&(start_of_day(d) + 12 * 3600)),
        Err(_) => iso.to_owned(),
    }
}

fn day_in(locale: Locale, iso: &str) -> String {
    match iso.parse::<jiff::civil::Date>() {
        Ok(d) => locale.format_date(start_of_day(d) + 12 * 3600),
        Err(_) => iso.to_owned(),
    }
}

/// Territory and organisation names.
#[derive(Debug, Default)]
pub struct NameBook {
    territories: HashMap<i64, Names>,
    organisations: HashMap<i64, Names>,
}

impl NameBook {
    /// Loads every name once per request.
    pub async fn load(db: &Db) -> Result<Self, StoreError> {
        Ok(Self {
            territories: store::territory_names(db).await?,
            organisations: store::organisation_names(db).await?,
        })
    }

    /// A territory's name in the page's language.
    pub fn territory(&self, page: &Page, id: i64) -> String {
        self.territory_in(page.locale, id)
    }

    fn territory_in(&self, locale: Locale, id: i64) -> String {
        self.territories
            .get(&id)
            .map(|n| n.get(locale.code()).to_owned())
            .unwrap_or_else(|| format!("#{id}"))
    }

    /// An organisation's name in the page's language.
    pub fn organisation(&self, page: &Page, id: i64) -> String {
        self.organisations
            .get(&id)
            .map(|n| n.get(page.locale.code()).to_owned())
            .unwrap_or_else(|| format!("#{id}"))
    }

    /// A field of activity's label.
    pub fn field(&self, page: &Page, code: &str) -> String {
        page.t(&format!("territory-field-{}", code.replace('_', "-")))
    }
}

/// An option of a `<select>`.
#[derive(Debug, Clone)]
pub struct Opt {
    /// Value.
    pub value: String,
    /// Label.
    pub label: String,
    /// Selected.
    pub selected: bool,
}

fn opt(value: impl Into<String>, label: String, current: &str) -> Opt {
    let value = value.into();
    let selected = value == current;
    Opt {
        value,
        label,
        selected,
    }
}

// ---------------------------------------------------------------------------------------------
// Register
// ---------------------------------------------------------------------------------------------

/// One line of the register.
#[derive(Debug, Clone)]
pub struct RegisterRow {
    /// Id.
    pub id: i64,
    /// Title.
    pub title: String,
    /// Council territory.
    pub council: String,
    /// Kind label.
    pub kind: String,
    /// State label.
    pub state: String,
    /// Decision overdue.
    pub overdue: bool,
    /// "123 / 400".
    pub signatures: String,
    /// Deposit date.
    pub deposited: String,
    /// Deadline.
    pub deadline: String,
}

/// `/petitions` and `/petitions/mine`.
#[derive(Template)]
#[template(path = "petitions/register.html")]
pub struct RegisterTemplate<'a> {
    page: &'a Page,
    title: String,
    mine: bool,
    rows: Vec<RegisterRow>,
    territories: Vec<Opt>,
    levels: Vec<Opt>,
    states: Vec<Opt>,
    kinds: Vec<Opt>,
    query: String,
    count_text: String,
}

impl<'a> RegisterTemplate<'a> {
    /// Builds the page.
    pub fn new(
        page: &'a Page,
        names: &NameBook,
        rows: &[PetitionRow],
        f: &RegisterFilter,
        councils: &[(i64, i64, CouncilLevel)],
        now: i64,
        mine: bool,
    ) -> Self {
        let cur_t = f.territory_id.map(|t| t.to_string()).unwrap_or_default();
        let cur_l = f.level.map(|l| l.code()).unwrap_or_default();
        let cur_s = f.state.map(|s| s.code()).unwrap_or_default();
        let cur_k = f.kind.map(|k| k.code()).unwrap_or_default();
        let territories = councils
            .iter()
            .map(|(_, t, _)| opt(t.to_string(), names.territory(page, *t), &cur_t))
            .collect();
        let levels = CouncilLevel::ALL
            .iter()
            .map(|l| opt(l.code(), page.t(&level_key(l.code())), cur_l))
            .collect();
        let states = PetitionState::ALL
            .iter()
            .filter(|s| s.is_public())
            .map(|s| opt(s.code(), page.t(&state_key(*s)), cur_s))
            .collect();
        let kinds = [PetitionKind::Citizen, PetitionKind::Association]
            .iter()
            .map(|k| opt(k.code(), page.t(&kind_key(k.code())), cur_k))
            .collect();
        let mut query = Vec::new();
        for (k, v) in [
            ("territory", cur_t.as_str()),
            ("level", cur_l),
            ("state", cur_s),
            ("kind", cur_k),
        ] {
            if !v.is_empty() {
                query.push(format!("{k}={}", urlencoding::encode(v)));
            }
        }
        let query = if query.is_empty() {
            String::new()
        } else {
            format!("?{}", query.join("&"))
        };
        let rows: Vec<RegisterRow> = rows
            .iter()
            .map(|p| RegisterRow {
                id: p.id,
                title: p.title.clone(),
                council: p
                    .territory_id
                    .map(|t| names.territory(page, t))
                    .unwrap_or_else(|| page.t(&level_key(&p.addressee))),
                kind: page.t(&kind_key(&p.kind)),
                state: page.t(&state_key_code(&p.state)),
                overdue: service::is_overdue(p, now),
                signatures: if p.kind == "citizen" {
                    format!("{} / {}", p.signature_count, p.required_signatures)
                } else {
                    "—".into()
                },
                deposited: p.deposited_at.map(|t| page.date(&t)).unwrap_or_default(),
                deadline: p
                    .deadline_on
                    .as_deref()
                    .map(|d| day(page, d))
                    .unwrap_or_default(),
            })
            .collect();
        let title = page.t(if mine {
            "petitions-mine-title"
        } else {
            "petitions-register-title"
        });
        let count_text = page.tn(
            "petitions-register-count",
            i64::try_from(rows.len()).unwrap_or(i64::MAX),
        );
        Self {
            page,
            title,
            mine,
            rows,
            territories,
            levels,
            states,
            kinds,
            query,
            count_text,
        }
    }
}

/// One record of `/petitions.json` and `/petitions.csv`.
#[derive(Debug, Clone, Serialize)]
pub struct Record {
    id: i64,
    url: String,
    title: String,
    kind: String,
    addressee: String,
    level: String,
    territory_id: Option<i64>,
    territory_ar: String,
    territory_fr: String,
    status: String,
    signature_count: i64,
    required_signatures: i64,
    required_per_prefecture_province: Option<i64>,
    filed_on: String,
    deposited_on: String,
    receipt_number: String,
    decision_deadline: String,
    decision_overdue: bool,
    admissibility_on: String,
    refusal_ground: String,
    council_decision_on: String,
    votes_for: Option<i64>,
    votes_against: Option<i64>,
    abstentions: Option<i64>,
}

impl Record {
    /// The public record of a petition.
    pub fn new(p: &PetitionRow, names: &NameBook, now: i64) -> Self {
        let date = |t: Option<i64>| t.map(|t| civil_date(t).to_string()).unwrap_or_default();
        let territory = |lang: Locale| {
            p.territory_id
                .map(|t| names.territory_in(lang, t))
                .unwrap_or_default()
        };
        Self {
            id: p.id,
            url: format!("/petitions/{}", p.id),
            title: p.title.clone(),
            kind: p.kind.clone(),
            addressee: p.addressee.clone(),
            level: p.level.clone().unwrap_or_else(|| p.addressee.clone()),
            territory_id: p.territory_id,
            territory_ar: territory(Locale::Ar),
            territory_fr: territory(Locale::Fr),
            status: p.state.clone(),
            signature_count: p.signature_count,
            required_signatures: p.required_signatures,
            required_per_prefecture_province: p.required_per_subdivision,
            filed_on: p.filed_on.clone().unwrap_or_default(),
            deposited_on: date(p.deposited_at),
            receipt_number: p.receipt_number.clone().unwrap_or_default(),
            decision_deadline: p.deadline_on.clone().unwrap_or_default(),
            decision_overdue: service::is_overdue(p, now),
            admissibility_on: date(p.admissibility_at),
            refusal_ground: p.ground.clone().unwrap_or_default(),
            council_decision_on: date(p.decided_at),
            votes_for: p.votes_for,
            votes_against: p.votes_against,
            abstentions: p.abstentions,
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Statistics and rule sets
// ---------------------------------------------------------------------------------------------

/// One line of the statistics table.
#[derive(Debug, Clone)]
pub struct StatRow {
    /// State label.
    pub state: String,
    /// Level label.
    pub level: String,
    /// Kind label.
    pub kind: String,
    /// Petitions.
    pub count: i64,
    /// Signatures.
    pub signatures: i64,
}

/// `/petitions/stats`.
#[derive(Template)]
#[template(path = "petitions/stats.html")]
pub struct StatsTemplate<'a> {
    page: &'a Page,
    rows: Vec<StatRow>,
    summary: Vec<String>,
}

impl<'a> StatsTemplate<'a> {
    /// Builds the page.
    pub fn new(page: &'a Page, stats: &store::Stats) -> Self {
        let rows: Vec<StatRow> = stats
            .rows
            .iter()
            .map(|(s, l, k, c, n)| StatRow {
                state: page.t(&state_key_code(s)),
                level: page.t(&level_key(l)),
                kind: page.t(&kind_key(k)),
                count: *c,
                signatures: *n,
            })
            .collect();
        let summary = vec![
            page.tn("petitions-stats-total", rows.iter().map(|r| r.count).sum()),
            page.tn(
                "petitions-signatures-count",
                rows.iter().map(|r| r.signatures).sum(),
            ),
            page.tn("petitions-stats-overdue", stats.overdue),
        ];
        Self {
            page,
            rows,
            summary,
        }
    }
}

/// A rule of a rule set as shown.
#[derive(Debug, Clone)]
pub struct RuleLine {
    /// What the rule says.
    pub text: String,
    /// Its source.
    pub source: String,
    /// Checked / to confirm label.
    pub mark: String,
    /// Whether it is to confirm.
    pub to_confirm: bool,
}

/// A rule set as shown.
#[derive(Debug, Clone)]
pub struct RuleSetView {
    /// Name.
    pub name: String,
    /// Effective date.
    pub effective: String,
    /// Lines.
    pub lines: Vec<RuleLine>,
}

fn mark_line(page: &Page, text: String, c: &super::model::rules::Citation) -> RuleLine {
    RuleLine {
        text,
        source: c.source.clone(),
        mark: page.t(&format!(
            "petitions-mark-{}",
            c.mark.code().replace('_', "-")
        )),
        to_confirm: c.mark == Verification::ToConfirm,
    }
}

fn rule_set_view(page: &Page, r: &RuleSet) -> RuleSetView {
    let mut lines = Vec::new();
    for t in &r.thresholds {
        let bracket = match (t.max_population, t.with_arrondissements) {
            (_, Some(true)) => page.t("petitions-rules-with-arrondissements"),
            (Some(max), _) => page.tr(
                "petitions-rules-bracket",
                &[
                    ("min", Arg::Num(t.min_population as i64)),
                    ("max", Arg::Num(max as i64)),
                ],
            ),
            (None, _) => page.tr(
                "petitions-rules-bracket-open",
                &[("min", Arg::Num(t.min_population as i64))],
            ),
        };
        let text = page.tr(
            "petitions-rules-threshold",
            &[
                ("level", Arg::from(page.t(&level_key(t.level.code())))),
                ("bracket", Arg::from(bracket)),
                ("count", Arg::Num(i64::from(t.signatures))),
            ],
        );
        lines.push(mark_line(page, text, &t.citation));
    }
    if let Some(s) = &r.spread {
        let text = page.tr(
            "petitions-rules-spread",
            &[("percent", Arg::Num(i64::from(s.percent)))],
        );
        lines.push(mark_line(page, text, &s.citation));
    }
    let text = page.tr(
        "petitions-rules-association",
        &[("years", Arg::Num(i64::from(r.association.min_age_years)))],
    );
    lines.push(mark_line(page, text, &r.association.citation));
    for d in &r.deadlines {
        let text = page.tr(
            "petitions-rules-deadline",
            &[
                ("level", Arg::from(page.t(&level_key(d.level.code())))),
                ("count", Arg::Num(i64::from(d.months))),
            ],
        );
        lines.push(mark_line(page, text, &d.citation));
    }
    for g in &r.excluded_grounds {
        let text = format!(
            "{} {}",
            page.t("petitions-rules-ground"),
            page.t(&ground_key(&g.code))
        );
        lines.push(mark_line(page, text, &g.citation));
    }
    for n in &r.national {
        let text = page.tr(
            "petitions-rules-national",
            &[
                ("kind", Arg::from(page.t(&level_key(n.kind.code())))),
                ("count", Arg::Num(i64::from(n.signatures))),
            ],
        );
        lines.push(mark_line(page, text, &n.citation));
    }
    RuleSetView {
        name: r.name.clone(),
        effective: day(page, &r.effective_from.to_string()),
        lines,
    }
}

/// `/petitions/rules`.
#[derive(Template)]
#[template(path = "petitions/rules.html")]
pub struct RulesTemplate<'a> {
    page: &'a Page,
    sets: Vec<RuleSetView>,
    can_add: bool,
    csrf: String,
    body: String,
    error: Option<String>,
    notice: Option<String>,
}

impl<'a> RulesTemplate<'a> {
    /// Builds the page.
    pub fn new(
        page: &'a Page,
        sets: &[store::StoredRuleSet],
        can_add: bool,
        csrf: String,
        body: String,
        error: Option<String>,
        notice: Option<String>,
    ) -> Self {
        let sets = sets
            .iter()
            .rev()
            .map(|s| rule_set_view(page, &s.rules))
            .collect();
        Self {
            page,
            sets,
            can_add,
            csrf,
            body,
            error,
            notice,
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Drafting
// ---------------------------------------------------------------------------------------------

/// `/petitions/new`.
#[derive(Template)]
#[template(path = "petitions/new.html")]
pub struct NewTemplate<'a> {
    page: &'a Page,
    csrf: String,
    form: DraftForm,
    error: Option<String>,
    councils: Vec<Opt>,
    associations: Vec<Opt>,
    fields: Vec<Opt>,
}

impl<'a> NewTemplate<'a> {
    /// Loads the choices and builds the page.
    pub async fn load(
        db: &Db,
        page: &'a Page,
        user_id: i64,
        csrf: String,
        form: DraftForm,
        error: Option<String>,
    ) -> Result<NewTemplate<'a>, StoreError> {
        let names = NameBook::load(db).await?;
        let councils = store::councils(db)
            .await?
            .into_iter()
            .map(|(c, t, l)| {
                let label = format!(
                    "{} — {}",
                    names.territory(page, t),
                    page.t(&level_key(l.code()))
                );
                opt(c.to_string(), label, &form.council)
            })
            .collect();
        let associations = store::represented_associations(db, user_id)
            .await?
            .into_iter()
            .map(|a| {
                opt(
                    a.to_string(),
                    names.organisation(page, a),
                    &form.association,
                )
            })
            .collect();
        let fields = ActivityField::ALL
            .iter()
            .map(|f| opt(f.as_str(), names.field(page, f.as_str()), &form.field))
            .collect();
        Ok(NewTemplate {
            page,
            csrf,
            form,
            error,
            councils,
            associations,
            fields,
        })
    }
}

/// `/petitions/{id}/edit`: the representative edits a draft.
#[derive(Template)]
#[template(path = "petitions/edit.html")]
pub struct EditTemplate<'a> {
    page: &'a Page,
    csrf: String,
    id: i64,
    form: super::routes::EditFields,
    error: Option<String>,
}

impl<'a> EditTemplate<'a> {
    /// The form, filled in with the draft or with what was typed.
    pub fn new(
        page: &'a Page,
        csrf: String,
        id: i64,
        form: super::routes::EditFields,
        error: Option<String>,
    ) -> Self {
        EditTemplate {
            page,
            csrf,
            id,
            form,
            error,
        }
    }
}

// ---------------------------------------------------------------------------------------------
// A petition's page
// ---------------------------------------------------------------------------------------------

/// One fact of the petition.
#[derive(Debug, Clone)]
pub struct Fact {
    /// Label.
    pub label: String,
    /// Value.
    pub value: String,
}

/// One step of the history.
#[derive(Debug, Clone)]
pub struct HistoryItem {
    /// When.
    pub date: String,
    /// What.
    pub label: String,
    /// Details.
    pub detail: String,
}

/// Progress in one prefecture/province.
#[derive(Debug, Clone)]
pub struct SubRow {
    /// Name.
    pub name: String,
    /// Count.
    pub count: u32,
    /// Required.
    pub required: u32,
    /// Met.
    pub met: bool,
}

/// `/petitions/{id}`.
#[derive(Template)]
#[template(path = "petitions/show.html")]
pub struct ShowTemplate<'a> {
    page: &'a Page,
    csrf: String,
    id: i64,
    title: String,
    state: String,
    overdue: bool,
    facts: Vec<Fact>,
    request: String,
    reasons: String,
    feedback: Feedback,
    citizen: bool,
    count: u32,
    required: u32,
    progress_text: String,
    subs: Vec<SubRow>,
    blockers: Vec<String>,
    history: Vec<HistoryItem>,
    signed_in: bool,
    login_href: String,
    can_sign: bool,
    signed_on: Option<String>,
    can_unsign: bool,
    consent_version: u32,
    places: Vec<Opt>,
    can_open: bool,
    can_edit: bool,
    can_withdraw: bool,
    can_deposit: bool,
    can_export: bool,
    can_paper: bool,
    pending_text: String,
    receipt: bool,
    can_list: bool,
    can_admissibility: bool,
    grounds: Vec<Opt>,
    can_refer: bool,
    committees: Vec<Opt>,
    can_agenda: bool,
    can_decide: bool,
}

impl<'a> ShowTemplate<'a> {
    /// Loads everything the page shows.
    pub async fn load(
        state: &AppState,
        page: &'a Page,
        user: Option<&SignedIn>,
        csrf: String,
        p: &PetitionRow,
        feedback: Feedback,
        now: i64,
    ) -> Result<ShowTemplate<'a>, service::PetitionError> {
        let db = &state.db;
        let names = NameBook::load(db).await?;
        let st = p.state()?;
        let kind = p.kind()?;
        let access = service::access(db, p).await?;
        let roles = user
            .map(|u| u.actor.petition_roles(&access))
            .unwrap_or_default();
        let is_rep = roles.contains(&PetitionRole::Representative);
        let is_bureau = roles.contains(&PetitionRole::BureauMember);
        let is_staff = roles.contains(&PetitionRole::CouncilStaff);
        let actor = user.map_or(Actor::Anonymous, |u| u.actor());
        let rules = store::rule_set(db, p.rule_set_id).await?;
        let council = match p.council_id {
            Some(c) => store::council(db, c).await?,
            None => None,
        };

        let mut facts = Vec::new();
        let mut fact = |label: &str, value: String| {
            if !value.is_empty() {
                facts.push(Fact {
                    label: page.t(label),
                    value,
                });
            }
        };
        let council_label = match (p.territory_id, &p.level) {
            (Some(t), Some(l)) => {
                format!("{} — {}", names.territory(page, t), page.t(&level_key(l)))
            }
            _ => page.t(&level_key(&p.addressee)),
        };
        fact("petitions-fact-council", council_label);
        fact("petitions-fact-kind", page.t(&kind_key(&p.kind)));
        if let Some(a) = p.association_id {
            fact("petitions-fact-association", names.organisation(page, a));
        }
        if let Some(f) = &p.field {
            fact("petitions-fact-field", names.field(page, f));
        }
        fact(
            "petitions-fact-representative",
            p.representative_name.clone(),
        );
        fact("petitions-fact-deputy", p.deputy_name.clone());
        fact(
            "petitions-fact-filed",
            p.filed_on
                .as_deref()
                .map(|d| day(page, d))
                .unwrap_or_default(),
        );
        fact(
            "petitions-fact-receipt",
            p.receipt_number.clone().unwrap_or_default(),
        );
        fact(
            "petitions-fact-deposited",
            p.deposited_at.map(|t| page.date(&t)).unwrap_or_default(),
        );
        let deadline = service::stored_deadline(p);
        if let Some(d) = &deadline {
            let mut text = day(page, &d.last_day.to_string());
            if st.awaits_admissibility() {
                let left = d.days_remaining(now);
                if left >= 0 {
                    text = format!("{text} ({})", page.tn("petitions-days-left", left));
                }
            }
            fact("petitions-fact-deadline", text);
        }
        fact(
            "petitions-fact-admissibility",
            p.admissibility_at
                .map(|t| page.date(&t))
                .unwrap_or_default(),
        );
        if let Some(g) = &p.ground {
            fact("petitions-fact-ground", page.t(&ground_key(g)));
        }
        fact(
            "petitions-fact-bureau-reasons",
            p.bureau_reasons.clone().unwrap_or_default(),
        );
        if let Some(c) = p.committee_id {
            fact("petitions-fact-committee", names.organisation(page, c));
        }
        fact(
            "petitions-fact-session",
            p.session_on
                .as_deref()
                .map(|d| day(page, d))
                .unwrap_or_default(),
        );
        fact(
            "petitions-fact-decision",
            p.decision_text.clone().unwrap_or_default(),
        );
        if let (Some(f), Some(a), Some(ab)) = (p.votes_for, p.votes_against, p.abstentions) {
            let votes = page.tr(
                "petitions-votes",
                &[
                    ("for", Arg::Num(f)),
                    ("against", Arg::Num(a)),
                    ("abstentions", Arg::Num(ab)),
                ],
            );
            fact("petitions-fact-votes", votes);
        }
        fact(
            "petitions-fact-decided",
            p.decided_at.map(|t| page.date(&t)).unwrap_or_default(),
        );
        if let Some(r) = &rules {
            fact("petitions-fact-rules", r.rules.name.clone());
        }

        let progress = service::signature_progress(db, p).await?;
        let subs = progress
            .subdivisions
            .iter()
            .map(|s| SubRow {
                name: names.territory(page, s.territory_id),
                count: s.count,
                required: s.required,
                met: s.met(),
            })
            .collect();
        let progress_text = page.tr(
            "petitions-progress-count",
            &[
                ("count", Arg::Num(i64::from(progress.total))),
                ("required", Arg::Num(i64::from(progress.required))),
            ],
        );

        let open = st == PetitionState::OpenForSignatures;
        let citizen = kind == PetitionKind::Citizen;
        let signed_on = match user {
            Some(u) if citizen => store::signed_at(db, p.id, u.actor.id.0)
                .await?
                .map(|t| page.date(&t)),
            _ => None,
        };
        // Deposit conditions are shown to the representative before they try.
        let can_deposit = is_rep
            && p.addressee == "council"
            && ((citizen && open) || (!citizen && st == PetitionState::Draft));
        let blockers = if can_deposit || (is_rep && open) {
            match service::deposit_blockers_for(db, p, now).await {
                Ok(list) => list
                    .iter()
                    .map(|b| super::routes::blocker_text(page, &names, b))
                    .collect(),
                Err(_) => Vec::new(),
            }
        } else {
            Vec::new()
        };
        let can_paper =
            open && citizen && allowed(&actor, &Action::ManagePetition(access.clone())).is_ok();
        let places = if can_sign_or_paper(open, citizen) {
            let territory = p.territory_id.unwrap_or(0);
            let mut out = Vec::new();
            for (id, _level) in store::places(db).await? {
                let chain = store::territory_chain(db, id).await?;
                if chain.contains(&territory) {
                    let current = if can_paper {
                        feedback.paper.place.clone()
                    } else {
                        feedback.sign.activity_place.clone()
                    };
                    out.push(opt(id.to_string(), names.territory(page, id), &current));
                }
            }
            out
        } else {
            Vec::new()
        };
        let grounds = rules
            .as_ref()
            .map(|r| {
                r.rules
                    .excluded_grounds
                    .iter()
                    .map(|g| {
                        opt(
                            g.code.clone(),
                            page.t(&ground_key(&g.code)),
                            &feedback.step.ground,
                        )
                    })
                    .collect()
            })
            .unwrap_or_default();
        let committees = council
            .as_ref()
            .map(|c| {
                c.committees
                    .iter()
                    .map(|id| {
                        opt(
                            id.to_string(),
                            names.organisation(page, *id),
                            &feedback.step.committee,
                        )
                    })
                    .collect()
            })
            .unwrap_or_default();

        let mut history = Vec::new();
        for e in store::events(db, p.id).await? {
            // The draft's own history is private; the public sees the procedure from opening.
            let detail = history_detail(page, &names, &e.details);
            history.push(HistoryItem {
                date: page.datetime(&e.at),
                label: page.t(&format!(
                    "petitions-step-{}",
                    e.transition.replace('_', "-")
                )),
                detail,
            });
        }

        let pending_paper = if can_paper {
            store::pending_paper_lines(db, p.id).await?
        } else {
            0
        };
        Ok(ShowTemplate {
            page,
            csrf,
            id: p.id,
            title: p.title.clone(),
            state: page.t(&state_key(st)),
            overdue: service::is_overdue(p, now),
            facts,
            request: p.request.clone(),
            reasons: p.reasons.clone(),
            feedback,
            citizen,
            count: progress.total,
            required: progress.required,
            progress_text,
            subs,
            blockers,
            history,
            signed_in: user.is_some(),
            login_href: format!(
                "/account/login?next={}",
                urlencoding::encode(&format!("/petitions/{}", p.id))
            ),
            can_sign: open && citizen && signed_on.is_none(),
            can_unsign: open && signed_on.is_some(),
            signed_on,
            consent_version: CONSENT_VERSION,
            places,
            can_open: is_rep && citizen && st == PetitionState::Draft,
            can_edit: is_rep && st == PetitionState::Draft,
            can_withdraw: is_rep
                && matches!(st, PetitionState::Draft | PetitionState::OpenForSignatures),
            can_deposit,
            can_export: is_rep && open && p.addressee != "council",
            can_paper,
            pending_text: page.tn("petitions-paper-pending", pending_paper),
            receipt: p.receipt_number.is_some(),
            can_list: is_staff && st.is_deposited(),
            can_admissibility: is_bureau && st == PetitionState::Deposited,
            grounds,
            can_refer: (is_bureau || is_staff) && st == PetitionState::Admissible,
            committees,
            can_agenda: (is_bureau || is_staff) && st == PetitionState::ReferredToCommittee,
            can_decide: (is_bureau || is_staff) && st == PetitionState::OnAgenda,
        })
    }
}

fn can_sign_or_paper(open: bool, citizen: bool) -> bool {
    open && citizen
}

fn history_detail(page: &Page, names: &NameBook, details: &str) -> String {
    let Ok(v) = serde_json::from_str::<serde_json::Value>(details) else {
        return String::new();
    };
    let mut parts = Vec::new();
    if let Some(r) = v.get("receipt_number").and_then(|r| r.as_str()) {
        parts.push(format!("{} {r}", page.t("petitions-fact-receipt")));
    }
    if let Some(n) = v.get("signatures").and_then(serde_json::Value::as_i64) {
        parts.push(page.tn("petitions-signatures-count", n));
    }
    if let Some(g) = v.get("ground").and_then(|g| g.as_str()) {
        parts.push(page.t(&ground_key(g)));
    }
    if let Some(c) = v.get("committee_id").and_then(serde_json::Value::as_i64) {
        parts.push(names.organisation(page, c));
    }
    if let Some(s) = v.get("session").and_then(|s| s.as_str()) {
        parts.push(day(page, s));
    }
    if let (Some(f), Some(a), Some(ab)) = (
        v.get("for").and_then(serde_json::Value::as_i64),
        v.get("against").and_then(serde_json::Value::as_i64),
        v.get("abstentions").and_then(serde_json::Value::as_i64),
    ) {
        parts.push(page.tr(
            "petitions-votes",
            &[
                ("for", Arg::Num(f)),
                ("against", Arg::Num(a)),
                ("abstentions", Arg::Num(ab)),
            ],
        ));
    }
    parts.join(" · ")
}

// ---------------------------------------------------------------------------------------------
// Documents
// ---------------------------------------------------------------------------------------------

/// The receipt's data, in Arabic and French.
pub fn receipt_inputs(p: &PetitionRow, names: &NameBook) -> pdf::Inputs {
    let mut inputs = pdf::Inputs::new();
    for locale in [Locale::Ar, Locale::Fr] {
        let l = locale.code();
        let council = match (p.territory_id, &p.level) {
            (Some(t), Some(level)) => format!(
                "{} — {}",
                names.territory_in(locale, t),
                locale.t(&level_key(level))
            ),
            _ => locale.t(&level_key(&p.addressee)),
        };
        let deposited = p
            .deposited_at
            .map(|t| locale.format_datetime(t))
            .unwrap_or_default();
        let deadline = p
            .deadline_on
            .as_deref()
            .map(|d| day_in(locale, d))
            .unwrap_or_default();
        let signatures = if p.kind == "citizen" {
            format!("{} / {}", p.signature_count, p.required_signatures)
        } else {
            locale.t("petitions-kind-association")
        };
        inputs = inputs
            .text(
                &format!("{l}_heading"),
                locale.t("petitions-receipt-heading"),
            )
            .text(&format!("{l}_intro"), locale.t("petitions-receipt-intro"))
            .rows(
                &format!("{l}_rows"),
                vec![
                    vec![
                        locale.t("petitions-fact-receipt"),
                        p.receipt_number.clone().unwrap_or_default(),
                    ],
                    vec![locale.t("petitions-fact-deposited"), deposited],
                    vec![locale.t("petitions-fact-council"), council],
                    vec![locale.t("petitions-receipt-title"), p.title.clone()],
                    vec![
                        locale.t("petitions-fact-kind"),
                        locale.t(&kind_key(&p.kind)),
                    ],
                    vec![
                        locale.t("petitions-fact-representative"),
                        p.representative_name.clone(),
                    ],
                    vec![locale.t("petitions-fact-deputy"), p.deputy_name.clone()],
                    vec![locale.t("petitions-receipt-signatures"), signatures],
                    vec![locale.t("petitions-fact-deadline"), deadline],
                ],
            )
            .text(&format!("{l}_legal"), locale.t("petitions-receipt-legal"));
    }
    inputs.text("footer", format!("Nousharik · /petitions/{}", p.id))
}

/// One line of the council's signature list (clear CIN).
#[derive(Debug, Clone, Serialize)]
pub struct ListLine {
    /// Order.
    pub n: usize,
    /// Name.
    pub full_name: String,
    /// CIN number, decrypted (or a mark when it cannot be).
    pub cin: String,
    /// online / paper.
    pub source: String,
    /// resident / activity.
    pub basis: String,
    /// Place (French name).
    pub place: String,
    /// Signing date.
    pub signed_on: String,
}

impl ListLine {
    /// Decrypts one line.
    pub fn new(
        n: usize,
        s: &ListedSignature,
        keys: &CinKeys,
        petition_id: i64,
        names: &NameBook,
    ) -> Self {
        Self {
            n,
            full_name: s.full_name.clone(),
            cin: keys
                .decrypt(petition_id, &s.cin_sealed)
                .map(|c| c.as_str().to_owned())
                .unwrap_or_else(|_| "?".into()),
            source: s.source.clone(),
            basis: s.basis.clone(),
            place: s
                .place_id
                .map(|t| names.territory_in(Locale::Fr, t))
                .unwrap_or_default(),
            signed_on: civil_date(s.signed_at).to_string(),
        }
    }
}

/// The signature list's data.
pub fn list_inputs(p: &PetitionRow, lines: &[ListLine], names: &NameBook) -> pdf::Inputs {
    let council = p
        .territory_id
        .map(|t| names.territory_in(Locale::Fr, t))
        .unwrap_or_default();
    let council_ar = p
        .territory_id
        .map(|t| names.territory_in(Locale::Ar, t))
        .unwrap_or_default();
    pdf::Inputs::new()
        .text("ar_heading", Locale::Ar.t("petitions-list-heading"))
        .text("fr_heading", Locale::Fr.t("petitions-list-heading"))
        .text("title", p.title.clone())
        .text("council", council)
        .text("council_ar", council_ar)
        .text("receipt", p.receipt_number.clone().unwrap_or_default())
        .text("count", lines.len().to_string())
        .text("confidential", Locale::Fr.t("petitions-list-confidential"))
        .text(
            "confidential_ar",
            Locale::Ar.t("petitions-list-confidential"),
        )
        .rows(
            "rows",
            lines
                .iter()
                .map(|l| {
                    vec![
                        l.n.to_string(),
                        l.full_name.clone(),
                        l.cin.clone(),
                        l.place.clone(),
                        l.source.clone(),
                        l.signed_on.clone(),
                    ]
                })
                .collect(),
        )
}
