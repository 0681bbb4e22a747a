//! The `nousharik` binary; everything lives in the library (`nousharik::cli`).

fn main() -> std::process::ExitCode {
    nousharik::cli::main()
}
