import LedgerLintCore
import LedgerLintText

/// Help texts, in English and Norwegian: `ledgerlint --help` and each command's `--help`.
///
/// Each command's page lists every option its parser takes, `--live`'s included: the parser names them all when it
/// meets one it does not take (`UsageError.unknownOption`), and a test fails when a page leaves one out.
enum Usage {
    static let main = LocalizedText(
        en: """
            ledgerlint: checks that Assist and PowerOffice Go agree before Assist exports customers and sales.

            Usage:
              ledgerlint check <snapshot> [options]   Run the rules on a snapshot folder, or on a folder of
                                                      clients' snapshot folders (see check --help)
              ledgerlint fetch --out DIR [options]    Read PowerOffice Go into DIR/poweroffice (see fetch --help)
              ledgerlint fix-plan <snapshot> --out DIR [options]
                                                      Write the fixes for the findings, proven by a dry run
                                                      (see fix-plan --help)
              ledgerlint diff OLD NEW [options]        What changed between two runs (see diff --help)
              ledgerlint rules [--lang en|nb] [--rules PATH] [--markdown]
                                                      List the rules
              ledgerlint explain <rule-id> [--lang en|nb] [--rules PATH]
                                                      Show one rule with its rationale, hint and examples
              ledgerlint --version


            """,
        nb: """
            ledgerlint: kontrollerer at Assist og PowerOffice Go stemmer overens før Assist eksporterer kunder og salg.

            Bruk:
              ledgerlint check <uttrekk> [valg]       Kjør reglene på en uttrekksmappe, eller på en mappe med
                                                      klientenes uttrekksmapper (se check --help)
              ledgerlint fetch --out MAPPE [valg]     Les PowerOffice Go inn i MAPPE/poweroffice (se fetch --help)
              ledgerlint fix-plan <uttrekk> --out MAPPE [valg]
                                                      Skriv rettingene for funnene, bevist av en prøvekjøring
                                                      (se fix-plan --help)
              ledgerlint diff GAMMEL NY [valg]         Hva som er endret mellom to kjøringer (se diff --help)
              ledgerlint rules [--lang en|nb] [--rules STI] [--markdown]
                                                      Vis reglene
              ledgerlint explain <regel-id> [--lang en|nb] [--rules STI]
                                                      Vis én regel med begrunnelse, tips og eksempler
              ledgerlint --version


            """) + checkOptions + exitCodes

    static let check =
        LocalizedText(
            en: """
                Usage: ledgerlint check <snapshot> [options]

                <snapshot> is a folder with assist/ and poweroffice/ inside (see docs/snapshot-format.md), or a folder
                with one such folder per client, as fetch --clients writes them: every client is checked in turn, and
                each report ends with a roll-up of the clients (see docs/bureau.md).


                """,
            nb: """
                Bruk: ledgerlint check <uttrekk> [valg]

                <uttrekk> er en mappe med assist/ og poweroffice/ i (se docs/snapshot-format.md), eller en mappe med
                én slik mappe per klient, slik fetch --clients skriver dem: hver klient kontrolleres etter tur, og hver
                rapport slutter med en oversikt over klientene (se docs/bureau.md).


                """) + checkOptions + exitCodes

    static let checkOptions = LocalizedText(
        en: """
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
              --key KEY                  Only findings about this key (a customer number, name, product code or
                                         group), and where it was found in Assist and PowerOffice (repeatable)
              --clients FILE             For a folder of clients: the clients, their names and order from this
                                         clients file (docs/clients.schema.json); with --live, their keys too
              --live                     Read PowerOffice Go now instead of <snapshot>/poweroffice (nothing is
                                         written), with these options of fetch:

            """,
        nb: """
            Valg for check:
              --format FORMAT            Rapportformat på stdout: text (standard), json, junit, sarif, github,
                                         markdown, html, csv
              --output FIL               Skriv rapporten til FIL i stedet for stdout
              --report FORMAT=FIL        Skriv også en rapport i FORMAT til FIL (kan gjentas)
              --fail-on error|warning|info|never
                                         Avslutt med 1 når et funn som telles, er minst så alvorlig (standard: error)
              --lang en|nb               Språk for meldingene (standard: nb når LANG begynner med nb eller no,
                                         ellers en)
              --rules STI                Bruk denne regelfilen eller regelmappen i stedet for de innebygde reglene
              --config FIL               Innstillinger og unntak (standard: ledgerlint.json i uttrekksmappen,
                                         ellers i arbeidsmappen)
              --baseline FIL             Tell bare funn som ikke står i denne baselinen; vis hva som er rettet
              --write-baseline FIL       Lagre dagens funn som baseline (avslutter med 0)
              --key NØKKEL               Bare funn om denne nøkkelen (et kundenummer, navn, en produktkode eller
                                         -gruppe), og hvor den finnes i Assist og PowerOffice (kan gjentas)
              --clients FIL              For en mappe med klienter: klientene, navnene og rekkefølgen fra denne
                                         klientfilen (docs/clients.schema.json); med --live også nøklene
              --live                     Les PowerOffice Go nå i stedet for <uttrekk>/poweroffice (ingenting blir
                                         skrevet), med disse valgene fra fetch:

            """) + powerOfficeOptions + LocalizedText(
        en: """
              --help, -h                 Show this help

            """,
        nb: """
              --help, -h                 Vis denne hjelpen

            """)

    static let fixPlan =
        LocalizedText(
            en: """
                Usage: ledgerlint fix-plan <snapshot> --out DIR [options]

                Checks <snapshot>, then writes into DIR (new or empty) the fixes for its findings: plan.json, steps.md
                (a checklist in order), poweroffice/products-to-create.json and .csv, poweroffice/products-to-update.json
                and assist/customer-numbers.csv. Nothing is sent to PowerOffice. The plan is proven by checking the
                snapshot again with its safe fixes and fixes to review made; the summary goes to stdout
                (see docs/fix-plan.md).

                Options for fix-plan:
                  --out DIR                  The folder to write the plan to (required; new or empty)
                  --series FROM-TO           Take new customer numbers from this range; it must lie inside one of
                                             PowerOffice's customer number series (default: the non-default customer
                                             series with the most free numbers, else the default series)
                  --format text|json         The summary on stdout (default: text)
                  --fail-on error|warning|info|never
                                             Exit 1 when a finding at least this severe needs manual steps or has no
                                             fix (default: error)
                  --lang en|nb               Language of the plan and messages (default: nb when LANG starts with nb
                                             or no, else en)
                  --rules PATH               Use this rule file or folder instead of the built-in rules
                  --config FILE              Settings and suppressions, as for check
                  --live                     Read PowerOffice Go now instead of <snapshot>/poweroffice (nothing is
                                             sent but reads), with these options of fetch:

                """,
            nb: """
                Bruk: ledgerlint fix-plan <uttrekk> --out MAPPE [valg]

                Kontrollerer <uttrekk> og skriver så rettingene for funnene til MAPPE (ny eller tom): plan.json, steps.md
                (en sjekkliste i rekkefølge), poweroffice/products-to-create.json og .csv,
                poweroffice/products-to-update.json og assist/customer-numbers.csv. Ingenting sendes til PowerOffice.
                Planen bevises ved å kontrollere uttrekket på nytt med de sikre rettingene og rettingene som bør
                kontrolleres, gjort; oppsummeringen skrives til stdout (se docs/fix-plan.md).

                Valg for fix-plan:
                  --out MAPPE                Mappen planen skrives til (påkrevd; ny eller tom)
                  --series FRA-TIL           Ta nye kundenumre fra dette området; det må ligge innenfor en av
                                             kundenummerseriene i PowerOffice (standard: kundenummerserien som ikke er
                                             standard, med flest ledige numre, ellers standardserien)
                  --format text|json         Oppsummeringen på stdout (standard: text)
                  --fail-on error|warning|info|never
                                             Avslutt med 1 når et funn som er minst så alvorlig, må rettes for hånd
                                             eller ikke har noen retting (standard: error)
                  --lang en|nb               Språk for planen og meldingene (standard: nb når LANG begynner med nb
                                             eller no, ellers en)
                  --rules STI                Bruk denne regelfilen eller regelmappen i stedet for de innebygde reglene
                  --config FIL               Innstillinger og unntak, som for check
                  --live                     Les PowerOffice Go nå i stedet for <uttrekk>/poweroffice (bare lesing),
                                             med disse valgene fra fetch:

                """) + powerOfficeOptions + LocalizedText(
            en: """
                  --help, -h                 Show this help

                Exit codes: 0 every finding at or above --fail-on has a safe fix or one to review, 1 some need manual
                steps or have no fix, or the plan would cause a new finding, 2 usage, input or a folder that cannot be
                written, 3 PowerOffice could not be read.

                """,
            nb: """
                  --help, -h                 Vis denne hjelpen

                Avslutningskoder: 0 alle funn på eller over --fail-on har en sikker retting eller en som bør
                kontrolleres, 1 noen må rettes for hånd eller har ingen retting, eller planen ville gi et nytt funn,
                2 feil bruk, inndata eller en mappe som ikke kan skrives, 3 PowerOffice kunne ikke leses.

                """)

    static let diff = LocalizedText(
        en: """
            Usage: ledgerlint diff OLD NEW [options]

            Compares two runs, each a JSON report of check (--format json) or a snapshot folder (checked first, with
            --rules and --config). Findings are matched by rule, system, entity and key, as a baseline matches them,
            so a finding whose message changed is unchanged. Prints +N new −N fixed N unchanged, each rule's counts,
            and the new and fixed findings.

            Options for diff:
              --format text|json|markdown
                                         Output on stdout (default: text)
              --fail-on error|warning|info|never
                                         Exit 1 when a new finding is at least this severe (default: error)
              --lang en|nb               Language of the output (default: nb when LANG starts with nb or no, else en)
              --rules PATH               For a snapshot folder: use this rule file or folder instead of the built-in
                                         rules
              --config FILE              For a snapshot folder: settings and suppressions, as for check
              --help, -h                 Show this help

            """,
        nb: """
            Bruk: ledgerlint diff GAMMEL NY [valg]

            Sammenligner to kjøringer, hver en JSON-rapport fra check (--format json) eller en uttrekksmappe (som
            kontrolleres først, med --rules og --config). Funn kobles på regel, system, enhet og nøkkel, slik en
            baseline kobler dem, så et funn med endret melding er uendret. Skriver +N nye −N rettet N uendret, tallene
            for hver regel, og de nye og rettede funnene.

            Valg for diff:
              --format text|json|markdown
                                         Utdata på stdout (standard: text)
              --fail-on error|warning|info|never
                                         Avslutt med 1 når et nytt funn er minst så alvorlig (standard: error)
              --lang en|nb               Språk for utdata (standard: nb når LANG begynner med nb eller no, ellers en)
              --rules STI                For en uttrekksmappe: bruk denne regelfilen eller regelmappen i stedet for de
                                         innebygde reglene
              --config FIL               For en uttrekksmappe: innstillinger og unntak, som for check
              --help, -h                 Vis denne hjelpen

            """) + exitCodes

    static let fetch =
        LocalizedText(
            en: """
                Usage: ledgerlint fetch --out DIR [--environment production|demo] [--credentials FILE]
                                        [--page-size N] [--pages-in-flight N] [--timeout SECONDS] [--quiet]
                                        [--lang en|nb]
                       ledgerlint fetch --clients FILE --out DIR [--only NAME]... [the options above]

                Reads customers, products, product groups, accounts and number series from PowerOffice Go (v2 API)
                into DIR/poweroffice/*.json and DIR/manifest.json. DIR/assist/ is left alone. Read-only: only GET
                requests.

                  --out DIR                  The snapshot folder to write (created if missing)
                  --clients FILE             A bureau's clients file (clients.json): fetch every client in it into
                                             DIR/<folder>/, three at a time, all within one budget of 10 requests per
                                             second. Client keys come from the file's clientKeyEnv or clientKeyFile,
                                             not POWEROFFICE_CLIENT_KEY (and --credentials may leave clientKey out);
                                             --pages-in-flight is 1 unless given. A table on stderr lists every
                                             client; one that fails keeps its old folder
                  --only NAME                With --clients: fetch only the client of this name; repeatable

                """,
            nb: """
                Bruk: ledgerlint fetch --out MAPPE [--environment production|demo] [--credentials FIL]
                                       [--page-size N] [--pages-in-flight N] [--timeout SEKUNDER] [--quiet]
                                       [--lang en|nb]
                      ledgerlint fetch --clients FIL --out MAPPE [--only NAVN]... [valgene over]

                Leser kunder, produkter, produktgrupper, kontoer og nummerserier fra PowerOffice Go (v2-API-et)
                inn i MAPPE/poweroffice/*.json og MAPPE/manifest.json. MAPPE/assist/ blir ikke rørt. Bare lesing:
                bare GET-forespørsler.

                  --out MAPPE                Uttrekksmappen som skal skrives (opprettes om den mangler)
                  --clients FIL              Klientfilen til et byrå (clients.json): hent hver klient i den inn i
                                             MAPPE/<folder>/, tre om gangen, alle innenfor de samme 10 forespørslene
                                             per sekund. Klientnøklene hentes fra clientKeyEnv eller clientKeyFile i
                                             filen, ikke fra POWEROFFICE_CLIENT_KEY (og --credentials kan utelate
                                             clientKey); --pages-in-flight er 1 om det ikke er gitt. En tabell på
                                             stderr viser hver klient; en som mislykkes, beholder den gamle mappen sin
                  --only NAVN                Med --clients: hent bare klienten med dette navnet; kan gjentas

                """) + powerOfficeOptions
        + LocalizedText(
            en: """
                  --lang en|nb               Language of messages (default: nb when LANG starts with nb or no, else en)
                  --help, -h                 Show this help

                POWEROFFICE_API_URL and POWEROFFICE_TOKEN_URL override the environment's URLs (proxies, the local fake).
                Exit code 2 for bad options, missing keys, a bad key file or a DIR that cannot be written (and, with
                --clients, a bad clients file or --only name), before any request; 3 when PowerOffice Go cannot be
                read (with --clients: when any client failed). Ctrl-C removes what was staged and exits 130.
                Details: docs/poweroffice-fetch.md.

                """,
            nb: """
                  --lang en|nb               Språk for meldingene (standard: nb når LANG begynner med nb eller no,
                                             ellers en)
                  --help, -h                 Vis denne hjelpen

                POWEROFFICE_API_URL og POWEROFFICE_TOKEN_URL overstyrer miljøets adresser (proxyer, den lokale
                falske serveren). Avslutningskode 2 for ugyldige valg, manglende nøkler, en ugyldig nøkkelfil eller en
                MAPPE som ikke kan skrives (og, med --clients, en ugyldig klientfil eller et ukjent --only-navn), før
                noen forespørsel; 3 når PowerOffice Go ikke kan leses (med --clients: når en klient mislyktes). Ctrl-C
                fjerner det som var lagt klar, og avslutter med 130. Detaljer: docs/poweroffice-fetch.md.

                """)

    /// The options of `PowerOfficeOptions`, which `fetch` and `check --live` share.
    static let powerOfficeOptions = LocalizedText(
        en: """
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

            """,
        nb: """
              --environment MILJØ        production (standard) eller demo; eller sett POWEROFFICE_ENVIRONMENT
              --credentials FIL          JSON-nøkkelfil {"applicationKey", "clientKey", "subscriptionKey"} som bare
                                         eieren kan lese (chmod 600); standard: POWEROFFICE_APPLICATION_KEY,
                                         POWEROFFICE_CLIENT_KEY og POWEROFFICE_SUBSCRIPTION_KEY
              --page-size N              Rader per forespørsel, 1 til 20000 (standard 5000)
              --pages-in-flight N        Sider av én liste som bes om samtidig, 1 til 10 (standard 4). Flere går
                                         raskere over en treg forbindelse, med inntil N-1 forespørsler forbi slutten
                                         av en lang liste
              --timeout SEKUNDER         Hvor lenge én forespørsel kan stå ubesvart, 1 til 3600 (standard 30); en
                                         forespørsel som får tidsavbrudd to ganger, stopper kjøringen
              --quiet                    Ingen fremdriftslinje eller oppsummering på stderr (nye forsøk vises
                                         likevel)

            """)

    static let rules = LocalizedText(
        en: """
            Usage: ledgerlint rules [--lang en|nb] [--rules PATH] [--markdown]

            Lists the rules: id, severity and name.

              --lang en|nb               Language of the list (default: nb when LANG starts with nb or no, else en)
              --rules PATH               List this rule file or folder instead of the built-in rules
              --markdown                 The whole rule catalogue as Markdown, in the language of --lang
                                         (docs/rules.md is the English one)
              --help, -h                 Show this help

            """,
        nb: """
            Bruk: ledgerlint rules [--lang en|nb] [--rules STI] [--markdown]

            Viser reglene: id, alvorlighetsgrad og navn.

              --lang en|nb               Språk for listen (standard: nb når LANG begynner med nb eller no, ellers en)
              --rules STI                Vis denne regelfilen eller regelmappen i stedet for de innebygde reglene
              --markdown                 Hele regelkatalogen som Markdown, på språket fra --lang
                                         (docs/rules.md er den engelske)
              --help, -h                 Vis denne hjelpen

            """)

    static let explain = LocalizedText(
        en: """
            Usage: ledgerlint explain <rule-id> [--lang en|nb] [--rules PATH]

            Shows one rule: what it checks and why, its message and hint, and its examples.

              --lang en|nb               Language of the text (default: nb when LANG starts with nb or no, else en)
              --rules PATH               Look in this rule file or folder instead of the built-in rules
              --help, -h                 Show this help

            """,
        nb: """
            Bruk: ledgerlint explain <regel-id> [--lang en|nb] [--rules STI]

            Viser én regel: hva den kontrollerer og hvorfor, meldingen og tipset, og eksemplene.

              --lang en|nb               Språk for teksten (standard: nb når LANG begynner med nb eller no, ellers en)
              --rules STI                Let i denne regelfilen eller regelmappen i stedet for de innebygde reglene
              --help, -h                 Vis denne hjelpen

            """)

    static let exitCodes = LocalizedText(
        en: """

            Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage, input or other local problem (options, keys,
            key file, a folder that cannot be written), 3 PowerOffice could not be read.

            """,
        nb: """

            Avslutningskoder: 0 ingen funn å stoppe for, 1 funn på eller over --fail-on, 2 feil bruk, inndata eller et
            annet lokalt problem (valg, nøkler, nøkkelfil, en mappe som ikke kan skrives), 3 PowerOffice kunne ikke leses.

            """)
}
