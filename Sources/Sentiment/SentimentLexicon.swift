import Foundation
import TextKit

/// Valences of words, phrases, emoticons and emoji on the raters' -4...4 scale.
///
/// The bundled lexicon (`Resources/lexicon.tsv`) is learned by `scripts/sentiment/learn_lexicon.py`
/// from human-rated sentences and a hand-rated seed; see that script for the maths.
/// The file format is one `entry<TAB>valence` per line; `#` lines and blank lines are ignored.
public struct SentimentLexicon: Sendable {
    /// Valence of each entry; multi-word entries (phrases) have single spaces between words, and word pairs
    /// (which add to their words instead of replacing them) a `+`.
    public private(set) var valences: [String: Double]
    /// The first word of every phrase, so the scorer tries phrase matches only where one can start.
    private(set) var phraseStarts: Set<String>
    /// The longest phrase, in words.
    private(set) var longestPhrase: Int

    /// A lexicon of the given entries.
    public init(_ valences: [String: Double]) {
        self.valences = valences
        var starts = Set<String>()
        var longest = 1
        for key in valences.keys where key.utf8.contains(UInt8(ascii: " ")) {
            let words = key.split(separator: " ")
            if let first = words.first { starts.insert(String(first)) }
            longest = max(longest, words.count)
        }
        self.phraseStarts = starts
        self.longestPhrase = longest
    }

    /// Parses the lexicon format; `path` names the file in errors. Lines are `TextLines`, as in intents files
    /// and transcripts: a byte order mark is skipped, `\r\n` ends a line like `\n`.
    ///
    /// Reads UTF-8 bytes, not Characters: every command that scores a sentence loads the bundled
    /// lexicon (tens of thousands of lines) at start-up.
    public init(parsing text: String, path: String) throws {
        var text = text
        let valences = try text.withUTF8 { bytes -> [String: Double] in
            var valences: [String: Double] = [:]
            valences.reserveCapacity(bytes.count / 16)  // lines are about 17 bytes long
            for (lineNumber, line) in TextLines(bytes) {
                if line.isEmpty || line[0] == UInt8(ascii: "#") { continue }
                guard let tab = line.lastIndex(of: UInt8(ascii: "\t")),
                      let value = Double(String(decoding: line[(tab + 1)...], as: UTF8.self)), value.isFinite
                else {
                    throw SentimentError.malformedLexiconLine(path: path, line: lineNumber,
                                                              text: String(decoding: line, as: UTF8.self))
                }
                if tab == 0 { continue }
                valences[String(decoding: line[..<tab], as: UTF8.self)] = value
            }
            return valences
        }
        self.init(valences)
    }

    /// Loads a lexicon file.
    public init(contentsOf url: URL) throws {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw SentimentError.unreadableLexicon(path: url.path, reason: error.localizedDescription)
        }
        try self.init(parsing: String(decoding: data, as: UTF8.self), path: url.path)
    }

    /// The lexicon bundled with the package.
    public static func bundled() throws -> SentimentLexicon {
        guard let url = Bundle.module.url(forResource: "lexicon", withExtension: "tsv") else {
            throw SentimentError.unreadableLexicon(path: "lexicon.tsv", reason: "not in the Sentiment bundle")
        }
        return try SentimentLexicon(contentsOf: url)
    }

    /// The valence of an entry, 0 when it has none.
    @inlinable
    public subscript(entry: String) -> Double {
        valences[entry] ?? 0
    }

    /// The number of entries.
    public var count: Int { valences.count }

    /// Joins the two words of a word pair ("can+not", "at+least"): a learned valence that adjacent single
    /// words in one clause add on top of their own, weighed like the second word.
    public static let pairSeparator = "+"

    /// The two words of a word-pair entry ("at+least" → ("at", "least")), or nil for any other entry.
    static func pairWords(_ key: String) -> (String, String)? {
        let bytes = key.utf8
        guard let plus = bytes.firstIndex(of: UInt8(ascii: "+")), plus != bytes.startIndex,
              bytes.index(after: plus) != bytes.endIndex,
              !bytes[bytes.index(after: plus)...].contains(UInt8(ascii: "+"))
        else { return nil }
        return (String(key[..<plus]), String(key[bytes.index(after: plus)...]))
    }
}

/// What can go wrong loading a lexicon; describes itself like a compiler diagnostic.
public enum SentimentError: Error, Equatable, CustomStringConvertible {
    case malformedLexiconLine(path: String, line: Int, text: String)
    case unreadableLexicon(path: String, reason: String)

    public var description: String {
        switch self {
        case let .malformedLexiconLine(path, line, text):
            return "\(path):\(line): error: expected 'entry<TAB>valence', got '\(text)'"
        case let .unreadableLexicon(path, reason):
            return "\(path): error: cannot read the lexicon: \(reason)"
        }
    }
}
