// swift-tools-version: 6.0
import PackageDescription

let strictness: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "LedgerLint",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "ledgerlint", targets: ["ledgerlint"]),
        .library(name: "LedgerLintCore", targets: ["LedgerLintCore"]),
        .library(name: "PowerOfficeGo", targets: ["PowerOfficeGo"]),
    ],
    targets: [
        // Text in both languages (English, Norwegian), "did you mean", and text made safe for a terminal: what
        // every other target says its errors with.
        .target(
            name: "LedgerLintText",
            swiftSettings: strictness
        ),
        // JSON read strictly and fast: the scanner (one grammar), the tree decoder with JSON paths, text decoding
        // (one encoding detector), files opened and mapped, the one encoder setup.
        .target(
            name: "LedgerLintJSON",
            dependencies: ["LedgerLintText"],
            swiftSettings: strictness
        ),
        // The read-only PowerOffice Go v2 client: credentials, tokens, transport, rate limit, retries, paging.
        // It knows nothing of rules, findings or snapshots.
        .target(
            name: "PowerOfficeGo",
            dependencies: ["LedgerLintText", "LedgerLintJSON"],
            swiftSettings: strictness
        ),
        // The linter itself: inputs → model → rules → findings → reporters, the snapshot format and the check
        // run. No command-line knowledge.
        .target(
            name: "LedgerLintCore",
            dependencies: ["LedgerLintText", "LedgerLintJSON", "PowerOfficeGo"],
            swiftSettings: strictness,
            plugins: ["EmbedRulesPlugin"]
        ),
        // The thin command-line front end.
        .executableTarget(
            name: "ledgerlint",
            dependencies: ["LedgerLintCore", "PowerOfficeGo", "LedgerLintJSON", "LedgerLintText"],
            swiftSettings: strictness
        ),
        // A fake PowerOffice Go v2 API on loopback (POSIX sockets), for the client's tests and local demos.
        .target(
            name: "FakePowerOffice",
            swiftSettings: strictness
        ),
        .executableTarget(
            name: "fake-poweroffice",
            // The linter for the snapshot layout only (`--data` serves a snapshot folder); the API the fake
            // serves is spelt out on its own, so that a wrong path in the client is not mirrored by the fake.
            dependencies: ["FakePowerOffice", "LedgerLintCore"],
            swiftSettings: strictness
        ),
        // Build tool: turns rules/*.json into Swift source, so the built-in rule set is part of the binary
        // while rules/ stays the single source.
        .executableTarget(
            name: "embed-rules",
            swiftSettings: strictness
        ),
        // Build tool: reads the git commit from .git (files only, no git process), for `ledgerlint --version`.
        .executableTarget(
            name: "embed-commit",
            swiftSettings: strictness
        ),
        .plugin(
            name: "EmbedRulesPlugin",
            capability: .buildTool(),
            dependencies: ["embed-rules", "embed-commit"]
        ),
        // What the test targets share: temporary folders that clean up after themselves, golden files with diffs.
        .target(
            name: "LedgerLintTestSupport",
            dependencies: ["LedgerLintText", "PowerOfficeGo"],
            swiftSettings: strictness
        ),
        // What the tests of the PowerOffice client share, wherever they run it: the fake with test keys, a client
        // configuration for it with the waits scaled down.
        .target(
            name: "PowerOfficeGoTestSupport",
            dependencies: ["FakePowerOffice", "PowerOfficeGo"],
            swiftSettings: strictness
        ),
        // LedgerLintJSON alone: the tree reader and its errors, text decoding.
        .testTarget(
            name: "LedgerLintJSONTests",
            dependencies: ["LedgerLintJSON", "LedgerLintText"],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "LedgerLintCoreTests",
            dependencies: [
                "LedgerLintCore", "PowerOfficeGo", "LedgerLintJSON", "LedgerLintText", "FakePowerOffice",
                "LedgerLintTestSupport", "PowerOfficeGoTestSupport",
            ],
            resources: [.copy("Fixtures")],
            swiftSettings: strictness
        ),
        // End-to-end: runs the built `ledgerlint` binary as a user would (against the fake for `fetch` and
        // `check --live`), and `fake-poweroffice`.
        .testTarget(
            name: "LedgerLintCLITests",
            dependencies: [
                "ledgerlint", "fake-poweroffice", "FakePowerOffice", "LedgerLintCore", "LedgerLintTestSupport",
                "PowerOfficeGoTestSupport",
            ],
            resources: [.copy("Fixtures")],
            swiftSettings: strictness
        ),
        // The PowerOffice Go client against the fake: tokens, transport, paging, rate limit, retries, credentials;
        // and the fake itself. LedgerLintTestSupport (Scratch, text literals) brings LedgerLintCore into the link,
        // though no test here imports it.
        .testTarget(
            name: "PowerOfficeGoTests",
            dependencies: [
                "PowerOfficeGo", "LedgerLintText", "FakePowerOffice", "PowerOfficeGoTestSupport", "LedgerLintTestSupport",
            ],
            swiftSettings: strictness
        ),
    ],
    swiftLanguageModes: [.v6]
)
