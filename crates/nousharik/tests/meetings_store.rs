//! Store tests of the meetings module, each on SQLite and PostgreSQL: registration with the
//! waiting list and its promotions, refusals, check-in by code and by name, walk-ins, tests,
//! satisfaction, certificates, reminders claimed once, the dashboard's facts.

use nousharik::accounts::model::{AgeGroup, Sex};
use nousharik::meetings::model::attendance::{ActorType, Profile};
use nousharik::meetings::model::code::Code;
use nousharik::meetings::model::dashboard;
use nousharik::meetings::model::evaluation::{
    AnswerError, CertificateError, Question, Satisfaction, TestPhase,
};
use nousharik::meetings::model::registration::{
    CancelError, CheckInError, RegistrationError, RegistrationStatus,
};
use nousharik::meetings::model::{
    CertificateCriteria, EventDraft, EventKind, FormQuestion, Mode, RegistrationPolicy,
};
use nousharik::meetings::store::{self, Identify, NewRegistration, Placement, StoreError};
use nousharik::platform::audit;
use nousharik::platform::db::Db;
use nousharik::platform::ids::UserId;
use nousharik::store_test;
use sqlx::Row;

const NOW: i64 = 1_700_000_000;
const START: i64 = NOW + 3 * 86_400;

async fn fixture(db: &Db) -> (i64, i64) {
    let t: i64 = db
        .query(
            "INSERT INTO territories (code, level, name_ar, name_fr, population, census_year, \
             source, created_at, updated_at) VALUES ('larache', 'commune', 'العرائش', 'Larache', \
             125008, 2014, 'test', 0, 0) RETURNING id",
        )
        .fetch_one(db.pool())
        .await
        .unwrap()
        .get(0);
    let o: i64 = db
        .query(
            "INSERT INTO organisations (code, kind, territory_id, name_ar, name_fr, created_at, \
             updated_at) VALUES ('madinati', 'association', ?, 'جمعية مدينتي', 'Association Madinati', 0, 0) \
             RETURNING id",
        )
        .bind(t)
        .fetch_one(db.pool())
        .await
        .unwrap()
        .get(0);
    (t, o)
}

async fn user(db: &Db, n: i64) -> UserId {
    let id: i64 = db
        .query(
            "INSERT INTO users (email, display_name, language, email_confirmed_at, created_at) \
             VALUES (?, ?, 'fr', 0, 0) RETURNING id",
        )
        .bind(format!("u{n}@example.org"))
        .bind(format!("Person {n}"))
        .fetch_one(db.pool())
        .await
        .unwrap()
        .get(0);
    UserId(id)
}

fn draft(capacity: Option<i64>, waitlist: i64) -> EventDraft {
    EventDraft {
        kind: EventKind::TrainingSession,
        title: "Training: petitions".into(),
        description: "Law 44-14".into(),
        agenda: "Morning\nAfternoon".into(),
        speakers: "Trainer".into(),
        programme: Some("Nousharik 2023".into()),
        starts_at: START,
        ends_at: START + 6 * 3600,
        mode: Mode::InPerson {
            address: "Town hall".into(),
        },
        capacity,
        waitlist_capacity: waitlist,
        policy: RegistrationPolicy::Open,
        registration_closes_at: START - 3600,
        questions: vec![FormQuestion {
            label: "Organisation".into(),
            required: true,
        }],
        certificate: CertificateCriteria {
            enabled: true,
            requires_post_test: true,
            min_post_score_percent: 50,
        },
    }
    .validate()
    .unwrap()
}

async fn new_event(db: &Db, d: &EventDraft) -> i64 {
    let (t, o) = fixture(db).await;
    store::create_event(
        db,
        Placement {
            organiser_id: o,
            territory_id: t,
            demo: false,
        },
        d,
        None,
        NOW,
    )
    .await
    .unwrap()
}

fn reg(user: UserId) -> NewRegistration {
    NewRegistration {
        user,
        name: format!("Person {}", user.0),
        answers: vec!["Madinati".into()],
        profile: Profile {
            sex: Some(Sex::Female),
            age_group: Some(AgeGroup::From18To35),
            actor_type: Some(ActorType::Association),
        },
    }
}

store_test!(
    async fn waiting_list_fills_and_promotes_in_order(db: Db) {
        let e = new_event(&db, &draft(Some(2), 2)).await;
        let mut regs = Vec::new();
        for n in 1..=4 {
            let u = user(&db, n).await;
            regs.push(store::register(&db, e, &reg(u), NOW + n).await.unwrap());
        }
        let statuses: Vec<_> = regs.iter().map(|r| r.status).collect();
        use RegistrationStatus::*;
        assert_eq!(statuses, vec![Confirmed, Confirmed, Waiting, Waiting]);
        // Full: places and waiting list.
        let u5 = user(&db, 5).await;
        let err = store::register(&db, e, &reg(u5), NOW + 10)
            .await
            .unwrap_err();
        assert!(matches!(
            err,
            StoreError::Registration(RegistrationError::Full)
        ));
        assert_eq!(err.key(), Some("meetings-error-full"));
        // Registering twice is refused; nothing changed.
        let u1 = UserId(regs[0].user_id.unwrap());
        let err = store::register(&db, e, &reg(u1), NOW + 11)
            .await
            .unwrap_err();
        assert!(matches!(
            err,
            StoreError::Registration(RegistrationError::AlreadyRegistered)
        ));
        // A cancellation promotes the first in line (registered earliest), not the second.
        let promoted = store::cancel_registration(&db, regs[0].id, u1, NOW + 20)
            .await
            .unwrap();
        assert_eq!(promoted, vec![regs[2].id]);
        let r3 = store::registration(&db, regs[2].id).await.unwrap().unwrap();
        assert_eq!(r3.status, Confirmed);
        let r4 = store::registration(&db, regs[3].id).await.unwrap().unwrap();
        assert_eq!(r4.status, Waiting);
        // Cancelling twice is refused.
        let err = store::cancel_registration(&db, regs[0].id, u1, NOW + 21)
            .await
            .unwrap_err();
        assert!(matches!(
            err,
            StoreError::Cancel(CancelError::AlreadyCancelled)
        ));
        // A larger capacity promotes the rest.
        let ev = store::event(&db, e).await.unwrap().unwrap();
        let mut d = ev.draft.clone();
        d.capacity = Some(5);
        let promoted = store::update_event(&db, e, ev.territory_id, &d, u1, NOW + 30)
            .await
            .unwrap();
        assert_eq!(promoted, vec![regs[3].id]);
        // After cancelling, the person may register again.
        let again = store::register(&db, e, &reg(u1), NOW + 40).await.unwrap();
        assert_eq!(again.status, Confirmed);
        // Audit entries were written for each change.
        let n: i64 = db
            .query_scalar("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'meetings.%'")
            .fetch_one(db.pool())
            .await
            .unwrap();
        assert!(n >= 10, "{n}");
        audit::verify(&db).await.unwrap();
    }
);

store_test!(
    async fn refusals_leave_nothing_behind(db: Db) {
        let e = new_event(&db, &draft(Some(10), 0)).await;
        let u = user(&db, 1).await;
        let mut bad = reg(u);
        bad.answers = vec!["  ".into()];
        let err = store::register(&db, e, &bad, NOW).await.unwrap_err();
        assert!(matches!(
            err,
            StoreError::Registration(RegistrationError::AnswerRequired)
        ));
        let err = store::register(&db, e, &reg(u), START - 60)
            .await
            .unwrap_err();
        assert!(matches!(
            err,
            StoreError::Registration(RegistrationError::DeadlinePassed)
        ));
        let n: i64 = db
            .query_scalar("SELECT COUNT(*) FROM registrations")
            .fetch_one(db.pool())
            .await
            .unwrap();
        assert_eq!(n, 0);
        // Invitation only.
        let ev = store::event(&db, e).await.unwrap().unwrap();
        let mut d = ev.draft.clone();
        d.policy = RegistrationPolicy::Invitation;
        store::update_event(&db, e, ev.territory_id, &d, u, NOW)
            .await
            .unwrap();
        let err = store::register(&db, e, &reg(u), NOW).await.unwrap_err();
        assert!(matches!(
            err,
            StoreError::Registration(RegistrationError::NotInvited)
        ));
        assert!(!store::is_invited(&db, e, u).await.unwrap());
        assert!(store::invite(&db, e, u, u, NOW).await.unwrap(), "new");
        assert!(!store::invite(&db, e, u, u, NOW).await.unwrap(), "a repeat");
        assert!(store::is_invited(&db, e, u).await.unwrap());
        let listed = store::invitations(&db, e).await.unwrap();
        assert_eq!(listed.len(), 1);
        assert_eq!(
            (listed[0].email.as_str(), listed[0].status),
            ("u1@example.org", None)
        );
        let mine = store::register(&db, e, &reg(u), NOW).await.unwrap();
        let listed = store::invitations(&db, e).await.unwrap();
        assert_eq!(listed[0].status, Some(RegistrationStatus::Confirmed));
        // Who hears of a cancellation, and the holder of a registration.
        let told = store::registered_accounts(&db, e).await.unwrap();
        assert_eq!(told.len(), 1);
        assert_eq!(
            (told[0].email.as_str(), told[0].language.as_str()),
            ("u1@example.org", "fr")
        );
        assert_eq!(told[0].code, mine.code);
        assert_eq!(
            store::recipient(&db, mine.id).await.unwrap().as_ref(),
            Some(&told[0])
        );
        // A cancelled event refuses everyone.
        store::cancel_event(&db, e, u, NOW).await.unwrap();
        assert_eq!(store::registered_accounts(&db, e).await.unwrap().len(), 1);
        let u2 = user(&db, 2).await;
        store::invite(&db, e, u2, u, NOW).await.unwrap();
        let err = store::register(&db, e, &reg(u2), NOW).await.unwrap_err();
        assert!(matches!(
            err,
            StoreError::Registration(RegistrationError::EventCancelled)
        ));
    }
);

store_test!(
    async fn check_in_by_code_and_by_name_then_tests_and_certificate(db: Db) {
        let e = new_event(&db, &draft(Some(10), 0)).await;
        let staff = user(&db, 100).await;
        let a = user(&db, 1).await;
        let b = user(&db, 2).await;
        let ra = store::register(&db, e, &reg(a), NOW).await.unwrap();
        let rb = store::register(&db, e, &reg(b), NOW).await.unwrap();
        // Too early.
        let err = store::check_in(
            &db,
            e,
            &Identify::Code(ra.code.clone()),
            Profile::default(),
            staff,
            NOW,
        )
        .await
        .unwrap_err();
        assert!(matches!(
            err,
            StoreError::CheckIn(CheckInError::OutsideWindow)
        ));
        let at = START - 600;
        // A forged code (check character wrong) and a well-formed but unknown one.
        let mut forged = ra.code.clone().into_bytes();
        forged[0] = if forged[0] == b'A' { b'B' } else { b'A' };
        let forged = String::from_utf8(forged).unwrap();
        let err = store::check_in(
            &db,
            e,
            &Identify::Code(forged),
            Profile::default(),
            staff,
            at,
        )
        .await
        .unwrap_err();
        assert!(matches!(
            err,
            StoreError::CheckIn(CheckInError::MalformedCode)
        ));
        let other = Code::generate();
        let err = store::check_in(
            &db,
            e,
            &Identify::Code(other.to_string()),
            Profile::default(),
            staff,
            at,
        )
        .await
        .unwrap_err();
        assert!(matches!(
            err,
            StoreError::CheckIn(CheckInError::UnknownCode)
        ));
        // By code, typed in lower case with hyphens.
        let typed = ra.display_code().to_lowercase();
        let done = store::check_in(
            &db,
            e,
            &Identify::Code(typed.clone()),
            Profile::default(),
            staff,
            at,
        )
        .await
        .unwrap();
        assert_eq!(done.checked_in_at, Some(at));
        // A reused code.
        let err = store::check_in(
            &db,
            e,
            &Identify::Code(typed),
            Profile::default(),
            staff,
            at,
        )
        .await
        .unwrap_err();
        assert!(matches!(
            err,
            StoreError::CheckIn(CheckInError::AlreadyCheckedIn)
        ));
        // By name (picked from the list); the door fills an unknown value only.
        let at_door = Profile {
            sex: Some(Sex::Male),
            age_group: None,
            actor_type: None,
        };
        let done = store::check_in(&db, e, &Identify::Registration(rb.id), at_door, staff, at)
            .await
            .unwrap();
        assert_eq!(done.profile.sex, Some(Sex::Male));
        assert_eq!(done.profile.actor_type, Some(ActorType::Association));
        // Walk-in.
        let w = store::walk_in(&db, e, "Walk-in", None, Profile::default(), staff, at)
            .await
            .unwrap();
        assert!(w.walk_in && w.checked_in_at.is_some());

        // Tests: questions from the bank.
        let (o,): (i64,) = {
            let ev = store::event(&db, e).await.unwrap().unwrap();
            (ev.organiser_id,)
        };
        let mut ids = Vec::new();
        for i in 0..4 {
            let q = Question::new(0, &format!("Q{i}"), &["a".into(), "b".into()], 1).unwrap();
            ids.push(store::add_question(&db, o, &q, None, NOW).await.unwrap());
        }
        store::set_event_questions(&db, e, &ids, Some(staff))
            .await
            .unwrap();
        assert_eq!(store::event_questions(&db, e).await.unwrap().len(), 4);
        let ra = store::registration(&db, ra.id).await.unwrap().unwrap();
        // Certificate before the post-test: refused.
        let err = store::issue_certificate(&db, &ra, at).await.unwrap_err();
        assert!(matches!(
            err,
            StoreError::Certificate(CertificateError::PostTestMissing)
        ));
        let pre = store::submit_test(
            &db,
            &ra,
            TestPhase::Pre,
            &[Some(1), Some(0), Some(0), Some(0)],
            a,
            at,
        )
        .await
        .unwrap();
        assert_eq!(pre.percent(), 25);
        let err = store::submit_test(
            &db,
            &ra,
            TestPhase::Pre,
            &[Some(1), Some(1), Some(1), Some(1)],
            a,
            at,
        )
        .await
        .unwrap_err();
        assert!(matches!(err, StoreError::Answer(AnswerError::AlreadyTaken)));
        let post = store::submit_test(
            &db,
            &ra,
            TestPhase::Post,
            &[Some(1), Some(1), Some(1), Some(0)],
            a,
            at,
        )
        .await
        .unwrap();
        assert_eq!(post.percent(), 75);
        let cert = store::issue_certificate(&db, &ra, at + 1).await.unwrap();
        let again = store::issue_certificate(&db, &ra, at + 2).await.unwrap();
        assert_eq!(cert.code, again.code);
        let found = store::certificate_by_code(&db, &Code::parse(&cert.code).unwrap().to_string())
            .await
            .unwrap()
            .unwrap();
        assert_eq!(found.registration.id, ra.id);
        assert!(
            store::certificate_by_code(&db, "nonsense")
                .await
                .unwrap()
                .is_none()
        );
        // A non-attendee gets none.
        let c = user(&db, 3).await;
        let rc = store::register(&db, e, &reg(c), NOW).await.unwrap();
        let err = store::issue_certificate(&db, &rc, at).await.unwrap_err();
        assert!(matches!(
            err,
            StoreError::Certificate(CertificateError::NotAttended)
        ));
        // Post-test for a non-attendee: refused.
        let err = store::submit_test(
            &db,
            &rc,
            TestPhase::Post,
            &[Some(1), Some(1), Some(1), Some(1)],
            c,
            at,
        )
        .await
        .unwrap_err();
        assert!(matches!(err, StoreError::Answer(AnswerError::NotNow)));
        // Satisfaction once.
        let s = Satisfaction::parse(["5", "4", "4", "3"], "").unwrap();
        store::submit_satisfaction(&db, &ra, &s, Some(a), at)
            .await
            .unwrap();
        let err = store::submit_satisfaction(&db, &ra, &s, Some(a), at)
            .await
            .unwrap_err();
        assert!(matches!(err, StoreError::Answer(AnswerError::AlreadyTaken)));

        // The facts give the dashboard its figures.
        let ev = store::event(&db, e).await.unwrap().unwrap();
        let f = store::facts(&db, &[ev]).await.unwrap();
        let d = dashboard::compute(&f.events, &f.attendances, &f.gains, &f.ratings, START + 10);
        assert_eq!(d.events_held, 1);
        assert_eq!(d.people_total, 3);
        assert_eq!(d.people_unique, 3);
        assert_eq!(d.average_gain_bp, Some(5000));
        assert_eq!(d.satisfaction.average_hundredths, Some(500));
        assert_eq!(
            d.unique.sex.counts,
            vec![("female".into(), 1), ("male".into(), 1)]
        );
        assert_eq!(d.unique.sex.unknown, 1);
        audit::verify(&db).await.unwrap();
    }
);

store_test!(
    async fn reminders_are_claimed_once(db: Db) {
        let e = new_event(&db, &draft(None, 0)).await;
        let u = user(&db, 1).await;
        store::register(&db, e, &reg(u), NOW).await.unwrap();
        let soon = START - 30 * 3600;
        let due = store::pending_reminders(&db, soon).await.unwrap();
        assert_eq!(due.len(), 1);
        assert_eq!(due[0].email, "u1@example.org");
        assert!(
            store::claim_reminder(&db, due[0].registration_id, soon)
                .await
                .unwrap()
        );
        assert!(
            !store::claim_reminder(&db, due[0].registration_id, soon)
                .await
                .unwrap()
        );
        assert!(
            store::pending_reminders(&db, soon)
                .await
                .unwrap()
                .is_empty()
        );
        // Too far ahead: nothing pending.
        assert!(store::pending_reminders(&db, NOW).await.unwrap().is_empty());
    }
);

store_test!(
    async fn minutes_files_and_listing(db: Db) {
        let e = new_event(&db, &draft(None, 0)).await;
        let u = user(&db, 1).await;
        store::set_minutes(&db, e, "Summary", 12, u, NOW)
            .await
            .unwrap();
        store::set_minutes(&db, e, "Summary v2", 14, u, NOW + 1)
            .await
            .unwrap();
        let m = store::minutes(&db, e).await.unwrap().unwrap();
        assert_eq!((m.body.as_str(), m.contributions), ("Summary v2", 14));
        let f = store::add_file(
            &db,
            e,
            "minutes",
            "list.pdf",
            "application/pdf",
            vec![1, 2, 3],
            u,
            NOW,
        )
        .await
        .unwrap();
        let (meta, bytes) = store::file(&db, e, f).await.unwrap().unwrap();
        assert_eq!(
            (meta.file_name.as_str(), bytes),
            ("list.pdf", vec![1, 2, 3])
        );
        assert!(store::file(&db, e + 1, f).await.unwrap().is_none());
        let all = store::events(&db, &store::EventFilter::default())
            .await
            .unwrap();
        assert_eq!(all.len(), 1);
        assert_eq!(all[0].organiser_name.1, "Association Madinati");
        let none = store::events(
            &db,
            &store::EventFilter {
                programme: Some("Other".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap();
        assert!(none.is_empty());
        assert_eq!(
            store::programmes(&db).await.unwrap(),
            vec!["Nousharik 2023".to_string()]
        );
    }
);
