//! Store tests of the accounts module, each on SQLite and PostgreSQL.

mod accounts_support;

use nousharik::accounts::model::{
    Consent, Demographics, DisplayName, Email, Evidence, Language, OrgRole, Sex, TokenProblem,
    TokenPurpose,
};
use nousharik::accounts::store::{self, NewUser, SESSION_LIFETIME_SECS, SESSION_TOUCH_EVERY_SECS};
use nousharik::platform::audit;
use nousharik::platform::db::Db;
use nousharik::platform::ids::{OrganisationId, TerritoryId, UserId};
use nousharik::platform::permissions::{Action, Actor, allowed};
use nousharik::store_test;

const T0: i64 = 1_780_000_000;

async fn new_user(db: &Db, email: &str) -> UserId {
    let email = Email::parse(email).unwrap();
    let name = DisplayName::parse("Test user").unwrap();
    store::create_user(
        db,
        &NewUser {
            email: &email,
            password_hash: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaA",
            display_name: &name,
            language: Language::Fr,
        },
        T0,
    )
    .await
    .unwrap()
    .unwrap()
}

async fn audit_actions(db: &Db, subject: &str) -> Vec<String> {
    audit::for_subject(db, subject)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .collect()
}

store_test!(
    async fn one_account_per_address(db: Db) {
        let id = new_user(&db, "Amina@Example.ma").await;
        let again = store::create_user(
            &db,
            &NewUser {
                email: &Email::parse("amina@example.ma").unwrap(),
                password_hash: "x",
                display_name: &DisplayName::parse("Other").unwrap(),
                language: Language::Ar,
            },
            T0,
        )
        .await
        .unwrap();
        assert_eq!(again, None);
        let u = store::user_by_email(&db, &Email::parse("AMINA@example.ma").unwrap())
            .await
            .unwrap()
            .unwrap();
        assert_eq!(u.id, id);
        assert_eq!(u.display_name, "Test user");
        assert_eq!(u.language, Language::Fr);
        assert!(!u.is_admin);
        assert_eq!(u.email_confirmed_at, None);
    }
);

store_test!(
    async fn links_are_single_use_and_expire(db: Db) {
        let id = new_user(&db, "a@example.ma").await;
        let t = store::create_token(&db, id, TokenPurpose::ConfirmEmail, T0)
            .await
            .unwrap();
        // A confirmation link is not a reset link.
        assert_eq!(
            store::use_token(&db, &t, TokenPurpose::ResetPassword, T0 + 1)
                .await
                .unwrap(),
            Err(TokenProblem::Unknown)
        );
        assert_eq!(
            store::peek_token(&db, &t, TokenPurpose::ConfirmEmail, T0 + 1)
                .await
                .unwrap(),
            Ok(id)
        );
        assert_eq!(
            store::use_token(&db, &t, TokenPurpose::ConfirmEmail, T0 + 1)
                .await
                .unwrap(),
            Ok(id)
        );
        assert_eq!(
            store::use_token(&db, &t, TokenPurpose::ConfirmEmail, T0 + 2)
                .await
                .unwrap(),
            Err(TokenProblem::Used)
        );
        let late = store::create_token(&db, id, TokenPurpose::ResetPassword, T0)
            .await
            .unwrap();
        assert_eq!(
            store::use_token(&db, &late, TokenPurpose::ResetPassword, T0 + 3600)
                .await
                .unwrap(),
            Err(TokenProblem::Expired)
        );
        assert_eq!(
            store::use_token(&db, &"0".repeat(64), TokenPurpose::ResetPassword, T0)
                .await
                .unwrap(),
            Err(TokenProblem::Unknown)
        );
        // Only digests are stored.
        let stored: i64 = db
            .query_scalar("SELECT COUNT(*) FROM account_tokens WHERE token_hash = ?")
            .bind(&t)
            .fetch_one(db.pool())
            .await
            .unwrap();
        assert_eq!(stored, 0);
        // Expiring older reset links.
        let r = store::create_token(&db, id, TokenPurpose::ResetPassword, T0)
            .await
            .unwrap();
        store::expire_tokens(&db, id, TokenPurpose::ResetPassword, T0 + 5)
            .await
            .unwrap();
        assert_eq!(
            store::use_token(&db, &r, TokenPurpose::ResetPassword, T0 + 6)
                .await
                .unwrap(),
            Err(TokenProblem::Used)
        );
    }
);

store_test!(
    async fn confirmation_is_recorded_once(db: Db) {
        let id = new_user(&db, "a@example.ma").await;
        assert!(store::confirm_email(&db, id, T0 + 10).await.unwrap());
        assert!(!store::confirm_email(&db, id, T0 + 20).await.unwrap());
        let u = store::user(&db, id).await.unwrap().unwrap();
        assert_eq!(u.email_confirmed_at, Some(T0 + 10));
        assert_eq!(
            audit_actions(&db, &format!("account:{}", id.0)).await,
            vec!["account.email.confirm"]
        );
    }
);

store_test!(
    async fn sessions_slide_expire_and_end(db: Db) {
        let id = new_user(&db, "a@example.ma").await;
        let token = store::create_session(&db, id, "Mozilla/5.0 test", T0)
            .await
            .unwrap();
        let s = store::session(&db, &token, T0 + 10).await.unwrap().unwrap();
        assert_eq!(s.user.id, id);
        assert_eq!(s.expires_at, T0 + SESSION_LIFETIME_SECS);
        assert_eq!(s.csrf_secret.len(), 64);
        // Used after the touch interval: the expiry slides.
        let later = T0 + SESSION_TOUCH_EVERY_SECS + 1;
        let s = store::session(&db, &token, later).await.unwrap().unwrap();
        assert_eq!(s.expires_at, later + SESSION_LIFETIME_SECS);
        // Unused for 30 days: gone.
        assert!(
            store::session(&db, &token, later + SESSION_LIFETIME_SECS)
                .await
                .unwrap()
                .is_none()
        );
        // A wrong token finds nothing; the clear token is not stored.
        assert!(
            store::session(&db, &"f".repeat(64), T0)
                .await
                .unwrap()
                .is_none()
        );
        let t2 = store::create_session(&db, id, "", T0).await.unwrap();
        store::delete_session(&db, &t2).await.unwrap();
        assert!(store::session(&db, &t2, T0 + 1).await.unwrap().is_none());
        assert_eq!(
            store::purge_expired(&db, T0 + 10 * SESSION_LIFETIME_SECS)
                .await
                .unwrap(),
            1
        );
    }
);

store_test!(
    async fn new_password_drops_every_session(db: Db) {
        let id = new_user(&db, "a@example.ma").await;
        let a = store::create_session(&db, id, "phone", T0).await.unwrap();
        let b = store::create_session(&db, id, "laptop", T0).await.unwrap();
        store::set_password(&db, id, "$argon2id$new").await.unwrap();
        assert!(store::session(&db, &a, T0 + 1).await.unwrap().is_none());
        assert!(store::session(&db, &b, T0 + 1).await.unwrap().is_none());
        let u = store::user(&db, id).await.unwrap().unwrap();
        assert_eq!(u.password_hash.as_deref(), Some("$argon2id$new"));
    }
);

store_test!(
    async fn demographics_need_consent_in_the_database_too(db: Db) {
        let id = new_user(&db, "a@example.ma").await;
        let d = Demographics::new(
            Consent {
                version: 1,
                given_at: T0,
            },
            Some(Sex::Female),
            None,
        );
        let name = DisplayName::parse("Amina").unwrap();
        store::update_profile(&db, id, &name, Language::Zgh, d.as_ref())
            .await
            .unwrap();
        let u = store::user(&db, id).await.unwrap().unwrap();
        assert_eq!(u.demographics, d);
        assert_eq!(u.language, Language::Zgh);
        // Withdrawing consent erases the data.
        store::update_profile(&db, id, &name, Language::Zgh, None)
            .await
            .unwrap();
        assert_eq!(
            store::user(&db, id).await.unwrap().unwrap().demographics,
            None
        );
        // The CHECK constraint refuses a sex without consent, whatever the code does.
        let raw = db
            .query("UPDATE users SET sex = 'male' WHERE id = ?")
            .bind(id.0)
            .execute(db.pool())
            .await;
        assert!(raw.is_err());
    }
);

store_test!(
    async fn rights_changes_are_audited(db: Db) {
        let places = accounts_support::seed(&db).await;
        let admin = new_user(&db, "admin@example.ma").await;
        let staff = new_user(&db, "staff@example.ma").await;
        let citizen = new_user(&db, "citizen@example.ma").await;
        let council = OrganisationId(places.tangier_council);
        let tangier = TerritoryId(places.tangier);
        let region = TerritoryId(places.region);

        assert!(store::set_admin(&db, admin, true, None).await.unwrap());
        assert!(!store::set_admin(&db, admin, true, None).await.unwrap());
        assert!(
            store::grant_membership(&db, staff, council, OrgRole::Staff, Some(admin), T0)
                .await
                .unwrap()
        );
        assert!(
            !store::grant_membership(&db, staff, council, OrgRole::Staff, Some(admin), T0)
                .await
                .unwrap()
        );
        let ms = store::memberships_of(&db, staff).await.unwrap();
        assert_eq!(ms.len(), 1);
        assert_eq!(ms[0].membership.territory, tangier);
        assert_eq!(ms[0].granted_by, Some(admin));
        assert_eq!(store::members_of(&db, council).await.unwrap().len(), 1);

        store::verify_resident(
            &db,
            citizen,
            tangier,
            Evidence::CinShownAtCounter,
            staff,
            T0,
        )
        .await
        .unwrap();
        // Verifying again renews (one row per person and territory).
        store::verify_resident(
            &db,
            citizen,
            tangier,
            Evidence::ElectoralRoll,
            staff,
            T0 + 5,
        )
        .await
        .unwrap();
        let rs = store::residences_of(&db, citizen).await.unwrap();
        assert_eq!(rs.len(), 1);
        assert_eq!(rs[0].evidence, Evidence::ElectoralRoll);
        assert_eq!(rs[0].verified_by, staff);

        // The chain goes from the commune up to the region.
        let chain = store::territory_chain(&db, tangier).await.unwrap().unwrap();
        assert_eq!(chain.territory(), tangier);
        assert!(chain.is_within(region));
        assert!(
            store::territory_chain(&db, TerritoryId(999_999))
                .await
                .unwrap()
                .is_none()
        );

        // The actor loaded from the store drives the permission rules.
        let staff_user = store::user(&db, staff).await.unwrap().unwrap();
        let mut staff_actor = store::load_actor(&db, &staff_user).await.unwrap();
        staff_actor.email_confirmed = true;
        assert_eq!(
            allowed(
                &Actor::User(staff_actor),
                &Action::VerifyResident {
                    target: citizen,
                    territory: chain.clone()
                }
            ),
            Ok(())
        );
        let citizen_user = store::user(&db, citizen).await.unwrap().unwrap();
        let mut citizen_actor = store::load_actor(&db, &citizen_user).await.unwrap();
        citizen_actor.email_confirmed = true;
        assert_eq!(
            allowed(
                &Actor::User(citizen_actor),
                &Action::ParticipateAsResident(region)
            ),
            Ok(())
        );

        assert!(
            store::revoke_membership(&db, staff, council, OrgRole::Staff, Some(admin))
                .await
                .unwrap()
        );
        assert!(
            !store::revoke_membership(&db, staff, council, OrgRole::Staff, Some(admin))
                .await
                .unwrap()
        );
        assert!(
            store::revoke_residence(&db, citizen, tangier, staff)
                .await
                .unwrap()
        );

        assert_eq!(
            audit_actions(&db, &format!("account:{}", admin.0)).await,
            vec!["account.admin.grant"]
        );
        assert_eq!(
            audit_actions(&db, &format!("account:{}", staff.0)).await,
            vec!["account.membership.grant", "account.membership.revoke"]
        );
        assert_eq!(
            audit_actions(&db, &format!("account:{}", citizen.0)).await,
            vec![
                "account.resident.verify",
                "account.resident.verify",
                "account.resident.revoke"
            ]
        );
        // Entries name who acted, and never carry the address.
        let entries = audit::for_subject(&db, &format!("account:{}", staff.0))
            .await
            .unwrap();
        assert_eq!(entries[0].actor, format!("account:{}", admin.0));
        assert!(!entries[0].details.contains('@'));
        audit::verify(&db).await.unwrap();
    }
);

store_test!(
    async fn deletion_anonymises_and_frees_the_address(db: Db) {
        let places = accounts_support::seed(&db).await;
        let staff = new_user(&db, "staff@example.ma").await;
        let citizen = new_user(&db, "citizen@example.ma").await;
        let tangier = TerritoryId(places.tangier);
        let council = OrganisationId(places.tangier_council);
        store::grant_membership(&db, staff, council, OrgRole::Staff, None, T0)
            .await
            .unwrap();
        store::verify_resident(&db, citizen, tangier, Evidence::ElectoralRoll, staff, T0)
            .await
            .unwrap();
        store::create_session(&db, staff, "x", T0).await.unwrap();
        store::create_token(&db, staff, TokenPurpose::ResetPassword, T0)
            .await
            .unwrap();

        store::delete_account(&db, staff, T0 + 100).await.unwrap();
        let u = store::user(&db, staff).await.unwrap().unwrap();
        assert_eq!(u.email, format!("deleted-{}@deleted.invalid", staff.0));
        assert_eq!(u.password_hash, None);
        assert_eq!(u.deleted_at, Some(T0 + 100));
        assert!(store::memberships_of(&db, staff).await.unwrap().is_empty());
        for table in ["sessions", "account_tokens"] {
            let n: i64 = db
                .query_scalar(&format!("SELECT COUNT(*) FROM {table} WHERE user_id = ?"))
                .bind(staff.0)
                .fetch_one(db.pool())
                .await
                .unwrap();
            assert_eq!(n, 0, "{table}");
        }
        // The verification this person made as staff stays, pointing at the anonymised row.
        assert_eq!(
            store::residences_of(&db, citizen).await.unwrap()[0].verified_by,
            staff
        );
        assert!(
            audit_actions(&db, &format!("account:{}", staff.0))
                .await
                .contains(&"account.delete".to_owned())
        );
        // The address can sign up again.
        let again = new_user(&db, "staff@example.ma").await;
        assert_ne!(again, staff);
        assert!(
            store::user_by_email(&db, &Email::parse("staff@example.ma").unwrap())
                .await
                .unwrap()
                .is_some_and(|u| u.id == again)
        );
    }
);

store_test!(
    async fn rate_limit_counts_per_window(db: Db) {
        let window = 900;
        let start = T0 - T0 % window;
        for expected in 1..=3 {
            assert_eq!(
                store::rate_limit_hit(&db, "login-ip:x", window, start + 10)
                    .await
                    .unwrap(),
                expected
            );
        }
        assert_eq!(
            store::rate_limit_hit(&db, "login-ip:y", window, start + 10)
                .await
                .unwrap(),
            1
        );
        // A new window starts from one.
        assert_eq!(
            store::rate_limit_hit(&db, "login-ip:x", window, start + window)
                .await
                .unwrap(),
            1
        );
    }
);

store_test!(
    async fn user_search_is_literal(db: Db) {
        new_user(&db, "amina@example.ma").await;
        new_user(&db, "karim@example.ma").await;
        new_user(&db, "under_score@example.ma").await;
        assert_eq!(store::list_users(&db, "", 10, 0).await.unwrap().len(), 3);
        assert_eq!(
            store::list_users(&db, "AMINA", 10, 0).await.unwrap().len(),
            1
        );
        // `_` and `%` are not wildcards.
        assert_eq!(store::list_users(&db, "a_i", 10, 0).await.unwrap().len(), 0);
        assert_eq!(store::list_users(&db, "%", 10, 0).await.unwrap().len(), 0);
        assert_eq!(
            store::list_users(&db, "under_", 10, 0).await.unwrap().len(),
            1
        );
        assert_eq!(store::list_users(&db, "", 2, 2).await.unwrap().len(), 1);
        assert_eq!(
            store::list_users(&db, "' OR 1=1 --", 10, 0)
                .await
                .unwrap()
                .len(),
            0
        );
    }
);

store_test!(
    async fn export_holds_everything_but_secrets(db: Db) {
        let id = new_user(&db, "a@example.ma").await;
        store::confirm_email(&db, id, T0).await.unwrap();
        store::create_session(&db, id, "Firefox", T0).await.unwrap();
        let v = store::export(&db, id).await.unwrap();
        assert_eq!(v["account"]["email"], "a@example.ma");
        assert_eq!(v["sessions"][0]["user_agent"], "Firefox");
        assert_eq!(v["audit_log"][0]["action"], "account.email.confirm");
        let text = v.to_string();
        assert!(!text.contains("argon2"), "no password hash");
        assert!(!text.contains("csrf"), "no session secret");
    }
);

store_test!(
    async fn demo_accounts_are_seeded_once_with_their_roles(db: Db) {
        let dir = nousharik::platform::testing::temp_dir("nk-demo");
        let state = nousharik::platform::testing::test_state(db.clone(), &dir);
        let logins = nousharik::demo::seed(&state).await.unwrap();
        // Idempotent: `serve --demo` seeds at every start.
        nousharik::demo::seed(&state).await.unwrap();
        assert!(
            logins
                .iter()
                .any(|l| l.email == "admin@demo.nousharik.ma" && l.password == "demo-admin-2026")
        );
        let count = |sql: &'static str| {
            let db = db.clone();
            async move {
                db.query_scalar::<i64>(sql)
                    .fetch_one(db.pool())
                    .await
                    .unwrap()
            }
        };
        // 6 accounts' demo accounts + 3 of the petitions demo (two bureau members, a citizen)
        // + 1 of the OGP demo (regional staff); the budgets demo's voters (no password) are
        // counted apart.
        assert_eq!(
            count("SELECT COUNT(*) FROM users WHERE email NOT LIKE 'budgets.voter.%'").await,
            10
        );
        assert_eq!(
            count("SELECT COUNT(*) FROM users WHERE is_admin = 1").await,
            1
        );
        assert_eq!(
            count("SELECT COUNT(*) FROM users WHERE email_confirmed_at IS NULL").await,
            0
        );
        assert_eq!(count("SELECT COUNT(*) FROM memberships").await, 3 + 2 + 1);
        assert_eq!(
            count(
                "SELECT COUNT(*) FROM resident_verifications r JOIN users u ON u.id = r.user_id \
                 WHERE u.email NOT LIKE 'budgets.voter.%'"
            )
            .await,
            2 + 1
        );
        // The demo password works.
        let admin = store::user_by_email(&db, &Email::parse("admin@demo.nousharik.ma").unwrap())
            .await
            .unwrap()
            .unwrap();
        assert!(nousharik::platform::password::verify(
            "demo-admin-2026",
            admin.password_hash.as_deref()
        ));
        let _ = std::fs::remove_dir_all(dir);
    }
);
