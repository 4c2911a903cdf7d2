fn main() -> std::process::ExitCode {
    leaflet::cli::run()
}
