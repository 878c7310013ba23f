/// Help texts.
enum Usage {
    static let main = """
        ledgerlint: checks that Assist and PowerOffice Go agree before Assist exports customers and sales.

        Usage:
          ledgerlint check <snapshot> [options]   Run the rules on a snapshot folder
          ledgerlint fetch --out DIR [options]    Read PowerOffice Go into DIR/poweroffice (see fetch --help)
          ledgerlint rules [--lang en|nb] [--rules PATH] [--markdown]
                                                  List the rules
          ledgerlint explain <rule-id> [--lang en|nb] [--rules PATH]
                                                  Show one rule with its rationale, hint and examples
          ledgerlint --version

        """ + checkOptions + """

        Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage, input or other local problem (options, keys,
        key file, a folder that cannot be written), 3 PowerOffice could not be read.

        """

    static let check = """
        Usage: ledgerlint check <snapshot> [options]

        <snapshot> is a folder with assist/ and poweroffice/ inside (see docs/snapshot-format.md).

        """ + checkOptions

    static let checkOptions = """
        Options for check:
          --format FORMAT            Report format on stdout: text (default), json, junit, sarif, github,
                                     markdown, html, csv
          --output FILE              Write that report to FILE instead of stdout
          --report FORMAT=FILE       Also write a report in FORMAT to FILE (repeatable)
          --fail-on error|warning|info|never
                                     Exit 1 when a counted finding is at least this severe (default: error)
          --lang en|nb               Language of messages (default: nb when LANG starts with nb or no, else en)
          --rules PATH               Use this rule file or folder instead of the built-in rules
          --config FILE              Settings and suppressions (default: ledgerlint.json in the snapshot
                                     folder, else in the working directory)
          --baseline FILE            Count only findings not in this baseline; report what was fixed
          --write-baseline FILE      Record today's findings as the baseline (exits 0)
          --key KEY                  Only findings about this key, e.g. a customer number (repeatable)
          --live                     Read PowerOffice Go now instead of <snapshot>/poweroffice (nothing is
                                     written); takes the options of fetch below, except --out

        """

    static let fetch = """
        Usage: ledgerlint fetch --out DIR [--environment production|demo] [--credentials FILE]
                                [--page-size N] [--pages-in-flight N] [--timeout SECONDS] [--quiet]

        Reads customers, products, product groups, accounts and number series from PowerOffice Go (v2 API)
        into DIR/poweroffice/*.json and DIR/manifest.json. DIR/assist/ is left alone. Read-only: only GET requests.

          --out DIR                  The snapshot folder to write (created if missing)
          --environment E            production (default) or demo; or set POWEROFFICE_ENVIRONMENT
          --credentials FILE         JSON key file {"applicationKey", "clientKey", "subscriptionKey"}, readable
                                     by its owner only (chmod 600); default: POWEROFFICE_APPLICATION_KEY,
                                     POWEROFFICE_CLIENT_KEY and POWEROFFICE_SUBSCRIPTION_KEY
          --page-size N              Rows per request, 1 to 20000 (default 5000)
          --pages-in-flight N        Pages of one list asked for at once, 1 to 10 (default 4). More is faster
                                     over a slow connection, at up to N-1 requests past the end of a long list
          --timeout SECONDS          How long one request may go unanswered, 1 to 3600 (default 30); a request
                                     that times out twice stops the run
          --quiet                    No progress line or summary on stderr (retries are still reported)

        POWEROFFICE_API_URL and POWEROFFICE_TOKEN_URL override the environment's URLs (proxies, the local fake).
        Exit code 2 for bad options, missing keys, a bad key file or a DIR that cannot be written; 3 when
        PowerOffice Go cannot be read. Ctrl-C removes what was staged and exits 130. Details:
        docs/poweroffice-fetch.md.

        """
}
