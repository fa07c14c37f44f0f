import CRM
import Foundation
import TextKit

/// The one parser of the transcript format (SPEC §3). Strict: every line is a directive, a turn, a
/// check, an assertion, a comment or blank, and anything else is an error naming file and line.
///
/// ```
/// # comment                          whole-line comment (leading white space allowed)
/// @fixture fixtures/small.json       # directives come first; a trailing "  # ..." is a comment
/// @customer C1001
/// @today 2026-11-23
/// > where is my order?               a customer turn: the text after "> ", sent as typed
/// < *order number*                   the whole reply matches the glob (see `Glob`)
/// <~ order (number|id)               the regular expression is found in the reply
/// <! *sorry*                         the reply must not match the glob
/// <!~ error                          the regular expression must not be found
/// = intent order_status              assertions on the turn above
/// = slot order_id 10023
/// = action lookup_order              (= action none: no CRM action ran)
/// = sentiment neutral
/// ```
///
/// Every error of a file is collected, so a QA engineer fixes them in one pass.
public enum TranscriptParser {
    /// The sentiment labels `= sentiment` accepts.
    public static let sentimentLabels = ["negative", "neutral", "positive"]

    /// Reads and parses the transcript at `url`; `file` is the path to show in diagnostics.
    public static func parse(contentsOf url: URL, file: String? = nil) throws(TranscriptErrors) -> Transcript {
        let shown = file ?? url.path
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw TranscriptErrors([.unreadable(file: shown, reason: Self.reason(error))])
        }
        return try parse(data, file: shown, directory: url.deletingLastPathComponent())
    }

    /// Parses a transcript's text. `directory` is the transcript's folder: `@fixture` is relative to it,
    /// and its `fixtures/demo.json` is the default fixture when it exists. Without a directory, relative
    /// fixture paths resolve against the current directory and there is no default fixture.
    public static func parse(_ text: String, file: String, directory: URL? = nil) throws(TranscriptErrors) -> Transcript {
        try parse(Data(text.utf8), file: file, directory: directory)
    }

    /// Parses a transcript's bytes, line by line; invalid UTF-8 is an error on its line.
    public static func parse(_ data: Data, file: String, directory: URL?) throws(TranscriptErrors) -> Transcript {
        var state = ParseState(file: file, directory: directory)
        let endLineNumber = data.withUnsafeBytes { raw in
            let lines = TextLines(raw)
            for (lineNumber, bytes) in lines {
                guard let line = String(bytes: bytes, encoding: .utf8) else {
                    state.report(lineNumber, "the line is not valid UTF-8")
                    continue
                }
                state.consume(line, number: lineNumber)
            }
            return lines.endLineNumber
        }
        // A file with no turns is reported on the line it ends on: after a final newline, the empty one below.
        return try state.finish(lineCount: endLineNumber)
    }

    static func reason(_ error: any Error) -> String {
        if let cocoa = error as? CocoaError, let underlying = cocoa.userInfo[NSUnderlyingErrorKey] as? NSError,
           underlying.domain == NSPOSIXErrorDomain, let code = POSIXErrorCode(rawValue: Int32(underlying.code)) {
            return String(cString: strerror(code.rawValue))
        }
        if let cocoa = error as? CocoaError {
            switch cocoa.code {
            case .fileReadNoSuchFile: return "no such file"
            case .fileReadNoPermission: return "permission denied"
            default: break
            }
        }
        return error.localizedDescription
    }
}

/// The parser's progress through one file.
private struct ParseState {
    let file: String
    let directory: URL?
    var transcript: Transcript
    var errors: [TranscriptError] = []
    /// The line of each directive seen, to report duplicates.
    var directiveLines: [String: Int] = [:]

    init(file: String, directory: URL?) {
        self.file = file
        self.directory = directory
        transcript = Transcript(file: file)
    }

    mutating func report(_ line: Int, _ message: String) {
        errors.append(.parse(file: file, line: line, message: message))
    }

    mutating func consume(_ line: String, number: Int) {
        let content = line.drop { $0 == " " || $0 == "\t" }
        guard let first = content.first else { return }
        switch first {
        case "#":
            return
        case "@":
            directive(content.dropFirst(), line: number)
        case ">":
            turn(content, line: number)
        case "<":
            check(content, line: number)
        case "=":
            assertion(content, line: number)
        default:
            report(number, "cannot parse '\(Self.excerpt(content))': a line is a turn ('> text'), a check "
                + "('< glob', '<~ regex', '<! glob', '<!~ regex'), an assertion ('= intent|slot|action|sentiment ...'), "
                + "a directive ('@fixture', '@customer', '@today') or a comment ('# ...')")
        }
    }

    // MARK: - Directives

    mutating func directive(_ body: Substring, line: Int) {
        // A trailing comment is white space then '#'; directive values never contain " #".
        var text = body
        if let hash = Self.trailingCommentStart(in: text) { text = text[..<hash] }
        let name = String(text.prefix { !$0.isWhitespace })
        let value = text.dropFirst(name.count).trimmingCharacters(in: .whitespaces)
        guard ["fixture", "customer", "today"].contains(name) else {
            report(line, "unknown directive '@\(Self.excerpt(name[...]))' (expected @fixture, @customer or @today)")
            return
        }
        guard transcript.turns.isEmpty else {
            report(line, "directive '@\(name)' after the first turn; directives come before the first '>' line")
            return
        }
        if let first = directiveLines[name] {
            report(line, "'@\(name)' given twice (first on line \(first))")
            return
        }
        directiveLines[name] = line
        guard !value.isEmpty else {
            report(line, "'@\(name)' needs a value")
            return
        }
        switch name {
        case "fixture":
            let url = value.hasPrefix("/")
                ? URL(fileURLWithPath: value)
                : (directory.map { $0.appendingPathComponent(value) } ?? URL(fileURLWithPath: value))
            transcript.fixture = FixtureReference(url: url.standardizedFileURL, written: value, line: line)
        case "customer":
            guard !value.contains(where: \.isWhitespace) else {
                report(line, "'@customer' takes one customer ID, got '\(Self.excerpt(value[...]))'")
                return
            }
            transcript.customer = Directive(value, line: line)
        default:
            guard let day = CivilDate(value) else {
                report(line, "'@today' needs a date as YYYY-MM-DD, got '\(Self.excerpt(value[...]))'")
                return
            }
            transcript.today = Directive(day, line: line)
        }
    }

    static func trailingCommentStart(in text: Substring) -> Substring.Index? {
        var previousWasSpace = false
        for index in text.indices {
            let character = text[index]
            if character == "#", previousWasSpace { return index }
            previousWasSpace = character == " " || character == "\t"
        }
        return nil
    }

    // MARK: - Turns, checks, assertions

    mutating func turn(_ content: Substring, line: Int) {
        let rest = content.dropFirst()
        if let next = rest.first, next != " " {
            report(line, "a turn is '> text', with a space after '>'")
            return
        }
        // Sent as typed: only the one separating space is removed.
        transcript.turns.append(Turn(line: line, text: String(rest.dropFirst())))
    }

    mutating func check(_ content: Substring, line: Int) {
        let marker: String
        if content.hasPrefix("<!~") {
            marker = "<!~"
        } else if content.hasPrefix("<!") {
            marker = "<!"
        } else if content.hasPrefix("<~") {
            marker = "<~"
        } else {
            marker = "<"
        }
        let rest = content.dropFirst(marker.count)
        if let next = rest.first, next != " " && next != "\t" {
            report(line, "a check is '\(marker) pattern', with a space after '\(marker)'")
            return
        }
        let pattern = rest.trimmingCharacters(in: .whitespaces)
        let source = pattern.isEmpty ? marker : "\(marker) \(pattern)"
        guard !transcript.turns.isEmpty else {
            report(line, "check '\(Self.excerpt(source[...]))' before the first turn; a check follows the '> text' it checks")
            return
        }
        let matcher: ReplyCheck.Matcher
        if marker.hasSuffix("~") {
            guard !pattern.isEmpty else {
                report(line, "'\(marker)' needs a regular expression")
                return
            }
            do {
                matcher = .regex(try NSRegularExpression(pattern: pattern, options: [.caseInsensitive]))
            } catch {
                report(line, "invalid regular expression '\(Self.excerpt(pattern[...]))'")
                return
            }
        } else {
            matcher = .glob(Glob(pattern))
        }
        let check = ReplyCheck(line: line, matcher: matcher, negated: marker.contains("!"), source: source)
        transcript.turns[transcript.turns.count - 1].checks.append(check)
    }

    mutating func assertion(_ content: Substring, line: Int) {
        let rest = content.dropFirst()
        if let next = rest.first, next != " " && next != "\t" {
            report(line, "an assertion is '= intent|slot|action|sentiment ...', with a space after '='")
            return
        }
        let words = rest.split(whereSeparator: \.isWhitespace)
        guard let keyword = words.first else {
            report(line, "'=' needs an assertion: intent, slot, action or sentiment")
            return
        }
        let arguments = words.dropFirst()
        let assertion: TurnAssertion
        switch keyword {
        case "intent":
            guard arguments.count == 1, let name = arguments.first, Self.isName(name) else {
                report(line, "'= intent' takes one intent name (lowercase letters, digits, '_')")
                return
            }
            assertion = .intent(String(name), line: line)
        case "slot":
            guard arguments.count >= 2, let name = arguments.first, Self.isName(name) else {
                report(line, "'= slot' takes a slot name and a value, as in '= slot order_id 10023'")
                return
            }
            assertion = .slot(String(name), value: arguments.dropFirst().joined(separator: " "), line: line)
        case "action":
            guard arguments.count == 1, let name = arguments.first, Self.isName(name) else {
                report(line, "'= action' takes one action name, or 'none'")
                return
            }
            assertion = name == "none" ? .noAction(line: line) : .action(String(name), line: line)
        case "sentiment":
            guard arguments.count == 1, let label = arguments.first,
                  TranscriptParser.sentimentLabels.contains(String(label)) else {
                report(line, "'= sentiment' takes negative, neutral or positive")
                return
            }
            assertion = .sentiment(String(label), line: line)
        default:
            report(line, "unknown assertion '= \(Self.excerpt(keyword))' (expected intent, slot, action or sentiment)")
            return
        }
        guard !transcript.turns.isEmpty else {
            report(line, "assertion '\(assertion.source)' before the first turn; an assertion follows the '> text' it is about")
            return
        }
        transcript.turns[transcript.turns.count - 1].assertions.append(assertion)
    }

    // MARK: - End of file

    mutating func finish(lineCount: Int) throws(TranscriptErrors) -> Transcript {
        if transcript.turns.isEmpty && errors.isEmpty {
            report(max(lineCount, 1), "no customer turns: a transcript needs at least one '> text' line")
        }
        if transcript.fixture == nil, let directory {
            let url = directory.appendingPathComponent("fixtures/demo.json")
            if FileManager.default.fileExists(atPath: url.path) {
                transcript.fixture = FixtureReference(url: url.standardizedFileURL, written: "fixtures/demo.json", line: nil)
            }
        }
        guard errors.isEmpty else { throw TranscriptErrors(errors) }
        return transcript
    }

    static func isName(_ text: Substring) -> Bool {
        !text.isEmpty && text.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "_" }
    }

    /// A short, printable excerpt of user text for a message.
    static func excerpt(_ text: Substring) -> String {
        let visible = VisibleText.escaped(String(text))
        return visible.count > 60 ? String(visible.prefix(57)) + "..." : visible
    }
}
