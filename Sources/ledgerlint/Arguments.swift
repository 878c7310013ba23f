import LedgerLintCore

/// A small command-line parser: options with values (`--format json`, `--format=json`), flags, and positionals.
///
/// Each command declares what it takes; anything else is a usage error that names the argument.
struct Arguments {
    private var remaining: [String]
    /// The options the command asked for, for a "did you mean" on one it does not take.
    private var known: Set<String> = []

    init(_ arguments: some Sequence<String>) { remaining = Array(arguments) }

    /// Removes and returns every value of `--name VALUE` / `--name=VALUE` (repeatable options).
    mutating func values(_ name: String) throws(UsageError) -> [String] {
        known.insert(name)
        var found: [String] = []
        var index = 0
        while index < remaining.count {
            let argument = remaining[index]
            if argument == "--" { break }
            if argument == name {
                guard index + 1 < remaining.count, !remaining[index + 1].hasPrefix("--") || remaining[index + 1] == "-" else {
                    throw UsageError("\(name) needs a value")
                }
                found.append(remaining[index + 1])
                remaining.removeSubrange(index...index + 1)
            } else if argument.hasPrefix(name + "=") {
                found.append(String(argument.dropFirst(name.count + 1)))
                remaining.remove(at: index)
            } else {
                index += 1
            }
        }
        return found
    }

    /// Removes and returns the value of a single-valued option, if given.
    mutating func value(_ name: String) throws(UsageError) -> String? {
        let found = try values(name)
        guard found.count <= 1 else { throw UsageError("\(name) is given \(found.count) times") }
        return found.first
    }

    /// Removes and returns the value of an option whose values are the cases of `T`.
    mutating func choice<T: RawRepresentable & CaseIterable>(_ name: String, as type: T.Type) throws(UsageError) -> T?
    where T.RawValue == String {
        guard let raw = try value(name) else { return nil }
        guard let parsed = T(rawValue: raw) else {
            let names = T.allCases.map(\.rawValue)
            throw UsageError(
                "\(name) '\(raw.excerpt)' is not one of: \(names.joined(separator: ", "))"
                    + Suggestion.didYouMean(raw, in: names).en)
        }
        return parsed
    }

    /// Removes a flag; true when it was given.
    mutating func flag(_ name: String) -> Bool {
        known.insert(name)
        guard let index = remaining.firstIndex(of: name) else { return false }
        remaining.remove(at: index)
        return true
    }

    /// The positional arguments left after options were taken; any option left over is an error.
    mutating func positionals() throws(UsageError) -> [String] {
        var result: [String] = []
        var afterSeparator = false
        for argument in remaining {
            if afterSeparator {
                result.append(argument)
            } else if argument == "--" {
                afterSeparator = true
            } else if argument.hasPrefix("-") && argument != "-" {
                let name = String(argument.split(separator: "=", maxSplits: 1).first ?? "")
                throw UsageError("unknown option '\(argument.excerpt)'" + Suggestion.didYouMean(name, in: known).en)
            } else {
                result.append(argument)
            }
        }
        remaining = []
        return result
    }
}

/// A command line that cannot be run as written.
struct UsageError: Error {
    var message: String
    init(_ message: String) { self.message = message }
}
