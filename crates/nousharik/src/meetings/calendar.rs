//! iCalendar (RFC 5545) feeds: one event, a territory's events, all events. Built with the
//! `icalendar` crate; times are written in UTC (`…Z`), so no VTIMEZONE block is needed and
//! every calendar shows them in its own zone.

use icalendar::{Calendar, Component, EventLike, EventStatus as IcalStatus};

use super::model::EventStatus;
use super::store::Event;

fn utc(ts: i64) -> String {
    jiff::Timestamp::from_second(ts).map_or_else(
        |_| "19700101T000000Z".to_string(),
        |t| t.strftime("%Y%m%dT%H%M%SZ").to_string(),
    )
}

/// The feed of `events`, named `name`; `base_url` makes each event's link and unique id.
pub fn feed(name: &str, events: &[Event], base_url: &str) -> String {
    let base = base_url.trim_end_matches('/');
    let host = url::Url::parse(base)
        .ok()
        .and_then(|u| u.host_str().map(str::to_string))
        .unwrap_or_else(|| "nousharik".into());
    let mut cal = Calendar::new();
    cal.name(name);
    for e in events {
        let mut ev = icalendar::Event::new();
        ev.uid(&format!("event-{}@{host}", e.id))
            .summary(&e.draft.title)
            .add_property("DTSTAMP", utc(e.updated_at))
            .add_property("DTSTART", utc(e.draft.starts_at))
            .add_property("DTEND", utc(e.draft.ends_at))
            .url(&format!("{base}/events/{}", e.id))
            .status(if e.status == EventStatus::Cancelled {
                IcalStatus::Cancelled
            } else {
                IcalStatus::Confirmed
            });
        let mut description = e.draft.description.clone();
        if !e.draft.agenda.is_empty() {
            description.push_str("\n\n");
            description.push_str(&e.draft.agenda);
        }
        if let Some(link) = e.draft.mode.link() {
            description.push_str("\n\n");
            description.push_str(link);
        }
        ev.description(description.trim());
        if let Some(address) = e.draft.mode.address() {
            ev.location(address);
        } else if let Some(link) = e.draft.mode.link() {
            ev.location(link);
        }
        cal.push(ev.done());
    }
    cal.done().to_string()
}
