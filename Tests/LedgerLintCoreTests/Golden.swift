import LedgerLintTestSupport

/// This target's golden files, in Fixtures/Golden; `LEDGERLINT_RECORD=1` re-records them.
let golden = GoldenFiles(besides: #filePath)
