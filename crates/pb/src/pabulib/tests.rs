use super::*;

const SMALL: &str = "\u{feff}META\nkey;value\ndescription;\"A \"\"quoted\"\"; name\"\nvote_type;approval\nbudget;10,5\nmin_length;1\nmax_sum_cost;None\n\nprojects\nproject_id;cost;name\nb;5;\"x;y\"\na;2,5;None\nc;4;\n VOTES \nvoter_id;vote\n1;a,b\n2;b,b\n3;\n4;None\n";

#[test]
fn reads_quoting_bom_commas_none_and_titles() {
    let e = parse_str(SMALL).unwrap();
    assert_eq!(e.vote_type(), VoteType::Approval);
    assert_eq!(e.budget().to_string(), "10.5");
    assert_eq!(e.meta_value("description"), Some("A \"quoted\"; name"));
    assert_eq!(e.constraints().min_length, Some(1));
    assert_eq!(e.constraints().max_sum_cost, None);
    assert_eq!(e.projects().len(), 3);
    assert_eq!(e.projects()[0].cell(2), Some("x;y"));
    assert_eq!(e.projects()[1].cell(2), None);
    assert_eq!(e.projects()[2].cell(2), Some(""));
    assert_eq!(e.ballots().len(), 4);
    assert_eq!(e.ballots().get(0).unwrap().vote(), &[1, 0]);
    assert_eq!(e.ballots().get(2).unwrap().vote(), &[] as &[u32]);
    assert_eq!(e.ballots().get(1).unwrap().voter_id(), Some("2"));
    assert_eq!(e.money_scale(), 1);
}

#[test]
fn builds_scaled_instance_with_sets() {
    let i = parse_str(SMALL).unwrap().instance().unwrap();
    assert_eq!(i.budget, 105);
    assert_eq!(i.costs, vec![50, 25, 40]);
    assert_eq!(i.ids, vec!["b", "a", "c"]);
    assert_eq!(i.voters, 4);
    assert_eq!(i.supporters.to_vec(0), vec![(0, 1), (1, 1)]);
    assert_eq!(i.supporters.to_vec(1), vec![(0, 1)]);
    assert!(i.supporters[2].is_empty());
}

#[test]
fn round_trips_small_file() {
    let e = parse_str(SMALL).unwrap();
    let text = to_string(&e);
    assert_eq!(parse_str(&text).unwrap(), e);
}

#[test]
fn cumulative_points_last_assignment_wins() {
    let f = "META\nkey;value\nvote_type;cumulative\nbudget;10\nPROJECTS\nproject_id;cost\n1;3\n2;4\nVOTES\nvoter_id;vote;points\n1;1,2,1;5,3,2\n2;2;1.5\n";
    let e = parse_str(f).unwrap();
    assert_eq!(e.points_scale(), 1);
    let i = e.instance().unwrap();
    assert_eq!(i.supporters.to_vec(0), vec![(0, 20)]);
    assert_eq!(i.supporters.to_vec(1), vec![(0, 30), (1, 15)]);
    assert_eq!(parse_str(&to_string(&e)).unwrap(), e);
}

#[test]
fn ordinal_keeps_extra_points_column_as_text() {
    let f = "META\nkey;value\nvote_type;ordinal\nbudget;10\nPROJECTS\nproject_id;cost\n1;3\n2;4\nVOTES\nvoter_id;vote;points\n1;2,1;2,1\n";
    let e = parse_str(f).unwrap();
    let b = e.ballots().get(0).unwrap();
    assert_eq!(b.vote(), &[1, 0]);
    assert_eq!(b.points(), None);
    assert_eq!(b.cell("points"), Some("2,1"));
}

fn problem(text: &str) -> ParseError {
    parse_str(text).unwrap_err()
}

const HEAD: &str = "META\nkey;value\nvote_type;approval\nbudget;10\nPROJECTS\nproject_id;cost\n1;3\n2;4\nVOTES\nvoter_id;vote\n";

#[test]
fn errors_name_the_line() {
    let e = problem(&format!("{HEAD}1;1\n2;7\n"));
    assert_eq!(e.line, 12);
    assert_eq!(e.problem, Problem::UnknownProject("7".into()));
    assert_eq!(e.to_string(), "line 12: vote names unknown project \"7\"");

    let e = problem(&format!("{HEAD}1;1;x\n"));
    assert_eq!(e.line, 11);
    assert!(matches!(
        e.problem,
        Problem::ColumnCount {
            expected: 2,
            found: 3
        }
    ));

    let e = problem("META\nkey;value\nvote_type;approval\nbudget;1O\nPROJECTS\nproject_id;cost\n");
    assert_eq!(e.line, 4);
    assert!(matches!(e.problem, Problem::BadNumber { .. }));

    let e =
        problem("META\nkey;value\nvote_type;approval\nbudget;10\nPROJECTS\nproject_id;cost\n1;x\n");
    assert_eq!(e.line, 7);

    let e =
        problem("META\nkey;value\nvote_type;approval\nbudget;10\nPROJECTS\nproject_id;cost\n1;3\n");
    assert_eq!(e.problem, Problem::MissingSection("VOTES"));

    let e = problem("META\nkey;value\nbudget;10\nPROJECTS\nproject_id;cost\n");
    assert_eq!(e.problem, Problem::MissingMeta("vote_type"));

    let e = problem("META\nkey;value\nvote_type;pairwise\nbudget;10\nPROJECTS\n");
    assert_eq!(e.line, 3);

    let e = problem("hello\nMETA\n");
    assert_eq!((e.line, e.problem), (1, Problem::OutsideSection));

    let e = problem(
        "META\nkey;value\nvote_type;approval\nbudget;10\nPROJECTS\nproject_id;cost\n1;3\n1;4\n",
    );
    assert_eq!(e.problem, Problem::DuplicateProject("1".into()));

    let e = problem("META\nkey;value\nvote_type;approval\nbudget;10\nVOTES\n");
    assert_eq!(e.problem, Problem::SectionOrder("VOTES", "PROJECTS"));

    let e = problem("META\nkey;value\nvote_type;approval\nbudget;10\nPROJECTS\nproject_id;name\n");
    assert_eq!(e.line, 6);

    let e = problem(
        "META\nkey;value\nvote_type;cumulative\nbudget;10\nPROJECTS\nproject_id;cost\n1;3\nVOTES\nvoter_id;vote;points\n1;1;1,2\n",
    );
    assert_eq!(e.line, 10);
    assert_eq!(
        e.problem,
        Problem::PointsMismatch {
            votes: 1,
            points: 2
        }
    );

    let e = problem("META\n");
    assert_eq!(e.problem, Problem::MissingHeader("META"));

    let e = parse(
        b"META\nkey;value\nvote_type;approval\nbudget;10\nPROJECTS\nproject_id;cost\n\xff;3\n",
    )
    .unwrap_err();
    assert_eq!((e.line, e.problem), (7, Problem::InvalidUtf8));
}

#[test]
fn negative_cost_is_an_instance_error() {
    let e = parse_str("META\nkey;value\nvote_type;approval\nbudget;10\nPROJECTS\nproject_id;cost\n1;-3\nVOTES\nvoter_id;vote\n")
        .unwrap();
    assert!(matches!(e.instance(), Err(InstanceError::NegativeMoney(_))));
}

#[test]
fn writer_keeps_lone_empty_ballots() {
    let e = parse_str("META\nkey;value\nvote_type;approval\nbudget;10\nPROJECTS\nproject_id;cost\n1;3\nVOTES\nvote\n1\nNone\n1\n")
        .unwrap();
    assert_eq!(e.ballots().len(), 3);
    assert_eq!(parse_str(&to_string(&e)).unwrap(), e);
}

#[test]
fn builder_makes_a_checked_election() {
    let e = ElectionBuilder::new()
        .meta("description", "Tanger; 2026")
        .meta("vote_type", "approval")
        .meta("budget", "1000,50")
        .project_columns(&["project_id", "cost", "name"])
        .project(&[Some("P1"), Some("600"), Some("Jardin \"Mendoubia\"")])
        .project(&[Some("P2"), Some("500"), None])
        .vote_columns(&["voter_id", "vote"])
        .ballot(&[Some("v1"), Some("P1,P2")])
        .ballot(&[Some("v2"), Some("")])
        .build()
        .unwrap();
    assert_eq!(e.meta_value("description"), Some("Tanger; 2026"));
    assert_eq!(e.projects()[0].cell(2), Some("Jardin \"Mendoubia\""));
    assert_eq!(e.ballots().len(), 2);
    assert_eq!(e.instance().unwrap().budget, 10005);
    let bad = ElectionBuilder::new()
        .meta("vote_type", "approval")
        .meta("budget", "10")
        .project_columns(&["project_id", "cost"])
        .project(&[Some("P1"), Some("6")])
        .vote_columns(&["vote"])
        .ballot(&[Some("P9")])
        .build()
        .unwrap_err();
    assert_eq!(bad.problem, Problem::UnknownProject("P9".into()));
}

#[test]
fn scoring_ballots_give_their_scores() {
    let f = "META\nkey;value\nvote_type;scoring\nbudget;10\nmin_points;0\nmax_points;5\nPROJECTS\nproject_id;cost\nx;3\ny;4\nVOTES\nvoter_id;vote;points\n1;x,y;5,0\n2;y;2\n3;None;None\n";
    let e = parse_str(f).unwrap();
    assert_eq!(e.vote_type(), VoteType::Scoring);
    assert_eq!(e.constraints().max_points, Some(Decimal::from_integer(5)));
    let i = e.instance().unwrap();
    // A score of 0 still names the project (pabutools' `in`), with utility 0.
    assert_eq!(i.supporters.to_vec(0), vec![(0, 5)]);
    assert_eq!(i.supporters.to_vec(1), vec![(0, 0), (1, 2)]);
    assert_eq!(i.voters, 3);
    assert_eq!(parse_str(&to_string(&e)).unwrap(), e);
}
