//! What the pages show of an event: names in the page's language, dates, places left.

use super::model::registration::RegistrationStatus;
use super::store::{Event, Registration};
use crate::platform::Page;

/// An event as listed.
#[derive(Debug, Clone)]
pub struct EventView {
    /// Id.
    pub id: i64,
    /// Link.
    pub href: String,
    /// Title (user text: printed in an element with `dir="auto"`).
    pub title: String,
    /// Kind, translated.
    pub kind: String,
    /// Kind code (CSS, filters).
    pub kind_code: &'static str,
    /// Organiser, in Arabic on Arabic pages and French otherwise.
    pub organiser: String,
    /// Territory, likewise.
    pub territory: String,
    /// Territory code.
    pub territory_code: String,
    /// Programme.
    pub programme: Option<String>,
    /// When, formatted.
    pub when: String,
    /// Until, formatted.
    pub until: String,
    /// Mode, translated.
    pub mode: String,
    /// Address.
    pub address: Option<String>,
    /// Link.
    pub link: Option<String>,
    /// Cancelled.
    pub cancelled: bool,
    /// Demo data.
    pub demo: bool,
}

impl EventView {
    /// The view of an event on a page.
    pub fn of(e: &Event, page: &Page) -> Self {
        let pick = |(ar, fr): &(String, String)| {
            if page.locale.is_rtl() {
                ar.clone()
            } else {
                fr.clone()
            }
        };
        EventView {
            id: e.id,
            href: format!("/events/{}", e.id),
            title: e.draft.title.clone(),
            kind: page.t(&format!(
                "meetings-kind-{}",
                e.draft.kind.code().replace('_', "-")
            )),
            kind_code: e.draft.kind.code(),
            organiser: pick(&e.organiser_name),
            territory: pick(&e.territory_name),
            territory_code: e.territory_code.clone(),
            programme: e.draft.programme.clone(),
            when: page.datetime(&e.draft.starts_at),
            until: page.datetime(&e.draft.ends_at),
            mode: page.t(&format!(
                "meetings-mode-{}",
                e.draft.mode.kind().code().replace('_', "-")
            )),
            address: e.draft.mode.address().map(str::to_string),
            link: e.draft.mode.link().map(str::to_string),
            cancelled: e.status == super::model::EventStatus::Cancelled,
            demo: e.demo,
        }
    }
}

/// A registration as listed to staff or its holder.
#[derive(Debug, Clone)]
pub struct RegistrationView {
    /// Id.
    pub id: i64,
    /// Name (user text).
    pub name: String,
    /// Code, grouped.
    pub code: String,
    /// Status, translated.
    pub status: String,
    /// Status code.
    pub status_code: &'static str,
    /// Checked in at, formatted.
    pub checked_in: Option<String>,
    /// Walk-in.
    pub walk_in: bool,
    /// May be checked in now by name.
    pub can_check_in: bool,
}

impl RegistrationView {
    /// The view of a registration.
    pub fn of(r: &Registration, page: &Page) -> Self {
        RegistrationView {
            id: r.id,
            name: r.name.clone(),
            code: r.display_code(),
            status: page.t(&format!("meetings-status-{}", r.status.code())),
            status_code: r.status.code(),
            checked_in: r.checked_in_at.map(|t| page.datetime(&t)),
            walk_in: r.walk_in,
            can_check_in: r.status == RegistrationStatus::Confirmed && r.checked_in_at.is_none(),
        }
    }
}
