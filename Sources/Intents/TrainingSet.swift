import Foundation
import TextKit

/// A slot value annotated in an example as `[text](slot)`.
public struct SlotAnnotation: Sendable, Hashable {
    /// The slot's name, e.g. `order_id`.
    public var slot: String
    /// The annotated text, as it appears in the example's plain text.
    public var value: String
    /// Where the value starts in the plain text, in characters.
    public var offset: Int

    public init(slot: String, value: String, offset: Int) {
        self.slot = slot
        self.value = value
        self.offset = offset
    }
}

/// One training line: the plain text an intent is trained on, with its slot annotations.
public struct Example: Sendable, Hashable {
    public var intent: String
    /// The text with annotations resolved: `where is order [10023](order_id)` reads `where is order 10023`.
    public var text: String
    public var annotations: [SlotAnnotation]
    /// The file the line came from (as given when loading) and its 1-based line number.
    public var file: String
    public var line: Int

    public init(intent: String, text: String, annotations: [SlotAnnotation] = [], file: String = "", line: Int = 0) {
        self.intent = intent
        self.text = text
        self.annotations = annotations
        self.file = file
        self.line = line
    }
}

/// The training data of SPEC §2: a folder of `<intent>.txt` files, one example per line.
public struct TrainingSet: Sendable {
    /// Every example, intents in name order, lines in file order.
    public var examples: [Example]
    /// The intents, sorted.
    public var intentNames: [String]
    /// A stable hash (FNV-1a 64, hex) of the file names and contents: equal data, equal fingerprint.
    public var fingerprint: String

    /// The examples' texts in order, read in place: training takes them without copying each out (a
    /// copy is a reference count up, then down, for every example, on one thread).
    var texts: Texts { Texts(examples: examples) }

    /// A view of the examples' texts.
    struct Texts: RandomAccessCollection, Sendable {
        let examples: [Example]
        var startIndex: Int { examples.startIndex }
        var endIndex: Int { examples.endIndex }
        subscript(position: Int) -> String {
            _read { yield examples[position].text }
        }
    }

    /// A training set from examples already in memory (tests, cross-validation folds).
    public init(examples: [Example]) {
        self.examples = examples
        self.intentNames = Array(Set(examples.map(\.intent))).sorted()
        var hash = FNV1a()
        for example in examples {
            hash.combine(example.intent.utf8)
            hash.combine(0)
            hash.combine(example.text.utf8)
            hash.combine(0x0A)
        }
        self.fingerprint = hash.hex
    }

    init(examples: [Example], intentNames: [String], fingerprint: String) {
        self.examples = examples
        self.intentNames = intentNames
        self.fingerprint = fingerprint
    }

    /// Loads every `<intent>.txt` in `directory`. Other files (README.md, hidden files) are ignored.
    ///
    /// - Throws: `IntentsError` naming the file and line of the first problem found.
    public static func load(from directory: URL) throws -> TrainingSet {
        let files = try intentFiles(in: directory)
        var examples: [Example] = []
        var names: [String] = []
        var hash = FNV1a()
        for file in files {
            let data: Data
            do {
                data = try Data(contentsOf: file.url)
            } catch {
                throw IntentsError.unreadableFile(path: file.path, reason: error.localizedDescription)
            }
            hash.combine(file.name.utf8)
            hash.combine(0)
            hash.combine(data)
            hash.combine(0)
            let parsed = try parse(data, intent: file.name, path: file.path)
            if parsed.isEmpty { throw IntentsError.emptyIntent(path: file.path, name: file.name) }
            examples += parsed
            names.append(file.name)
        }
        return TrainingSet(examples: examples, intentNames: names, fingerprint: hash.hex)
    }

    /// The `.txt` files of `directory`, sorted by intent name, their names checked.
    static func intentFiles(in directory: URL) throws -> [(name: String, path: String, url: URL)] {
        let entries: [String]
        do {
            entries = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw IntentsError.unreadableDirectory(path: directory.path, reason: error.localizedDescription)
        }
        var files: [(name: String, path: String, url: URL)] = []
        for entry in entries.sorted() where entry.hasSuffix(".txt") && !entry.hasPrefix(".") {
            let name = String(entry.dropLast(4))
            let url = directory.appendingPathComponent(entry)
            let path = displayPath(directory: directory, file: entry)
            guard isIntentName(name) else { throw IntentsError.invalidIntentName(path: path, name: name) }
            files.append((name, path, url))
        }
        if files.isEmpty { throw IntentsError.noIntents(path: directory.path) }
        return files
    }

    /// `intents/greet.txt` rather than an absolute path when the folder was given relatively.
    static func displayPath(directory: URL, file: String) -> String {
        let base = directory.relativePath
        if base.isEmpty || base == "." { return file }
        return base.hasSuffix("/") ? base + file : base + "/" + file
    }

    static func isASCIISpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    /// Lowercase ASCII letters, digits and `_`, at least one.
    public static func isIntentName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F }
    }

    /// The examples in one file's bytes.
    static func parse(_ data: Data, intent: String, path: String) throws -> [Example] {
        try data.withUnsafeBytes { raw -> [Example] in
            var examples: [Example] = []
            for (lineNumber, bytes) in TextLines(raw) {
                var lineStart = 0
                var lineEnd = bytes.count
                // Trim ASCII white space on the bytes (the common case, without Foundation); other
                // Unicode white space is trimmed below.
                while lineStart < lineEnd, Self.isASCIISpace(bytes[lineStart]) { lineStart += 1 }
                while lineEnd > lineStart, Self.isASCIISpace(bytes[lineEnd - 1]) { lineEnd -= 1 }
                guard let line = String(validating: bytes[lineStart..<lineEnd], as: UTF8.self) else {
                    throw IntentsError.invalidUTF8(path: path, line: lineNumber)
                }
                let trimmed = (lineStart < lineEnd && (bytes[lineStart] >= 0x80 || bytes[lineEnd - 1] >= 0x80))
                    ? line.trimmingCharacters(in: .whitespaces) : line
                if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
                let (text, annotations) = try parseAnnotations(trimmed, path: path, line: lineNumber)
                let plain = annotations.isEmpty ? text : text.trimmingCharacters(in: .whitespaces)
                if plain.isEmpty { continue }
                examples.append(Example(intent: intent, text: plain, annotations: annotations, file: path, line: lineNumber))
            }
            return examples
        }
    }

    /// Resolves `[text](slot)` annotations into plain text. A `[` with no `]` after it, or a `[text](`
    /// not completed as `(slot)`, is an error, so a typo never trains silently; `[text]` with no `(`
    /// after it is plain bracketed text.
    static func parseAnnotations(_ line: String, path: String, line lineNumber: Int) throws
        -> (String, [SlotAnnotation])
    {
        guard line.utf8.contains(UInt8(ascii: "[")) else { return (line, []) }
        var plain = ""
        var annotations: [SlotAnnotation] = []
        var index = line.startIndex
        var plainCount = 0
        func fail(_ message: String) -> IntentsError {
            .brokenAnnotation(path: path, line: lineNumber, message: message)
        }
        while index < line.endIndex {
            let character = line[index]
            guard character == "[" else {
                plain.append(character)
                plainCount += 1
                index = line.index(after: index)
                continue
            }
            let textStart = line.index(after: index)
            guard let close = line[textStart...].firstIndex(where: { $0 == "]" || $0 == "[" }), line[close] == "]" else {
                throw fail("unclosed slot annotation: expected '[text](slot)'")
            }
            let value = String(line[textStart..<close])
            let afterClose = line.index(after: close)
            guard afterClose < line.endIndex, line[afterClose] == "(" else {
                // `[country]` with no `(slot)` after it is bracketed text, not an annotation.
                plain += line[index..<afterClose]
                plainCount += line[index..<afterClose].count
                index = afterClose
                continue
            }
            let nameStart = line.index(after: afterClose)
            guard let nameEnd = line[nameStart...].firstIndex(of: ")") else {
                throw fail("unclosed slot name after '[\(value)]': expected ')'")
            }
            let slot = String(line[nameStart..<nameEnd])
            if slot.isEmpty { throw fail("slot annotation '[\(value)]' has an empty slot name") }
            guard slot.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x5F }) else {
                throw fail("'\(slot)' is not a slot name: use lowercase letters and '_'")
            }
            if value.trimmingCharacters(in: .whitespaces).isEmpty {
                throw fail("slot annotation for '\(slot)' has no text")
            }
            annotations.append(SlotAnnotation(slot: slot, value: value, offset: plainCount))
            plain += value
            plainCount += value.count
            index = line.index(after: nameEnd)
        }
        return (plain, annotations)
    }
}
