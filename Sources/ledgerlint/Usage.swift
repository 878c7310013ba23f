/// Help texts.
enum Usage {
    static let main = """
        ledgerlint: checks that Assist and PowerOffice Go agree before Assist exports customers and sales.

        Usage:
          ledgerlint check <snapshot> [options]   Run the rules on a snapshot folder
          ledgerlint rules [--lang en|nb] [--rules PATH] [--markdown]
                                                  List the rules
          ledgerlint explain <rule-id> [--lang en|nb] [--rules PATH]
                                                  Show one rule with its rationale, hint and examples
          ledgerlint --version

        Options for check:
          --format text|json|junit   Report format (default: text)
          --output FILE              Write the report to FILE instead of stdout
          --fail-on error|warning|info|never
                                     Exit 1 when a finding is at least this severe (default: error)
          --lang en|nb               Language of messages (default: nb when LANG starts with nb or no, else en)
          --rules PATH               Use this rule file or folder instead of the built-in rules

        Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or input error, 3 PowerOffice could not be read.

        """

    static let check = """
        Usage: ledgerlint check <snapshot> [--format text|json|junit] [--output FILE]
                                [--fail-on error|warning|info|never] [--lang en|nb] [--rules PATH]

        <snapshot> is a folder with assist/ and poweroffice/ inside (see docs/snapshot-format.md).

        """
}
