//! The notice mailed to a proposal's author when the technical review decides on it: on the
//! ballot at its final cost, or not feasible and why. In the author's language, with the link
//! to the project's page. A mail that cannot be sent is logged; the decision stands.

use super::model::project::Review;
use super::views::decimal_of;
use crate::platform::AppState;
use crate::platform::i18n::{Arg, Locale};
use crate::platform::ids::UserId;
use crate::platform::mail::{OutgoingMail, notice, send_logged};

/// The review notice for `to` (named `name`) in `locale`.
pub fn review_notice(
    locale: Locale,
    to: &str,
    name: &str,
    title: &str,
    decision: &Review,
    link: &str,
) -> OutgoingMail {
    let body = match decision {
        Review::Feasible { cost, reason } => {
            let amount = locale.tr(
                "budgets-dh",
                &[("amount", Arg::from(cost.format(decimal_of(locale))))],
            );
            let mut text = locale.tr(
                "budgets-mail-feasible-body",
                &[("title", Arg::from(title)), ("cost", Arg::from(amount))],
            );
            if !reason.trim().is_empty() {
                text.push_str("\n\n");
                text.push_str(reason.trim());
            }
            text
        }
        Review::NotFeasible { reason } => locale.tr(
            "budgets-mail-not-feasible-body",
            &[
                ("title", Arg::from(title)),
                ("reason", Arg::from(reason.trim())),
            ],
        ),
    };
    notice(
        locale,
        to,
        locale.tr(
            "budgets-mail-reviewed-subject",
            &[("title", Arg::from(title))],
        ),
        &[
            locale.tr("budgets-mail-greeting", &[("name", Arg::from(name))]),
            body,
        ],
        link,
        locale.t("budgets-mail-signature"),
    )
}

/// Mails the author of project `project` (titled `title`), if the account still exists, the
/// review `decision`. Returns how many mails left (0 or 1).
pub async fn reviewed(
    state: &AppState,
    author: Option<i64>,
    project: i64,
    title: &str,
    decision: &Review,
) -> anyhow::Result<usize> {
    let Some(author) = author else {
        return Ok(0);
    };
    let user = crate::accounts::store::user(&state.db, UserId(author)).await?;
    let Some(user) = user.filter(|u| u.deleted_at.is_none()) else {
        return Ok(0);
    };
    let link = format!(
        "{}/budgets/projects/{project}",
        state.config.base_url.trim_end_matches('/')
    );
    let mail = review_notice(
        user.language,
        &user.email,
        &user.display_name,
        title,
        decision,
        &link,
    );
    Ok(send_logged(state, &[mail]).await)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::budgets::model::Money;

    #[test]
    fn both_notices_exist_in_every_language_with_the_link_alone_on_its_line() {
        let link = "http://127.0.0.1:8080/budgets/projects/7";
        for locale in Locale::ALL {
            for decision in [
                Review::Feasible {
                    cost: Money::from_dirhams(400_000),
                    reason: "Terrain communal".into(),
                },
                Review::NotFeasible {
                    reason: "Contraire à la loi".into(),
                },
            ] {
                let m = review_notice(locale, "a@b.ma", "Amina", "Jardin <b>", &decision, link);
                assert!(!m.subject.contains("budgets-"), "{locale:?}");
                assert!(!m.text.contains("budgets-"), "{locale:?}: {}", m.text);
                assert!(m.subject.contains("Jardin <b>"));
                assert!(!m.html.contains("Jardin <b>"), "escaped");
                assert!(m.text.lines().any(|l| l == link), "{locale:?}");
                match decision {
                    Review::Feasible { .. } => {
                        assert!(m.text.contains("400"), "{locale:?}: {}", m.text);
                        assert!(m.text.contains("Terrain communal"));
                    }
                    Review::NotFeasible { .. } => {
                        assert!(m.text.contains("Contraire à la loi"), "{locale:?}");
                    }
                }
            }
        }
    }
}
