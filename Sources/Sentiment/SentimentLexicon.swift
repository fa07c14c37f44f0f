import Foundation

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

    /// Parses the lexicon format; `path` names the file in errors.
    public init(parsing text: String, path: String) throws {
        var valences: [String: Double] = [:]
        var lineNumber = 0
        // "\r\n" is one Character in Swift, so both line ends are named.
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            lineNumber += 1
            let trimmed = line.hasSuffix("\r") ? line.dropLast() : line
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            guard let tab = trimmed.lastIndex(of: "\t"),
                  let value = Double(trimmed[trimmed.index(after: tab)...]), value.isFinite
            else {
                throw SentimentError.malformedLexiconLine(path: path, line: lineNumber, text: String(trimmed))
            }
            let key = trimmed[..<tab]
            if key.isEmpty { continue }
            valences[String(key)] = value
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
        guard let plus = key.firstIndex(of: "+"), plus != key.startIndex, key.index(after: plus) != key.endIndex
        else { return nil }
        let second = key[key.index(after: plus)...]
        guard !second.contains("+") else { return nil }
        return (String(key[..<plus]), String(second))
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
