//! Store and procedure tests, each run on SQLite and on PostgreSQL.

use jiff::civil::date;

use super::model::cin::{CinError, CinKeys};
use super::model::deadline::start_of_day;
use super::model::eligibility::{AssociationCondition, CONSENT_VERSION, Ineligibility};
use super::model::procedure::{
    CouncilDecision, DepositBlocker, PetitionState, Transition, TransitionError,
};
use super::service::{self, PaperForm, PetitionError, SignForm, Texts};
use super::store::{self, PaperOutcome, RegisterFilter};
use super::testkit;
use crate::platform::db::Db;
use crate::platform::permissions::{Denied, UserActor};

fn noon(y: i16, m: i8, d: i8) -> i64 {
    start_of_day(date(y, m, d)) + 12 * 3600
}

fn texts() -> Texts {
    Texts {
        title: "Lighting in Bni Makada".into(),
        request: "Put the public lighting of the Bni Makada streets on the agenda.".into(),
        reasons: "Several streets have had no working lights for a year; people feel unsafe."
            .into(),
        representative_name: "Fatima Z.".into(),
        deputy_name: "Youssef A.".into(),
    }
}

fn sign_form(cin: &str) -> SignForm {
    SignForm {
        cin: cin.into(),
        full_name: "Signer Name".into(),
        basis: "resident".into(),
        electoral_roll: true,
        consent_version: Some(CONSENT_VERSION),
        notify: true,
        ..SignForm::default()
    }
}

fn keys() -> CinKeys {
    CinKeys::from_secret(b"test secret")
}

async fn count_rows(db: &Db, sql: &str, id: i64) -> i64 {
    db.query_scalar(sql)
        .bind(id)
        .fetch_one(db.pool())
        .await
        .unwrap()
}

async fn state_of(db: &Db, id: i64) -> PetitionState {
    store::petition(db, id)
        .await
        .unwrap()
        .unwrap()
        .state()
        .unwrap()
}

async fn open_tangier_petition(db: &Db, w: &testkit::World, now: i64) -> i64 {
    let id = service::draft_citizen(db, &w.rep, w.tangier_council, &texts(), now)
        .await
        .unwrap();
    service::transition(db, &w.rep, id, Transition::Open, now)
        .await
        .unwrap();
    id
}

crate::store_test!(
    async fn rule_sets_are_dated_and_versioned(db: Db) {
        let a = store::ensure_default_rule_set(&db, 0).await.unwrap();
        assert_eq!(
            store::ensure_default_rule_set(&db, 0).await.unwrap(),
            a,
            "idempotent"
        );
        let small = testkit::small_rules();
        store::add_rule_set(&db, &small, None, 0).await.unwrap();
        assert!(matches!(
            store::add_rule_set(&db, &small, None, 0).await,
            Err(store::StoreError::DuplicateRuleSet)
        ));
        let old = store::rule_set_in_force(&db, date(2019, 12, 31))
            .await
            .unwrap();
        assert_eq!(old.id, a);
        let new = store::rule_set_in_force(&db, date(2020, 1, 1))
            .await
            .unwrap();
        assert_eq!(new.rules.name, "Test rules");
        assert!(
            store::rule_set_in_force(&db, date(2000, 1, 1))
                .await
                .is_err()
        );
        let mut broken = small.clone();
        broken.effective_from = date(2030, 1, 1);
        broken.deadlines.clear();
        assert!(matches!(
            store::add_rule_set(&db, &broken, None, 0).await,
            Err(store::StoreError::Rules(_))
        ));
    }
);

crate::store_test!(
    async fn citizen_petition_from_draft_to_decision(db: Db) {
        let now = noon(2026, 1, 31);
        testkit::rules(&db, now).await;
        let w = testkit::world(&db).await;
        let keys = keys();
        let id = service::draft_citizen(&db, &w.rep, w.tangier_council, &texts(), now)
            .await
            .unwrap();
        // Drafts are private, cannot be signed, and only the representative opens them.
        assert!(
            !service::can_see(&db, None, &store::petition(&db, id).await.unwrap().unwrap())
                .await
                .unwrap()
        );
        let r = service::sign(
            &db,
            &keys,
            &w.tangier_residents[0],
            id,
            &sign_form("AB1"),
            now,
        )
        .await;
        assert!(matches!(r, Err(PetitionError::NotFound)));
        let r = service::transition(&db, &w.tangier_residents[0], id, Transition::Open, now).await;
        assert!(
            matches!(r, Err(PetitionError::NotFound)),
            "a stranger does not even see the draft"
        );
        service::transition(&db, &w.rep, id, Transition::Open, now)
            .await
            .unwrap();
        let p = store::petition(&db, id).await.unwrap().unwrap();
        assert_eq!(
            (p.required_signatures, p.filed_on.as_deref()),
            (3, Some("2026-01-31"))
        );

        // Signing: eligibility, CIN format, duplicates by account and by CIN.
        let r = service::sign(&db, &keys, &w.larache_resident, id, &sign_form("L1"), now).await;
        assert!(matches!(
            r,
            Err(PetitionError::Ineligible(Ineligibility::NotResident))
        ));
        let r = service::sign(
            &db,
            &keys,
            &w.tangier_residents[0],
            id,
            &sign_form("12345"),
            now,
        )
        .await;
        assert!(matches!(r, Err(PetitionError::Cin(CinError::Format))));
        let mut no_consent = sign_form("AB1");
        no_consent.consent_version = None;
        let r = service::sign(&db, &keys, &w.tangier_residents[0], id, &no_consent, now).await;
        assert!(matches!(
            r,
            Err(PetitionError::Ineligible(Ineligibility::ConsentMissing))
        ));
        service::sign(
            &db,
            &keys,
            &w.tangier_residents[0],
            id,
            &sign_form("AB1"),
            now,
        )
        .await
        .unwrap();
        let r = service::sign(
            &db,
            &keys,
            &w.tangier_residents[0],
            id,
            &sign_form("AB2"),
            now,
        )
        .await;
        assert!(
            matches!(r, Err(PetitionError::AlreadySigned)),
            "same account"
        );
        let r = service::sign(
            &db,
            &keys,
            &w.tangier_residents[1],
            id,
            &sign_form("ab 1"),
            now,
        )
        .await;
        assert!(
            matches!(r, Err(PetitionError::AlreadySigned)),
            "same CIN, other account"
        );
        service::sign(
            &db,
            &keys,
            &w.tangier_residents[1],
            id,
            &sign_form("AB2"),
            now,
        )
        .await
        .unwrap();

        // Deposit before the threshold is refused, with the numbers.
        let r = service::transition(&db, &w.rep, id, Transition::Deposit, now).await;
        match r {
            Err(PetitionError::Transition(TransitionError::ConditionsNotMet(b))) => {
                assert_eq!(
                    b,
                    vec![DepositBlocker::TooFewSignatures { have: 2, need: 3 }]
                );
            }
            other => panic!("{other:?}"),
        }

        // Withdrawal until deposit; signing again afterwards works.
        assert!(
            service::unsign(&db, &w.tangier_residents[1], id)
                .await
                .unwrap()
        );
        assert!(
            !service::unsign(&db, &w.tangier_residents[1], id)
                .await
                .unwrap()
        );
        service::sign(
            &db,
            &keys,
            &w.tangier_residents[1],
            id,
            &sign_form("AB2"),
            now,
        )
        .await
        .unwrap();

        // Paper: double entry, mismatch, duplicates across paper and online.
        let paper = |cin: &str, name: &str| PaperForm {
            cin: cin.into(),
            full_name: name.into(),
            place_id: w.bni_makada,
            sheet: "S1".into(),
        };
        let stranger = &w.tangier_residents[3];
        let r = service::enter_paper_line(&db, &keys, stranger, id, &paper("K9", "Amina B."), now)
            .await;
        assert!(
            matches!(r, Err(PetitionError::Denied(Denied::NotAllowed))),
            "only the committee types paper lists"
        );
        let r =
            service::enter_paper_line(&db, &keys, &w.rep, id, &paper("AB1", "Someone"), now).await;
        assert!(
            matches!(r, Err(PetitionError::AlreadySigned)),
            "signed online already"
        );
        let first =
            service::enter_paper_line(&db, &keys, &w.rep, id, &paper("K9", "Amina  B."), now)
                .await
                .unwrap();
        assert_eq!(first, PaperOutcome::AwaitingSecondEntry);
        // The second entry must come from another committee member, even when it agrees.
        let same = service::enter_paper_line(&db, &keys, &w.rep, id, &paper("K9", "Amina B."), now)
            .await
            .unwrap();
        assert_eq!(same, PaperOutcome::NeedsAnotherMember);
        assert_eq!(store::pending_paper_lines(&db, id).await.unwrap(), 1);
        let member = &w.larache_resident;
        store::add_committee_member(&db, id, member.id.0, "member")
            .await
            .unwrap();
        let bad = service::enter_paper_line(&db, &keys, member, id, &paper("K9", "Amina C."), now)
            .await
            .unwrap();
        assert_eq!(bad, PaperOutcome::Mismatch(vec!["full_name"]));
        assert_eq!(
            store::petition(&db, id)
                .await
                .unwrap()
                .unwrap()
                .signature_count,
            2
        );
        let ok = service::enter_paper_line(&db, &keys, member, id, &paper("k 9", "amina b."), now)
            .await
            .unwrap();
        assert!(matches!(ok, PaperOutcome::Confirmed(_)));
        let audited = crate::platform::audit::for_subject(&db, &format!("petition:{id}"))
            .await
            .unwrap();
        assert!(
            audited.iter().any(|e| e.action == "petition.paper.confirm"),
            "the confirmation of a paper line is audited"
        );
        let r = service::sign(
            &db,
            &keys,
            &w.tangier_residents[2],
            id,
            &sign_form("K9"),
            now,
        )
        .await;
        assert!(
            matches!(r, Err(PetitionError::AlreadySigned)),
            "signed on paper already"
        );
        assert_eq!(store::pending_paper_lines(&db, id).await.unwrap(), 0);

        // Deposit: receipt number, 3-month deadline from receipt (31 January → 30 April).
        let done = service::transition(&db, &w.rep, id, Transition::Deposit, now)
            .await
            .unwrap();
        assert_eq!(done.state, PetitionState::Deposited);
        assert_eq!(
            done.receipt_number.as_deref(),
            Some(format!("TNG-2026-{id:05}").as_str())
        );
        let p = store::petition(&db, id).await.unwrap().unwrap();
        assert_eq!(p.deadline_on.as_deref(), Some("2026-04-30"));
        assert_eq!(
            p.signature_count,
            store::count_signatures(&db, id).await.unwrap()
        );
        assert_eq!(p.signature_count, 3);
        let r = service::unsign(&db, &w.tangier_residents[0], id).await;
        assert!(
            matches!(r, Err(PetitionError::Ineligible(Ineligibility::NotOpen))),
            "no withdrawal after deposit"
        );
        let r = service::sign(
            &db,
            &keys,
            &w.tangier_residents[2],
            id,
            &sign_form("CD5"),
            now,
        )
        .await;
        assert!(matches!(
            r,
            Err(PetitionError::Ineligible(Ineligibility::NotOpen))
        ));

        // The council's side: only that bureau decides admissibility.
        for who in [&w.rep, &w.tangier_staff, &w.larache_bureau_member] {
            let r = service::transition(&db, who, id, Transition::DeclareAdmissible, now).await;
            assert!(
                matches!(r, Err(PetitionError::Denied(Denied::NotAllowed))),
                "{who:?}"
            );
        }
        assert!(!service::is_overdue(&p, noon(2026, 4, 30)));
        assert!(service::is_overdue(&p, noon(2026, 5, 1)));
        service::transition(
            &db,
            &w.tangier_bureau_member,
            id,
            Transition::DeclareAdmissible,
            now,
        )
        .await
        .unwrap();
        let r = service::transition(
            &db,
            &w.tangier_staff,
            id,
            Transition::ReferToCommittee { committee_id: 999 },
            now,
        )
        .await;
        assert!(matches!(
            r,
            Err(PetitionError::Transition(
                TransitionError::UnknownCommittee(999)
            ))
        ));
        let refer = Transition::ReferToCommittee {
            committee_id: w.tangier_committee,
        };
        service::transition(&db, &w.tangier_staff, id, refer, now)
            .await
            .unwrap();
        let agenda = Transition::PutOnAgenda {
            session_date: date(2026, 5, 4),
        };
        service::transition(&db, &w.tangier_bureau_member, id, agenda, now)
            .await
            .unwrap();
        let decision = CouncilDecision {
            text: "Adopted: lighting plan in 2026.".into(),
            votes_for: 31,
            votes_against: 4,
            abstentions: 2,
        };
        service::transition(
            &db,
            &w.tangier_staff,
            id,
            Transition::RecordDecision(decision.clone()),
            now,
        )
        .await
        .unwrap();
        assert_eq!(state_of(&db, id).await, PetitionState::Decided);
        let r = service::transition(
            &db,
            &w.tangier_staff,
            id,
            Transition::RecordDecision(decision),
            now,
        )
        .await;
        assert!(matches!(
            r,
            Err(PetitionError::Transition(TransitionError::Closed(
                PetitionState::Decided
            )))
        ));

        // History and audit: one row per step.
        let events = store::events(&db, id).await.unwrap();
        let steps: Vec<&str> = events.iter().map(|e| e.transition.as_str()).collect();
        assert_eq!(
            steps,
            [
                "create",
                "open",
                "deposit",
                "declare_admissible",
                "refer_to_committee",
                "put_on_agenda",
                "record_decision"
            ]
        );
        let audited = count_rows(
            &db,
            "SELECT COUNT(*) FROM audit_log WHERE subject = 'petition:' || CAST(? AS TEXT)",
            id,
        )
        .await;
        // The seven transitions and the confirmation of the paper line.
        assert_eq!(audited, 8);
        let p = store::petition(&db, id).await.unwrap().unwrap();
        assert_eq!(
            (p.votes_for, p.votes_against, p.abstentions),
            (Some(31), Some(4), Some(2))
        );

        // The council's list decrypts; the signatories who asked are notified.
        let list = store::signature_list(&db, id).await.unwrap();
        let cins: Vec<String> = list
            .iter()
            .map(|s| keys.decrypt(id, &s.cin_sealed).unwrap().as_str().to_owned())
            .collect();
        assert_eq!(cins, ["AB1", "AB2", "K9"]);
        assert_eq!(store::notice_recipients(&db, id).await.unwrap().len(), 2);
    }
);

crate::store_test!(
    async fn region_needs_the_spread(db: Db) {
        let now = noon(2026, 3, 2);
        testkit::rules(&db, now).await;
        let w = testkit::world(&db).await;
        let keys = keys();
        let id = service::draft_citizen(&db, &w.rep, w.region_council, &texts(), now)
            .await
            .unwrap();
        service::transition(&db, &w.rep, id, Transition::Open, now)
            .await
            .unwrap();
        let p = store::petition(&db, id).await.unwrap().unwrap();
        assert_eq!(
            (p.required_signatures, p.required_per_subdivision),
            (4, Some(2))
        );
        for (i, who) in w.tangier_residents.iter().enumerate() {
            service::sign(&db, &keys, who, id, &sign_form(&format!("TT{i}")), now)
                .await
                .unwrap();
        }
        let r = service::transition(&db, &w.rep, id, Transition::Deposit, now).await;
        match r {
            Err(PetitionError::Transition(TransitionError::ConditionsNotMet(b))) => assert_eq!(
                b,
                vec![DepositBlocker::TooFewInSubdivision {
                    territory_id: w.larache_province,
                    have: 0,
                    need: 2
                }]
            ),
            other => panic!("{other:?}"),
        }
        let p = store::petition(&db, id).await.unwrap().unwrap();
        let progress = service::signature_progress(&db, &p).await.unwrap();
        assert_eq!(progress.subdivisions.len(), 2);
        assert_eq!(progress.subdivisions[0].count, 4);
        service::sign(&db, &keys, &w.larache_resident, id, &sign_form("LL1"), now)
            .await
            .unwrap();
        service::sign(&db, &keys, &w.association_rep, id, &sign_form("LL2"), now)
            .await
            .unwrap();
        let done = service::transition(&db, &w.rep, id, Transition::Deposit, now)
            .await
            .unwrap();
        let p = store::petition(&db, id).await.unwrap().unwrap();
        assert_eq!(done.state, PetitionState::Deposited);
        // Two months for a region: 2 March → 2 May.
        assert_eq!(p.deadline_on.as_deref(), Some("2026-05-02"));
    }
);

crate::store_test!(
    async fn association_petition_conditions_and_refusal(db: Db) {
        let now = noon(2026, 2, 10);
        testkit::rules(&db, now).await;
        let w = testkit::world(&db).await;
        let young = service::draft_association(
            &db,
            &w.association_rep,
            w.young_association,
            w.larache_council,
            "environment",
            &texts(),
            now,
        )
        .await;
        match young {
            Err(PetitionError::Association(c)) => {
                assert!(
                    matches!(c[0], AssociationCondition::TooYoung { eligible_from, .. } if eligible_from == date(2028, 6, 2))
                );
            }
            other => panic!("{other:?}"),
        }
        let wrong = service::draft_association(
            &db,
            &w.association_rep,
            w.old_association,
            w.tangier_council,
            "health",
            &texts(),
            now,
        )
        .await;
        match wrong {
            Err(PetitionError::Association(c)) => assert_eq!(
                c,
                vec![
                    AssociationCondition::NotInTerritory,
                    AssociationCondition::FieldUnrelated {
                        field: "health".into()
                    }
                ]
            ),
            other => panic!("{other:?}"),
        }
        let r = service::draft_association(
            &db,
            &w.rep,
            w.old_association,
            w.larache_council,
            "environment",
            &texts(),
            now,
        )
        .await;
        assert!(
            matches!(r, Err(PetitionError::Denied(Denied::NotAllowed))),
            "only the legal representative"
        );
        let id = service::draft_association(
            &db,
            &w.association_rep,
            w.old_association,
            w.larache_council,
            "environment",
            &texts(),
            now,
        )
        .await
        .unwrap();
        let r = service::transition(&db, &w.association_rep, id, Transition::Open, now).await;
        assert!(matches!(
            r,
            Err(PetitionError::Transition(TransitionError::NotApplicable(_)))
        ));
        service::transition(&db, &w.association_rep, id, Transition::Deposit, now)
            .await
            .unwrap();
        let refuse = |ground: &str, reasons: &str| Transition::DeclareInadmissible {
            ground: ground.into(),
            reasons: reasons.into(),
        };
        let r =
            service::transition(&db, &w.larache_bureau_member, id, refuse("whim", "x"), now).await;
        assert!(matches!(
            r,
            Err(PetitionError::Transition(TransitionError::UnknownGround(_)))
        ));
        let r = service::transition(
            &db,
            &w.larache_bureau_member,
            id,
            refuse("outside_competence", " "),
            now,
        )
        .await;
        assert!(matches!(
            r,
            Err(PetitionError::Transition(TransitionError::MissingText))
        ));
        service::transition(
            &db,
            &w.larache_bureau_member,
            id,
            refuse("outside_competence", "Ports are a State competence."),
            now,
        )
        .await
        .unwrap();
        let p = store::petition(&db, id).await.unwrap().unwrap();
        assert_eq!(
            (p.state.as_str(), p.ground.as_deref()),
            ("inadmissible", Some("outside_competence"))
        );
        let r = service::transition(
            &db,
            &w.larache_bureau_member,
            id,
            Transition::DeclareAdmissible,
            now,
        )
        .await;
        assert!(matches!(
            r,
            Err(PetitionError::Transition(TransitionError::Closed(_)))
        ));
    }
);

crate::store_test!(
    async fn concurrent_signing_by_one_person_yields_one_signature(db: Db) {
        let now = noon(2026, 3, 2);
        testkit::rules(&db, now).await;
        let w = testkit::world(&db).await;
        let id = open_tangier_petition(&db, &w, now).await;
        let signer: UserActor = w.tangier_residents[0].clone();
        let mut tasks = Vec::new();
        for i in 0..8 {
            let (db, signer) = (db.clone(), signer.clone());
            // Different CINs too: the account alone must make them duplicates.
            tasks.push(tokio::spawn(async move {
                service::sign(&db, &keys(), &signer, id, &sign_form(&format!("Z{i}")), now).await
            }));
        }
        let mut ok = 0;
        for t in tasks {
            match t.await.unwrap() {
                Ok(()) => ok += 1,
                Err(PetitionError::AlreadySigned) => {}
                Err(e) => panic!("{e:?}"),
            }
        }
        assert_eq!(ok, 1);
        assert_eq!(store::count_signatures(&db, id).await.unwrap(), 1);
        assert_eq!(
            store::petition(&db, id)
                .await
                .unwrap()
                .unwrap()
                .signature_count,
            1
        );
    }
);

crate::store_test!(
    async fn deadline_warnings_are_sent_once(db: Db) {
        let now = noon(2026, 1, 10);
        testkit::rules(&db, now).await;
        let w = testkit::world(&db).await;
        let id = open_tangier_petition(&db, &w, now).await;
        for (i, who) in w.tangier_residents.iter().take(3).enumerate() {
            service::sign(&db, &keys(), who, id, &sign_form(&format!("W{i}")), now)
                .await
                .unwrap();
        }
        service::transition(&db, &w.rep, id, Transition::Deposit, now)
            .await
            .unwrap();
        // Deadline 10 April: nothing due on deposit day, the 30-day warning on 11 March.
        assert!(
            service::claim_due_warnings(&db, now)
                .await
                .unwrap()
                .is_empty()
        );
        let day = noon(2026, 3, 11);
        let (a, b) = tokio::join!(
            service::claim_due_warnings(&db, day),
            service::claim_due_warnings(&db, day)
        );
        let (a, b) = (a.unwrap(), b.unwrap());
        assert_eq!(a.len() + b.len(), 1, "two processes, one warning");
        let warning = a.into_iter().chain(b).next().unwrap();
        assert_eq!((warning.days, warning.days_left), (30, 30));
        assert_eq!(warning.recipients.len(), 1);
        assert!(
            service::claim_due_warnings(&db, noon(2026, 3, 20))
                .await
                .unwrap()
                .is_empty()
        );
        let seven = service::claim_due_warnings(&db, noon(2026, 4, 5))
            .await
            .unwrap();
        assert_eq!(seven[0].days, 7);
        let one = service::claim_due_warnings(&db, noon(2026, 4, 10))
            .await
            .unwrap();
        assert_eq!((one[0].days, one[0].days_left), (1, 0));
        assert!(
            service::claim_due_warnings(&db, noon(2026, 4, 11))
                .await
                .unwrap()
                .is_empty()
        );
        assert_eq!(store::sent_warnings(&db, id).await.unwrap(), vec![1, 7, 30]);
    }
);

crate::store_test!(
    async fn register_filters_and_stats(db: Db) {
        let now = noon(2026, 3, 2);
        testkit::rules(&db, now).await;
        let w = testkit::world(&db).await;
        let draft = service::draft_citizen(&db, &w.rep, w.tangier_council, &texts(), now)
            .await
            .unwrap();
        let open = open_tangier_petition(&db, &w, now).await;
        let assoc = service::draft_association(
            &db,
            &w.association_rep,
            w.old_association,
            w.larache_council,
            "youth",
            &texts(),
            now,
        )
        .await
        .unwrap();
        service::transition(&db, &w.association_rep, assoc, Transition::Deposit, now)
            .await
            .unwrap();
        let all = store::register(&db, &RegisterFilter::default())
            .await
            .unwrap();
        let ids: Vec<i64> = all.iter().map(|p| p.id).collect();
        assert!(!ids.contains(&draft), "drafts are private");
        assert_eq!(ids.len(), 2);
        let f = RegisterFilter {
            territory_id: Some(w.larache),
            ..RegisterFilter::default()
        };
        assert_eq!(store::register(&db, &f).await.unwrap()[0].id, assoc);
        let f = RegisterFilter {
            state: Some(PetitionState::OpenForSignatures),
            ..RegisterFilter::default()
        };
        assert_eq!(store::register(&db, &f).await.unwrap()[0].id, open);
        let f = RegisterFilter {
            kind: Some(crate::petitions::model::procedure::PetitionKind::Association),
            ..RegisterFilter::default()
        };
        assert_eq!(store::register(&db, &f).await.unwrap().len(), 1);
        let stats = store::stats(&db, noon(2026, 12, 1)).await.unwrap();
        assert_eq!(stats.overdue, 1);
        assert_eq!(stats.rows.iter().map(|r| r.3).sum::<i64>(), 2);
        let mine = store::petitions_of(&db, w.rep.id.0).await.unwrap();
        assert_eq!(mine.len(), 2);
    }
);

crate::store_test!(
    async fn group_commit_writer_keeps_each_signature_to_its_own_fate(db: Db) {
        let now = noon(2026, 1, 31);
        testkit::rules(&db, now).await;
        let w = testkit::world(&db).await;
        let keys = keys();
        let id = open_tangier_petition(&db, &w, now).await;
        let writer = std::sync::Arc::new(crate::petitions::signing::SignatureWriter::new());
        // Four residents at once, one of them three times, one reusing another's CIN: in
        // whatever batches the writer forms, each person is counted once and every refusal is
        // the signer's own.
        let mut jobs = Vec::new();
        let signers = [
            (0, "WA1"),
            (1, "WA2"),
            (2, "WA3"),
            (2, "WA3"),
            (2, "WA9"),
            (3, "WA1"),
        ];
        for (who, cin) in signers {
            let s = service::prepare_signature(
                &db,
                &keys,
                &w.tangier_residents[who],
                id,
                &sign_form(cin),
                now,
            )
            .await
            .unwrap();
            let (db, writer) = (db.clone(), writer.clone());
            jobs.push(tokio::spawn(async move { writer.add(&db, s).await }));
        }
        let mut ok = 0;
        let mut refused = 0;
        for j in jobs {
            match j.await.unwrap() {
                Ok(_) => ok += 1,
                Err(store::SignError::AlreadySigned) => refused += 1,
                Err(e) => panic!("{e}"),
            }
        }
        assert_eq!((ok, refused), (3, 3));
        let p = store::petition(&db, id).await.unwrap().unwrap();
        assert_eq!(p.signature_count, 3);
        assert_eq!(store::count_signatures(&db, id).await.unwrap(), 3);

        // Closed petitions refuse through the writer too, and the writer goes on working.
        service::transition(&db, &w.rep, id, Transition::Withdraw, now)
            .await
            .unwrap();
        // (The service refuses before the writer; this checks the writer's own guard.)
        let cin = crate::petitions::model::cin::Cin::parse("WA5").unwrap();
        let late = store::NewSignature {
            petition_id: id,
            user_id: Some(w.rep.id.0),
            cin_hash: keys.hash(id, &cin),
            cin_sealed: keys.encrypt(id, &cin),
            full_name: "Late Signer".into(),
            basis: "resident",
            place_id: None,
            subdivision_id: None,
            consent_version: CONSENT_VERSION,
            wants_notice: false,
            now,
        };
        assert!(matches!(
            writer.add(&db, late).await,
            Err(store::SignError::NotOpen)
        ));
        assert_eq!(store::count_signatures(&db, id).await.unwrap(), 3);
    }
);
