import LedgerLintCore; print(BuiltinRules.count)
