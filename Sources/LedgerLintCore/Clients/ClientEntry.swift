import Foundation
import LedgerLintText

/// One PowerOffice Go client of a bureau, as its clients file names it: what it is called, the folder its snapshot
/// lives in under the bureau's folder, and where its client key is kept.
public struct ClientEntry: Sendable, Hashable {
    /// As the bureau calls the client; unique in the file. `--only` and the reports name clients by it.
    public var name: String
    /// The one path component under the bureau's folder that holds this client's snapshot (`DIR/<folder>/`); unique
    /// in the file, compared without regard to case (macOS and Windows file systems do not tell `A` from `a`).
    public var folder: String
    /// `nil` when the file names none: such a client can be checked from its saved folder, but not fetched.
    public var key: ClientKeySource?
    /// Its place in the file, from 0, as messages point at it (`clients[2]`); kept when `ClientList.selecting` leaves
    /// others out.
    public var index: Int

    public init(name: String, folder: String? = nil, key: ClientKeySource? = nil, index: Int = 0) {
        self.name = name
        self.folder = folder ?? Self.folderName(for: name)
        self.key = key
        self.index = index
    }

    /// Where it is in its clients file: `clients[2]`.
    public var jsonPath: String { "clients[\(index)]" }

    /// The folder a client gets when its entry gives none: `name` in lower case with æ, ø and å spelt ae, o and a,
    /// every other character that is not an ASCII letter or digit made `-`, runs of `-` made one, and none at either
    /// end: "Fjordlys Regnskap AS" is `fjordlys-regnskap-as`, "Bølge & Måke AS" `bolge-make-as`. Plain ASCII, so that
    /// the folder is spelt alike on every file system, in every shell and in CI logs. Empty for a name with no
    /// letter or digit in it (such an entry must give its `folder`).
    public static func folderName(for name: String) -> String {
        var slug = ""
        for character in name.lowercased() {
            let spelt: String
            switch character {
            case "æ": spelt = "ae"
            case "ø": spelt = "o"
            case "å": spelt = "a"
            default: spelt = character.isASCII && (character.isLetter || character.isNumber) ? String(character) : "-"
            }
            if spelt == "-" && (slug.isEmpty || slug.hasSuffix("-")) { continue }
            slug += spelt
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug
    }

    /// Why `folder` cannot be a client's folder, or `nil` when it can: it must be one plain path component, not
    /// empty, with no `/` and no control character, and not `.`, `..` or hidden (starting with `.`, which is where a
    /// fetch stages its files).
    static func folderProblem(_ folder: String) -> LocalizedText? {
        if folder.isEmpty { return LocalizedText(en: "must not be empty", nb: "kan ikke være tom") }
        if folder.contains("/") {
            return LocalizedText(
                en: "must be one folder name, without '/'", nb: "må være ett mappenavn, uten '/'")
        }
        if folder.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return LocalizedText(
                en: "must not hold control characters", nb: "kan ikke inneholde kontrolltegn")
        }
        if folder.hasPrefix(".") {
            return LocalizedText(
                en: "must not start with '.' ('.' and '..' are not folders of their own, and hidden names are where a "
                    + "fetch stages its files)",
                nb: "kan ikke begynne med '.' ('.' og '..' er ikke egne mapper, og skjulte navn er der en henting "
                    + "legger filene klar)")
        }
        return nil
    }
}
