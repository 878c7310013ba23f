import Foundation
import PackagePlugin

/// Embeds the package's `rules/*.json` and its git commit into the target that uses this plugin.
///
/// The generated files define `BuiltinRuleFiles.all`, the file names and contents of the built-in rule set, so
/// the `ledgerlint` binary carries its rules and works from any directory, while `rules/` stays the only place
/// where rules are written; and `Tool.commit`, the commit the binary was built from, for `ledgerlint --version`.
/// Both are written into the plugin's work directory, never into the source tree.
@main
struct EmbedRulesPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let rulesDirectory = context.package.directoryURL.appending(path: "rules")
        let ruleFiles = try FileManager.default
            .contentsOfDirectory(at: rulesDirectory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "BuiltinRuleFiles.swift")
        let commitOutput = context.pluginWorkDirectoryURL.appending(path: "BuildCommit.swift")
        let git = GitMetadata(package: context.package.directoryURL)
        return [
            .buildCommand(
                displayName: "Embedding \(ruleFiles.count) rule files",
                executable: try context.tool(named: "embed-rules").url,
                arguments: [output.path] + ruleFiles.map(\.path),
                inputFiles: ruleFiles,
                outputFiles: [output]
            ),
            .buildCommand(
                displayName: "Embedding the git commit",
                executable: try context.tool(named: "embed-commit").url,
                arguments: [commitOutput.path] + (git.map { [$0.gitDirectory.path, $0.commonDirectory.path] } ?? []),
                inputFiles: git?.inputFiles ?? [],
                outputFiles: [commitOutput]
            ),
        ]
    }
}

/// Where the package's git metadata is, found by reading files (no git process): enough for `embed-commit` to
/// read the commit, and for the build to know which files to watch so that a new commit or checkout re-embeds it.
struct GitMetadata {
    /// `.git`, or for a worktree (whose `.git` is a file saying `gitdir: PATH`) the folder it names.
    var gitDirectory: URL
    /// Where branches and packed-refs live: a worktree's `commondir`, otherwise `gitDirectory`.
    var commonDirectory: URL
    /// HEAD, the reflog of HEAD, the loose ref HEAD names and packed-refs, those that exist.
    var inputFiles: [URL]

    /// Nil when the package is not a git checkout (a source archive) or its `.git` file cannot be read.
    init?(package: URL) {
        let fileManager = FileManager.default
        let dotGit = package.appending(path: ".git")
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: dotGit.path, isDirectory: &isDirectory) else { return nil }
        if isDirectory.boolValue {
            gitDirectory = dotGit
        } else {
            guard let text = Self.contents(dotGit), text.hasPrefix("gitdir:") else { return nil }
            gitDirectory = Self.resolve(text.dropFirst("gitdir:".count), relativeTo: package)
        }
        if let common = Self.contents(gitDirectory.appending(path: "commondir")) {
            commonDirectory = Self.resolve(common[...], relativeTo: gitDirectory)
        } else {
            commonDirectory = gitDirectory
        }
        var candidates = [gitDirectory.appending(path: "HEAD"), gitDirectory.appending(path: "logs/HEAD")]
        if let head = Self.contents(gitDirectory.appending(path: "HEAD")), head.hasPrefix("ref: ") {
            let ref = String(head.dropFirst("ref: ".count))
            candidates += [gitDirectory.appending(path: ref), commonDirectory.appending(path: ref)]
        }
        candidates.append(commonDirectory.appending(path: "packed-refs"))
        var seen = Set<String>()
        inputFiles = candidates.filter { url in
            var isDirectory: ObjCBool = false
            return fileManager.fileExists(atPath: url.path, isDirectory: &isDirectory) && !isDirectory.boolValue
                && seen.insert(url.standardizedFileURL.path).inserted
        }
    }

    /// A file's text, trimmed.
    private static func contents(_ url: URL) -> String? {
        (try? String(contentsOf: url, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// An absolute path as it is, a relative one against `base`.
    private static func resolve(_ path: Substring, relativeTo base: URL) -> URL {
        let path = path.trimmingCharacters(in: .whitespaces)
        let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : base.appending(path: path)
        return url.standardizedFileURL
    }
}
