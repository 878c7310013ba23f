/// The process exit codes, mapped once in `main`.
enum ExitCode: Int32 {
    /// Nothing at or above `--fail-on`.
    case clean = 0
    /// Findings at or above `--fail-on`.
    case findings = 1
    /// Bad usage, or input that cannot be read (snapshot, rule file).
    case usageOrInput = 2
    /// PowerOffice could not be read.
    case powerOffice = 3
}
