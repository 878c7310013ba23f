import LedgerLintText

/// What the fix plan says, in English and Norwegian: each fix's description, the steps of what only a person can do,
/// and the headings of `steps.md`.
enum FixPlanWords {
    static let productsMenu = "Meny > Administrer > Innstillinger > Produkter"
    static let seriesMenu = "Innstillinger > Reskontro > Nummerserier"
    static let accountsMenu = "Innstillinger > Kontoplan"

    static func range(_ range: ClosedRange<Int64>) -> String { "\(range.lowerBound)–\(range.upperBound)" }

    /// `5020 (Lia Gårdsbutikk)`, `Nygård Maling`, or the number alone.
    static func customer(number: String?, name: String?) -> String {
        switch (number, name) {
        case let (number?, name?): "\(number) (\(name))"
        case let (number?, nil): number
        case let (nil, name?): name
        case (nil, nil): "?"
        }
    }

    static func createProduct(code: String, name: String, account: Int64?) -> LocalizedText {
        guard let account else {
            return LocalizedText(
                en: "Create product \(code) (\(name)) in PowerOffice without a standard sales account of its own "
                    + "(it follows its product group; \(productsMenu)).",
                nb: "Opprett produktet \(code) (\(name)) i PowerOffice uten egen standard salgskonto "
                    + "(den følger produktgruppen; \(productsMenu)).")
        }
        return LocalizedText(
            en: "Create product \(code) (\(name)) in PowerOffice with standard sales account \(account) (\(productsMenu)).",
            nb: "Opprett produktet \(code) (\(name)) i PowerOffice med standard salgskonto \(account) (\(productsMenu)).")
    }

    static func updateProduct(code: String, account: Int64, was: Int64?) -> LocalizedText {
        let now = was.map { " (now \($0))" } ?? ""
        let nå = was.map { " (nå \($0))" } ?? ""
        return LocalizedText(
            en: "Set the standard sales account of product \(code) in PowerOffice to \(account)\(now) (\(productsMenu)).",
            nb: "Sett standard salgskonto på produktet \(code) i PowerOffice til \(account)\(nå) (\(productsMenu)).")
    }

    static func unarchiveProduct(code: String) -> LocalizedText {
        LocalizedText(
            en: "Restore the archived product \(code) in PowerOffice (\(productsMenu), show archived), "
                + "if the group is still in use.",
            nb: "Gjenopprett det arkiverte produktet \(code) i PowerOffice (\(productsMenu), vis arkiverte), "
                + "hvis gruppen fortsatt er i bruk.")
    }

    static func renumber(from: String?, name: String?, to: Int64) -> LocalizedText {
        let who = customer(number: from, name: name)
        guard from != nil else {
            return LocalizedText(
                en: "Give customer \(who) number \(to) in Assist.", nb: "Gi kunden \(who) nummeret \(to) i Assist.")
        }
        return LocalizedText(
            en: "Change the number of customer \(who) to \(to) in Assist.",
            nb: "Endre nummeret til kunden \(who) til \(to) i Assist.")
    }

    static func seriesFull(_ series: ClosedRange<Int64>, who: String) -> LocalizedText {
        LocalizedText(
            en: "The customer number series \(range(series)) has no free number left: add or widen a customer number "
                + "series under \(seriesMenu), then give customer \(who) a number in it in Assist.",
            nb: "Kundenummerserien \(range(series)) har ingen ledige numre igjen: legg til eller utvid en "
                + "kundenummerserie under \(seriesMenu), og gi deretter kunden \(who) et nummer i den i Assist.")
    }

    /// The steps for a finding only a person can fix, by rule; `nil` for a rule the plan has no fix for.
    static func manual(rule: String, who: String, system: System, group: String, account: String)
        -> (System, LocalizedText)?
    {
        switch rule {
        case "customer-email-missing":
            return (.assist, LocalizedText(
                en: "Fill in the invoice e-mail address of customer \(who) in Assist before the export.",
                nb: "Fyll inn e-postadressen for faktura på kunden \(who) i Assist før eksporten."))
        case "customer-email-invalid":
            return (.assist, LocalizedText(
                en: "Correct the e-mail address of customer \(who) in Assist (several addresses separated by ';') "
                    + "before the export.",
                nb: "Rett e-postadressen til kunden \(who) i Assist (flere adresser skilles med ';') før eksporten."))
        case "customer-ehf-manual":
            return (.poweroffice, LocalizedText(
                en: "After the export, open customer \(who) in PowerOffice (Kunder) and switch the send method from "
                    + "e-mail to EHF or eFaktura, as in Assist.",
                nb: "Etter eksporten: åpne kunden \(who) i PowerOffice (Kunder) og bytt sendingsmetode fra e-post til "
                    + "EHF eller eFaktura, som i Assist."))
        case "customer-ehf-organization-number":
            return (.poweroffice, LocalizedText(
                en: "Add the correct organisation number on the card of customer \(who) in PowerOffice (Kunder), "
                    + "or change its send method to e-mail.",
                nb: "Legg inn riktig organisasjonsnummer på kundekortet til \(who) i PowerOffice (Kunder), "
                    + "eller bytt sendingsmetode til e-post."))
        case "organization-number-invalid":
            return system == .assist
                ? (.assist, LocalizedText(
                    en: "Correct the organisation number of customer \(who) in Assist (9 digits, as in Brønnøysundregistrene).",
                    nb: "Rett organisasjonsnummeret til kunden \(who) i Assist (9 siffer, som i Brønnøysundregistrene)."))
                : (.poweroffice, LocalizedText(
                    en: "Correct the organisation number on the card of customer \(who) in PowerOffice (Kunder).",
                    nb: "Rett organisasjonsnummeret på kundekortet til \(who) i PowerOffice (Kunder)."))
        case "sales-account-unknown":
            return (.poweroffice, LocalizedText(
                en: "Create or activate account \(account) in PowerOffice (\(accountsMenu)), or give product group "
                    + "\(group) an existing sales account in Assist.",
                nb: "Opprett eller aktiver konto \(account) i PowerOffice (\(accountsMenu)), eller gi produktgruppe "
                    + "\(group) en salgskonto som finnes, i Assist."))
        case "sales-account-not-income":
            return (.assist, LocalizedText(
                en: "Choose an income account (class 3) instead of \(account) for product group \(group) in Assist, "
                    + "and the same on its product in PowerOffice (\(productsMenu)).",
                nb: "Velg en inntektskonto (klasse 3) i stedet for \(account) for produktgruppe \(group) i Assist, "
                    + "og den samme på produktet i PowerOffice (\(productsMenu))."))
        case "product-group-duplicate":
            return (.assist, LocalizedText(
                en: "Give all but one of the product groups numbered \(group) a new number in Assist, then run "
                    + "fix-plan again: it plans their products.",
                nb: "Gi alle unntatt én av produktgruppene med nummer \(group) et nytt nummer i Assist, og kjør "
                    + "fix-plan på nytt: den planlegger produktene deres."))
        case "product-code-orphan":
            return (.poweroffice, LocalizedText(
                en: "Archive product \(group) in PowerOffice if it is no longer sold (\(productsMenu)), or create "
                    + "the Assist product group it stands for.",
                nb: "Arkiver produktet \(group) i PowerOffice hvis det ikke selges lenger (\(productsMenu)), eller "
                    + "opprett produktgruppen i Assist som det står for."))
        default:
            return nil
        }
    }
}
