//! `nousharik pb …`: count and check Pabulib files from the command line.
//!
//! `pb tally FILE.pb --rule RULE [--tie-break …] [--json]` prints the funded projects and
//! their total cost (with `--json`, the rule's explanation too); `pb check FILE.pb` validates a
//! file and prints its summary. This is an operator's tool: its output is English.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::builder::{PossibleValue, PossibleValuesParser};
use clap::{Args, Subcommand, ValueEnum};
use pb::decimal::format_scaled;
use pb::greedy::Threshold;
use pb::pabulib::{Election, InstanceError, ParseError};
use pb::rules::{RULES, Rule, RuleError, tally_with};
use pb::{Instance, TieBreak};

/// The `pb` subcommands.
#[derive(Debug, Clone, Subcommand)]
pub enum PbCommand {
    /// Count a Pabulib file with a rule and print the funded projects and their total cost.
    Tally(TallyArgs),
    /// Validate a Pabulib file and print its summary.
    Check(CheckArgs),
}

/// How ties between projects are broken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TieBreakArg {
    /// Smallest project id (as a string) first, like pabutools.
    Lexicographic,
    /// Lowest cost first, then most votes, then a lot drawn with --seed.
    CostVotesLot,
}

/// Arguments of `pb tally`.
#[derive(Debug, Clone, Args)]
pub struct TallyArgs {
    /// The Pabulib (.pb) file.
    pub file: PathBuf,
    /// The counting rule.
    #[arg(long, value_parser = rule_values())]
    pub rule: String,
    /// How ties are broken.
    #[arg(long, value_enum, default_value_t = TieBreakArg::Lexicographic)]
    pub tie_break: TieBreakArg,
    /// Seed of the lot used by --tie-break cost-votes-lot.
    #[arg(long, default_value_t = 0)]
    pub seed: u64,
    /// Minimum support for greedy_threshold_* rules: a number of votes (points for the
    /// points rule) or a share of the voters such as `5%`. Defaults to the file's META
    /// `min_project_score_threshold`.
    #[arg(long)]
    pub threshold: Option<String>,
    /// Print JSON, with the rule's explanation for every project.
    #[arg(long)]
    pub json: bool,
    /// Also print the explanation as text.
    #[arg(long)]
    pub explain: bool,
}

/// Arguments of `pb check`.
#[derive(Debug, Clone, Args)]
pub struct CheckArgs {
    /// The Pabulib (.pb) file.
    pub file: PathBuf,
}

/// What can go wrong in `pb` commands.
#[derive(Debug, thiserror::Error)]
pub enum PbCliError {
    /// The file cannot be read.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The file is not a valid Pabulib file.
    #[error("{path}: {source}")]
    Parse {
        /// The file.
        path: PathBuf,
        /// Where and why.
        source: ParseError,
    },
    /// The election cannot be counted.
    #[error("{path}: {source}")]
    Instance {
        /// The file.
        path: PathBuf,
        /// Why.
        source: InstanceError,
    },
    /// Bad rule or threshold.
    #[error(transparent)]
    Rule(#[from] RuleError),
    /// The threshold is not a number or a percentage.
    #[error("bad threshold {0:?}: expected a whole number or a percentage such as 5%")]
    Threshold(String),
    /// Writing the output failed.
    #[error("cannot write output: {0}")]
    Output(#[from] std::io::Error),
}

/// Every rule with its one-line description, for `--help`.
fn rule_values() -> PossibleValuesParser {
    PossibleValuesParser::new(
        RULES
            .iter()
            .map(|&(key, help)| PossibleValue::new(key).help(help)),
    )
}

/// Runs a `pb` subcommand for the binary: output on stdout, an error on stderr with exit
/// code 1.
pub fn main(command: &PbCommand) -> std::process::ExitCode {
    let stdout = std::io::stdout();
    match run(command, &mut stdout.lock()) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

/// Runs a `pb` subcommand, writing its output to `out`.
pub fn run(command: &PbCommand, out: &mut dyn Write) -> Result<(), PbCliError> {
    match command {
        PbCommand::Tally(args) => {
            let report = tally_file(args)?;
            out.write_all(report.as_bytes())?;
        }
        PbCommand::Check(args) => {
            let report = check_file(&args.file)?;
            out.write_all(report.as_bytes())?;
        }
    }
    Ok(())
}

/// Reads and parses a file.
pub fn load(path: &Path) -> Result<Election, PbCliError> {
    let bytes = std::fs::read(path).map_err(|source| PbCliError::Io {
        path: path.to_owned(),
        source,
    })?;
    pb::pabulib::parse(&bytes).map_err(|source| PbCliError::Parse {
        path: path.to_owned(),
        source,
    })
}

fn instance_of(path: &Path, election: &Election) -> Result<Instance, PbCliError> {
    election.instance().map_err(|source| PbCliError::Instance {
        path: path.to_owned(),
        source,
    })
}

/// Parses `--threshold`: `3000` (votes, or points for a points rule) or `5%` / `2.5%`.
pub fn parse_threshold(text: &str, points: bool) -> Result<Threshold, PbCliError> {
    let bad = || PbCliError::Threshold(text.to_owned());
    let t = text.trim();
    if let Some(percent) = t.strip_suffix('%') {
        let d = pb::Decimal::parse(percent).map_err(|_| bad())?;
        let numerator = u64::try_from(d.mantissa()).map_err(|_| bad())?;
        let denominator = 10u64
            .checked_pow(d.scale())
            .and_then(|f| f.checked_mul(100))
            .ok_or_else(bad)?;
        return Ok(Threshold::Share {
            numerator,
            denominator,
        });
    }
    let n: u64 = t.parse().map_err(|_| bad())?;
    Ok(if points {
        Threshold::Utility(n)
    } else {
        Threshold::Votes(n)
    })
}

/// The rule asked for, with its threshold from the arguments or the file.
fn rule_of(args: &TallyArgs, election: &Election) -> Result<Rule, PbCliError> {
    let points = args.rule.ends_with("_points");
    let threshold = match (
        &args.threshold,
        election.meta_value("min_project_score_threshold"),
    ) {
        (Some(t), _) => Some(parse_threshold(t, points)?),
        (None, Some(t)) if args.rule.starts_with("greedy_threshold_") => {
            Some(parse_threshold(t, points)?)
        }
        _ => None,
    };
    Ok(Rule::from_key(&args.rule, threshold)?)
}

/// Counts a file as `pb tally` does and returns the text to print.
pub fn tally_file(args: &TallyArgs) -> Result<String, PbCliError> {
    let election = load(&args.file)?;
    let instance = instance_of(&args.file, &election)?;
    let rule = rule_of(args, &election)?;
    let scale = election.money_scale();
    // Counting needs only the instance: the parsed ballots are dropped before it starts.
    drop(election);
    let tie = match args.tie_break {
        TieBreakArg::Lexicographic => TieBreak::Lexicographic,
        TieBreakArg::CostVotesLot => TieBreak::CostVotesLot { seed: args.seed },
    };
    // The "add one" rules add one currency unit, whatever the money scale of the file. The
    // explanation is only computed when it is printed: for Equal Shares it costs more than the
    // rule itself on large files.
    let outcome = tally_with(
        &instance,
        &rule.in_currency_units(scale),
        tie,
        args.json || args.explain,
    );
    let money = |units: u64| format_scaled(i128::from(units), scale);
    let ids = outcome.selected_ids(&instance);
    if args.json {
        let value = serde_json::json!({
            "file": args.file.display().to_string(),
            "rule": outcome.rule,
            "tie_break": match args.tie_break {
                TieBreakArg::Lexicographic => "lexicographic".to_owned(),
                TieBreakArg::CostVotesLot => format!("cost-votes-lot:{}", args.seed),
            },
            "budget": money(instance.budget),
            "selected": ids,
            "total_cost": money(outcome.total_cost),
            "money_scale": scale,
            "explanation": outcome.explanation,
            "explanation_text": outcome.explanation.to_text(scale),
        });
        // Serialising a json! value cannot fail.
        let mut text = serde_json::to_string_pretty(&value).unwrap_or_default();
        text.push('\n');
        return Ok(text);
    }
    let mut text = format!(
        "rule: {}\nselected ({}): {}\ntotal cost: {} of {}\n",
        outcome.rule,
        ids.len(),
        ids.join(", "),
        money(outcome.total_cost),
        money(instance.budget)
    );
    if args.explain {
        text.push('\n');
        text.push_str(&outcome.explanation.to_text(scale));
    }
    Ok(text)
}

/// Validates a file as `pb check` does and returns its summary.
pub fn check_file(path: &Path) -> Result<String, PbCliError> {
    let election = load(path)?;
    let instance = instance_of(path, &election)?;
    let scale = election.money_scale();
    let money = |units: u64| format_scaled(i128::from(units), scale);
    let mut lines = vec![
        format!("file: {}", path.display()),
        format!("vote type: {}", election.vote_type()),
        format!("voters: {}", election.ballots().len()),
        format!("projects: {}", election.projects().len()),
        format!("budget: {}", election.budget()),
        format!(
            "total cost of all projects: {}",
            money(instance.cost_of(&(0..instance.num_projects()).collect::<Vec<_>>()))
        ),
    ];
    if let Some(rule) = election.meta_value("rule") {
        lines.push(format!("rule in the file: {rule}"));
    }
    let c = election.constraints();
    let constraints: Vec<String> = [
        ("min_length", c.min_length.map(|v| v.to_string())),
        ("max_length", c.max_length.map(|v| v.to_string())),
        ("min_sum_cost", c.min_sum_cost.map(|v| v.to_string())),
        ("max_sum_cost", c.max_sum_cost.map(|v| v.to_string())),
        ("min_points", c.min_points.map(|v| v.to_string())),
        ("max_points", c.max_points.map(|v| v.to_string())),
        ("min_sum_points", c.min_sum_points.map(|v| v.to_string())),
        ("max_sum_points", c.max_sum_points.map(|v| v.to_string())),
    ]
    .into_iter()
    .filter_map(|(k, v)| v.map(|v| format!("{k} {v}")))
    .collect();
    lines.push(format!(
        "constraints: {}",
        if constraints.is_empty() {
            "none".to_owned()
        } else {
            constraints.join(", ")
        }
    ));
    let empty = election
        .ballots()
        .iter()
        .filter(|b| b.vote().is_empty())
        .count();
    let longest = election
        .ballots()
        .iter()
        .map(|b| b.vote().len())
        .max()
        .unwrap_or(0);
    lines.push(format!(
        "empty ballots: {empty}; longest ballot: {longest} projects"
    ));
    for (key, actual) in [
        ("num_votes", election.ballots().len()),
        ("num_projects", election.projects().len()),
    ] {
        if let Some(v) = election.meta_value(key)
            && v.parse::<usize>().ok() != Some(actual)
        {
            lines.push(format!(
                "warning: META {key} is {v} but the file has {actual}"
            ));
        }
    }
    if let Some(max) = c.max_length {
        let over = election
            .ballots()
            .iter()
            .filter(|b| b.vote().len() as u64 > max)
            .count();
        if over > 0 {
            lines.push(format!(
                "warning: {over} ballots name more than {max} projects"
            ));
        }
    }
    lines.push("ok".to_owned());
    Ok(lines.join("\n") + "\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::{CommandFactory, Parser};

    #[derive(Debug, Parser)]
    struct TestCli {
        #[command(subcommand)]
        pb: PbCommand,
    }

    const FILE: &str = "META\nkey;value\nvote_type;approval\nbudget;10,5\nmin_project_score_threshold;2\nnum_votes;3\nmax_length;2\nrule;greedy\nPROJECTS\nproject_id;cost\na;6\nb;5,5\nc;4\nVOTES\nvoter_id;vote\n1;a,b\n2;a,b\n3;c\n";

    fn temp_file(name: &str, text: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("nousharik-pbcli-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        path
    }

    fn tally_args(file: PathBuf, rule: &str) -> TallyArgs {
        TallyArgs {
            file,
            rule: rule.to_owned(),
            tie_break: TieBreakArg::Lexicographic,
            seed: 0,
            threshold: None,
            json: false,
            explain: false,
        }
    }

    #[test]
    fn tally_prints_selected_and_total_in_money() {
        let path = temp_file("t1.pb", FILE);
        let out = tally_file(&tally_args(path.clone(), "greedy_cost")).unwrap();
        assert_eq!(
            out,
            "rule: greedy_cost\nselected (2): a, c\ntotal cost: 10.0 of 10.5\n"
        );
        let out = tally_file(&tally_args(path.clone(), "greedy_threshold_cost")).unwrap();
        assert!(out.contains("selected (1): a\n"), "{out}");
        let mut args = tally_args(path, "seq_phragmen");
        args.json = true;
        let v: serde_json::Value = serde_json::from_str(&tally_file(&args).unwrap()).unwrap();
        assert_eq!(v["rule"], "seq_phragmen");
        assert_eq!(v["total_cost"], "9.5");
        assert_eq!(v["explanation"]["kind"], "phragmen");
    }

    #[test]
    fn thresholds_parse() {
        assert_eq!(
            parse_threshold("3000", false).unwrap(),
            Threshold::Votes(3000)
        );
        assert_eq!(
            parse_threshold("200", true).unwrap(),
            Threshold::Utility(200)
        );
        assert_eq!(
            parse_threshold("2.5%", false).unwrap(),
            Threshold::Share {
                numerator: 25,
                denominator: 1000
            }
        );
        assert!(parse_threshold("lots", false).is_err());
    }

    #[test]
    fn check_summarises_and_warns() {
        let path = temp_file("t2.pb", &FILE.replace("num_votes;3", "num_votes;4"));
        let out = check_file(&path).unwrap();
        assert!(
            out.contains("vote type: approval\nvoters: 3\nprojects: 3\nbudget: 10.5\n"),
            "{out}"
        );
        assert!(out.contains("constraints: max_length 2"), "{out}");
        assert!(
            out.contains("warning: META num_votes is 4 but the file has 3"),
            "{out}"
        );
    }

    #[test]
    fn errors_name_file_and_line() {
        let path = temp_file("t3.pb", &FILE.replace("3;c", "3;z"));
        let err = check_file(&path).unwrap_err().to_string();
        assert!(
            err.ends_with("t3.pb: line 18: vote names unknown project \"z\""),
            "{err}"
        );
        let missing = check_file(Path::new("/nonexistent/x.pb")).unwrap_err();
        assert!(matches!(missing, PbCliError::Io { .. }));
    }

    #[test]
    fn help_lists_every_rule_with_its_description() {
        let mut cmd = TestCli::command();
        let tally = cmd.find_subcommand_mut("tally").unwrap();
        let help = tally.render_long_help().to_string();
        for (key, description) in RULES {
            assert!(help.contains(key), "{key} missing from help");
            assert!(help.contains(description), "{description} missing");
        }
        let parsed = TestCli::try_parse_from(["x", "tally", "f.pb", "--rule", "nope"]);
        assert!(parsed.is_err());
    }
}
