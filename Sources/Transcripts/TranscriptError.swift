/// What can go wrong with a transcript before it runs, printed like a compiler's diagnostics:
/// `dialogues/refund.dialogue:12: error: unknown assertion '= intnet'`.
public enum TranscriptError: Error, Equatable, CustomStringConvertible {
    /// A line that does not parse (SPEC §3: "anything else is a parse error with file and line").
    case parse(file: String, line: Int, message: String)
    /// The file could not be read at all.
    case unreadable(file: String, reason: String)
    /// The fixture is missing or does not load, or `@customer` is not in it.
    case fixture(file: String, line: Int?, message: String)

    public var description: String {
        switch self {
        case .parse(let file, let line, let message):
            return "\(file):\(line): error: \(message)"
        case .unreadable(let file, let reason):
            return "\(file): error: cannot read: \(reason)"
        case .fixture(let file, let line, let message):
            return line.map { "\(file):\($0): error: \(message)" } ?? "\(file): error: \(message)"
        }
    }

    /// The file the error is in.
    public var file: String {
        switch self {
        case .parse(let file, _, _), .unreadable(let file, _), .fixture(let file, _, _): return file
        }
    }

    /// The line the error is on, when it has one.
    public var line: Int? {
        switch self {
        case .parse(_, let line, _): return line
        case .unreadable: return nil
        case .fixture(_, let line, _): return line
        }
    }
}

/// Every error found in one or more transcripts; thrown so that a QA engineer sees them all at once.
public struct TranscriptErrors: Error, CustomStringConvertible {
    public var errors: [TranscriptError]

    public init(_ errors: [TranscriptError]) {
        self.errors = errors
    }

    public var description: String {
        errors.map(\.description).joined(separator: "\n")
    }
}
