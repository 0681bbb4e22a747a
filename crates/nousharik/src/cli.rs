//! The command line: `nousharik serve [--demo] | migrate | demo | audit verify | pb … |
//! bench budgets`.
//!
//! Global settings come from flags or environment variables (flags win). They are validated
//! before anything starts; a wrong one prints one line naming it and exits with code 2.

use std::process::ExitCode;

use clap::parser::ValueSource;
use clap::{ArgMatches, CommandFactory, FromArgMatches, Parser, Subcommand};

use crate::platform::config::{self, Config, ConfigError, RawSettings, SettingNames};
use crate::platform::{AppState, Db};

/// Nousharik — نشارك: the citizen-participation platform.
#[derive(Debug, Parser)]
#[command(name = "nousharik", version, about)]
pub struct Cli {
    /// Address to listen on [default: 127.0.0.1:8080].
    #[arg(long, env = "NOUSHARIK_BIND", global = true)]
    pub bind: Option<String>,
    /// Database URL: sqlite://… or postgres://… [default: sqlite://<data-dir>/nousharik.db].
    #[arg(long, env = "DATABASE_URL", global = true, hide_env_values = true)]
    pub database_url: Option<String>,
    /// Data directory: SQLite file, secret key, mails in development [default: ./data].
    #[arg(long, env = "NOUSHARIK_DATA_DIR", global = true)]
    pub data_dir: Option<String>,
    /// Public base URL used in mailed links [default: http://<bind>].
    #[arg(long, env = "NOUSHARIK_BASE_URL", global = true)]
    pub base_url: Option<String>,
    /// SMTP server (smtp:// or smtps://); without it mails are written under <data-dir>/mail.
    #[arg(
        long,
        env = "NOUSHARIK_SMTP_URL",
        global = true,
        hide_env_values = true
    )]
    pub smtp_url: Option<String>,
    /// Log level or filter, e.g. info or nousharik=debug,tower_http=info [default: info].
    #[arg(long, env = "NOUSHARIK_LOG", global = true)]
    pub log: Option<String>,
    /// Log format: text or json [default: text].
    #[arg(long, env = "NOUSHARIK_LOG_FORMAT", global = true)]
    pub log_format: Option<String>,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Apply migrations and serve the web application.
    Serve {
        /// Seed the demo data first and print the demo accounts' logins.
        #[arg(long)]
        demo: bool,
    },
    /// Apply the database migrations and exit.
    Migrate,
    /// Apply migrations, seed the demo data and print the demo logins.
    Demo,
    /// Participatory-budgeting tools: count and check Pabulib files (no database needed).
    Pb {
        /// Pb subcommand.
        #[command(subcommand)]
        command: crate::pbcli::PbCommand,
    },
    /// Benchmarks on a temporary database (figures printed with their bounds).
    Bench {
        /// What to measure.
        #[command(subcommand)]
        command: BenchCommand,
    },
    /// Prepare a signing benchmark on a throw-away data directory: demo data, one open
    /// petition and N synthetic verified signers with sessions; writes one line per signer
    /// (`<path>\t<cookie>\t<form body>`) for `bench/petitions/sign.lua`.
    BenchPetitions {
        /// How many signers.
        #[arg(long, default_value_t = 20_000)]
        signers: usize,
        /// Where to write the lines.
        #[arg(long)]
        out: std::path::PathBuf,
    },
    /// Audit-log tools.
    Audit {
        /// Audit subcommand.
        #[command(subcommand)]
        command: AuditCommand,
    },
}

/// `nousharik bench …`
#[derive(Debug, Subcommand)]
pub enum BenchCommand {
    /// Participatory budgets: counting 100 000 stored ballots on 150 projects, and casting
    /// ballots with concurrent voters (SQLite; the count also on PostgreSQL with --postgres).
    Budgets(crate::budgets::bench::BenchArgs),
}

/// `nousharik audit …`
#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// Walk the hash chain; exit non-zero naming the first changed or removed entry.
    Verify,
}

/// Names settings as the user gave them: `--bind` for a flag, `NOUSHARIK_BIND` otherwise.
fn setting_names(m: &ArgMatches) -> SettingNames {
    let d = SettingNames::default();
    let pick = |id: &str, flag: &str, env: String| match m.value_source(id) {
        Some(ValueSource::CommandLine) => flag.to_string(),
        _ => env,
    };
    SettingNames {
        bind: pick("bind", "--bind", d.bind),
        database_url: pick("database_url", "--database-url", d.database_url),
        data_dir: pick("data_dir", "--data-dir", d.data_dir),
        base_url: pick("base_url", "--base-url", d.base_url),
        smtp_url: pick("smtp_url", "--smtp-url", d.smtp_url),
        log: pick("log", "--log", d.log),
        log_format: pick("log_format", "--log-format", d.log_format),
    }
}

/// Entry point of the binary.
pub fn main() -> ExitCode {
    let matches = Cli::command().get_matches();
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    if let Command::Pb { command } = &cli.command {
        return crate::pbcli::main(command);
    }
    if let Command::Bench { command } = &cli.command {
        return bench(command);
    }
    let names = setting_names(&matches);
    let raw = RawSettings {
        bind: cli.bind.clone(),
        database_url: cli.database_url.clone(),
        data_dir: cli.data_dir.clone(),
        base_url: cli.base_url.clone(),
        smtp_url: cli.smtp_url.clone(),
        log: cli.log.clone(),
        log_format: cli.log_format.clone(),
    };
    let config = match Config::from_raw(&raw, &names) {
        Ok(c) => c,
        Err(e) => return config_failure(&e),
    };
    init_logging(&config);
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: cannot start the runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    runtime.block_on(run(cli.command, config, &names))
}

/// `nousharik bench …`: needs no configuration (it makes its own databases).
fn bench(command: &BenchCommand) -> ExitCode {
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: cannot start the runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    let BenchCommand::Budgets(args) = command;
    match runtime.block_on(crate::budgets::bench::run(args)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn config_failure(e: &ConfigError) -> ExitCode {
    eprintln!("error: {e}");
    ExitCode::from(u8::try_from(config::EXIT_CONFIG).unwrap_or(2))
}

fn init_logging(config: &Config) {
    let filter = tracing_subscriber::EnvFilter::try_new(&config.log)
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    // Colours only on a terminal: log files and collectors get plain text.
    let ansi = std::io::IsTerminal::is_terminal(&std::io::stderr());
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(ansi)
        .with_writer(std::io::stderr);
    let _ = match config.log_format {
        config::LogFormat::Json => builder.json().try_init(),
        config::LogFormat::Text => builder.try_init(),
    };
}

/// Opens the database (creating the data directory and secret key) and applies migrations.
async fn open(config: &Config, names: &SettingNames) -> Result<AppState, ExitCode> {
    let secret = config::load_or_create_secret(&config.data_dir, &names.data_dir)
        .map_err(|e| config_failure(&e))?;
    let db = Db::connect(&config.database_url).await.map_err(|e| {
        eprintln!("error: {}: {e}", names.database_url);
        ExitCode::FAILURE
    })?;
    db.migrate().await.map_err(|e| {
        eprintln!("error: {e}");
        ExitCode::FAILURE
    })?;
    Ok(AppState::new(db, config.clone(), secret))
}

async fn run(command: Command, config: Config, names: &SettingNames) -> ExitCode {
    let state = match open(&config, names).await {
        Ok(s) => s,
        Err(code) => return code,
    };
    tracing::info!(config = ?state.config, "started");
    // Reference territories are data every installation needs, not demo data; `audit verify`
    // only reads.
    if !matches!(command, Command::Audit { .. })
        && let Err(e) = crate::territory::store::seed_reference(&state.db).await
    {
        eprintln!("error: seeding the reference territories: {e}");
        state.db.close().await;
        return ExitCode::FAILURE;
    }
    let result = match command {
        Command::Migrate => {
            println!("Migrations applied.");
            Ok(ExitCode::SUCCESS)
        }
        Command::Demo => seed_demo(&state).await.map(|()| ExitCode::SUCCESS),
        Command::Serve { demo } => serve(state.clone(), demo).await.map(|()| ExitCode::SUCCESS),
        Command::Audit {
            command: AuditCommand::Verify,
        } => Ok(audit_verify(&state).await),
        Command::Pb { command } => Ok(crate::pbcli::main(&command)),
        Command::Bench {
            command: BenchCommand::Budgets(args),
        } => crate::budgets::bench::run(&args)
            .await
            .map(|()| ExitCode::SUCCESS),
        Command::BenchPetitions { signers, out } => bench_petitions(&state, signers, &out)
            .await
            .map(|()| ExitCode::SUCCESS),
    };
    state.db.close().await;
    result.unwrap_or_else(|e| {
        eprintln!("error: {e:#}");
        ExitCode::FAILURE
    })
}

async fn seed_demo(state: &AppState) -> anyhow::Result<()> {
    let logins = crate::demo::seed(state).await?;
    print!("{}", crate::demo::summary(&state.config.base_url, &logins));
    Ok(())
}

async fn serve(state: AppState, demo: bool) -> anyhow::Result<()> {
    if demo {
        seed_demo(&state).await?;
    }
    let listener = crate::platform::server::bind(&state).await?;
    let addr = listener.local_addr()?;
    // The dummy hash used for unknown addresses at log-in, computed before the first request.
    tokio::task::spawn_blocking(crate::platform::password::warm_up);
    crate::platform::session::spawn_housekeeping(state.db.clone());
    crate::petitions::jobs::spawn_deadline_warnings(state.clone());
    crate::meetings::reminders::spawn(state.clone());
    println!(
        "Nousharik listening on http://{addr} (public URL {}/)",
        state.config.base_url
    );
    crate::platform::server::serve(listener, state).await
}

async fn bench_petitions(
    state: &AppState,
    signers: usize,
    out: &std::path::Path,
) -> anyhow::Result<()> {
    anyhow::ensure!(
        (1..=800_000).contains(&signers),
        "--signers: between 1 and 800000"
    );
    let now = jiff::Timestamp::now().as_second();
    let prepared = crate::petitions::bench::prepare(state, signers, now).await?;
    let mut text = prepared.lines.join("\n");
    text.push('\n');
    std::fs::write(out, text)?;
    println!(
        "petition {} open for signatures; {} signers written to {}",
        prepared.petition_id,
        signers,
        out.display()
    );
    Ok(())
}

async fn audit_verify(state: &AppState) -> ExitCode {
    match crate::platform::audit::verify(&state.db).await {
        Ok(v) => {
            println!(
                "audit log OK: {} entries, last hash {}",
                v.count, v.last_hash
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
