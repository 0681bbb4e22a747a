//! Rebuild when embedded files change: migrations (sqlx::migrate!), locales (fluent-templates),
//! templates (askama) and static files (include_bytes!). New files in these folders are only
//! noticed through these lines.
fn main() {
    for dir in ["migrations", "locales", "templates", "static"] {
        println!("cargo:rerun-if-changed={dir}");
    }
}
