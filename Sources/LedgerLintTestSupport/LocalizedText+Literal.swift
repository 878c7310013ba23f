import LedgerLintText

// Tests write the texts they expect as plain strings, in English: a literal is a text that reads the same in both
// languages, and an error read from a file is compared as its English. Only tests may do this; in the library every
// text is written in both languages (`NorwegianTests` checks that).

extension LocalizedText: ExpressibleByStringLiteral, ExpressibleByStringInterpolation {
    public init(stringLiteral value: String) { self.init(verbatim: value) }
}
