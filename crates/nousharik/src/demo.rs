//! Demo data for `nousharik demo` and `nousharik serve --demo`.
//!
//! Each module that has demo data exposes `pub async fn seed(state: &AppState) ->
//! anyhow::Result<Vec<DemoLogin>>` in `src/<module>/demo.rs` and adds one line to [`seed`],
//! in dependency order (territories before accounts before petitions…). Seeders must be
//! idempotent: `serve --demo` runs them at every start, so they check before inserting.

use crate::platform::AppState;

/// A demo account whose login is printed at start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoLogin {
    /// What the account can do, in English (e.g. "platform administrator").
    pub role: String,
    /// Login e-mail.
    pub email: String,
    /// Password.
    pub password: String,
}

/// Seeds every module's demo data and returns the demo logins.
pub async fn seed(state: &AppState) -> anyhow::Result<Vec<DemoLogin>> {
    let mut logins: Vec<DemoLogin> = Vec::new();
    // One line per module, in dependency order.
    crate::territory::demo::seed(state).await?;
    logins.extend(crate::accounts::demo::seed(state).await?);
    logins.extend(crate::petitions::demo::seed(state).await?);
    crate::meetings::demo::seed(state).await?;
    crate::results::demo::seed(state).await?;
    logins.extend(crate::ogp::demo::seed(state).await?);
    crate::budgets::demo::seed(state).await?;
    Ok(logins)
}

/// The lines printed after seeding: the URL and the demo logins.
pub fn summary(base_url: &str, logins: &[DemoLogin]) -> String {
    let mut out = format!("Nousharik demo: open {base_url}/\n");
    if logins.is_empty() {
        out.push_str("No demo accounts.\n");
    } else {
        out.push_str("Demo accounts (e-mail / password):\n");
        let width = logins
            .iter()
            .map(|l| l.role.chars().count())
            .max()
            .unwrap_or(0);
        for l in logins {
            out.push_str(&format!(
                "  {:width$}  {} / {}\n",
                l.role, l.email, l.password
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_lists_logins() {
        let s = summary(
            "http://127.0.0.1:8080",
            &[DemoLogin {
                role: "admin".into(),
                email: "a@x.ma".into(),
                password: "pw".into(),
            }],
        );
        assert!(s.contains("http://127.0.0.1:8080/"));
        assert!(s.contains("admin  a@x.ma / pw"));
    }
}
