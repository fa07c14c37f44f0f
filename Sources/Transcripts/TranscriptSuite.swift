import Foundation

/// Finding and parsing the transcripts a run names.
public enum TranscriptSuite {
    /// The transcript files under `paths`: a file is taken as named, a folder means every `*.dialogue`
    /// below it (hidden entries skipped), sorted by path. Each comes with the path to show in
    /// diagnostics, built from the path as given (`dialogues/orders/lookup.dialogue`).
    public static func files(at paths: [String]) throws(TranscriptErrors) -> [(url: URL, shown: String)] {
        var found: [(url: URL, shown: String)] = []
        var errors: [TranscriptError] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                errors.append(.unreadable(file: path, reason: "no such file or directory"))
                continue
            }
            guard isDirectory.boolValue else {
                found.append((URL(fileURLWithPath: path), path))
                continue
            }
            let root = URL(fileURLWithPath: path, isDirectory: true)
            let prefix = path.hasSuffix("/") ? path : path + "/"
            guard let enumerator = manager.enumerator(
                at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
            else {
                errors.append(.unreadable(file: path, reason: "cannot list the folder"))
                continue
            }
            let rootComponents = root.standardizedFileURL.pathComponents
            var inFolder: [(url: URL, shown: String)] = []
            for case let url as URL in enumerator where url.pathExtension == "dialogue" {
                let components = url.standardizedFileURL.pathComponents
                let relative = components.dropFirst(rootComponents.count).joined(separator: "/")
                inFolder.append((url, prefix + relative))
            }
            found += inFolder.sorted { $0.shown < $1.shown }
        }
        guard errors.isEmpty else { throw TranscriptErrors(errors) }
        return found
    }

    /// Parses every transcript under `paths`; throws every error of every file at once.
    public static func load(_ paths: [String]) throws(TranscriptErrors) -> [Transcript] {
        let files = try files(at: paths)
        var transcripts: [Transcript] = []
        var errors: [TranscriptError] = []
        for file in files {
            do {
                transcripts.append(try TranscriptParser.parse(contentsOf: file.url, file: file.shown))
            } catch {
                errors += error.errors
            }
        }
        guard errors.isEmpty else { throw TranscriptErrors(errors) }
        return transcripts
    }
}
