//! The home page: what the platform is and what one can do with it, in four languages.

use askama::Template;
use axum::Router;
use axum::response::Html;
use axum::routing::get;

use crate::platform::layout::render;
use crate::platform::{AppError, AppState, Locale, Page};

/// One capability presented on the home page.
pub struct Card {
    /// Message key of the title.
    pub title: &'static str,
    /// Message key of the text.
    pub text: &'static str,
    /// Link to the capability's page, only once that page exists.
    pub href: Option<&'static str>,
}

/// The capabilities, in the order shown. Set `href` when the module's page lands.
pub const CARDS: &[Card] = &[
    Card {
        title: "home-territories-title",
        text: "home-territories-text",
        href: Some("/territories"),
    },
    Card {
        title: "home-associations-title",
        text: "home-associations-text",
        href: Some("/associations"),
    },
    Card {
        title: "home-petitions-title",
        text: "home-petitions-text",
        href: None,
    },
    Card {
        title: "home-budgets-title",
        text: "home-budgets-text",
        href: None,
    },
    Card {
        title: "home-meetings-title",
        text: "home-meetings-text",
        href: None,
    },
    Card {
        title: "home-ogp-title",
        text: "home-ogp-text",
        href: Some("/ogp"),
    },
];

#[derive(Template)]
#[template(path = "home/index.html")]
struct HomeTemplate<'a> {
    page: &'a Page,
    cards: &'static [Card],
    languages_count: String,
}

async fn home(page: Page) -> Result<Html<String>, AppError> {
    let count = i64::try_from(Locale::ALL.len()).unwrap_or(4);
    render(&HomeTemplate {
        languages_count: page.tn("platform-languages-count", count),
        page: &page,
        cards: CARDS,
    })
}

/// Routes of the home page.
pub fn routes() -> Router<AppState> {
    Router::new().route("/", get(home))
}
