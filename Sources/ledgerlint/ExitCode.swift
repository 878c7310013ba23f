/// The process exit codes, mapped once in `main`.
enum ExitCode: Int32 {
    /// Nothing at or above `--fail-on`.
    case clean = 0
    /// Findings at or above `--fail-on`.
    case findings = 1
    /// Bad usage, or a problem on this machine: input that cannot be read (snapshot, rule file, key file, missing
    /// keys) or a snapshot folder that cannot be written.
    case usageOrInput = 2
    /// PowerOffice could not be read: refused keys or requests, a server that does not answer or answers nonsense.
    case powerOffice = 3
    /// Stopped by SIGINT (Ctrl-C): 128 + 2, as shells report it.
    case interrupted = 130
    /// Stopped by SIGTERM: 128 + 15.
    case terminated = 143
}
