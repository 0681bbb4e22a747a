//! The administration area: its home page (what an administrator can manage, with links to
//! every module's admin pages) and the audit-log browser with an on-demand chain check.
//!
//! Accounts, territories and each procedure keep their own admin pages in their module; this
//! module only gathers them and shows the platform-wide audit log.

pub mod routes;
