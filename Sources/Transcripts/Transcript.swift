import CRM
import Foundation

/// One parsed `*.dialogue` file (SPEC §3): the directives, then the customer turns with the checks
/// and assertions written under each.
public struct Transcript: Sendable {
    /// The path as the user named it (`dialogues/orders/lookup.dialogue`), used in every diagnostic.
    public var file: String
    /// `@fixture`, resolved against the transcript's folder; or the folder's `fixtures/demo.json`
    /// when that exists and no `@fixture` was given; nil when neither applies.
    public var fixture: FixtureReference?
    /// `@customer`: the signed-in customer, nil for an anonymous session.
    public var customer: Directive<String>?
    /// `@today`: the day the agent believes it is, as `YYYY-MM-DD`.
    public var today: Directive<CivilDate>?
    /// The customer turns, in order.
    public var turns: [Turn]

    public init(file: String, fixture: FixtureReference? = nil, customer: Directive<String>? = nil,
                today: Directive<CivilDate>? = nil, turns: [Turn] = []) {
        self.file = file
        self.fixture = fixture
        self.customer = customer
        self.today = today
        self.turns = turns
    }

    /// The customer ID of `@customer`, if any.
    public var customerID: String? { customer?.value }
}

/// A directive's value and the line it was written on (for diagnostics).
public struct Directive<Value: Sendable>: Sendable {
    public var value: Value
    public var line: Int

    public init(_ value: Value, line: Int) {
        self.value = value
        self.line = line
    }
}

/// Where a transcript's CRM data comes from.
public struct FixtureReference: Sendable, Equatable {
    /// The fixture file, resolved against the transcript's folder.
    public var url: URL
    /// The path as written after `@fixture` (or `fixtures/demo.json` when taken by default).
    public var written: String
    /// The line of `@fixture`, or nil when the folder's `fixtures/demo.json` was taken by default.
    public var line: Int?

    public init(url: URL, written: String, line: Int?) {
        self.url = url
        self.written = written
        self.line = line
    }
}

/// One `> text` line and everything written under it up to the next turn.
public struct Turn: Sendable {
    /// The line of `> text`.
    public var line: Int
    /// What the customer types, exactly as written after `> ` (may be empty).
    public var text: String
    /// The `<` lines: all must hold on the agent's reply.
    public var checks: [ReplyCheck]
    /// The `=` lines: all must hold on what the agent made of this turn.
    public var assertions: [TurnAssertion]

    public init(line: Int, text: String, checks: [ReplyCheck] = [], assertions: [TurnAssertion] = []) {
        self.line = line
        self.text = text
        self.checks = checks
        self.assertions = assertions
    }
}

/// One `<`, `<~`, `<!` or `<!~` line.
public struct ReplyCheck: Sendable {
    public enum Matcher: Sendable {
        /// `< glob`: the whole reply matches.
        case glob(Glob)
        /// `<~ regex`: found somewhere in the reply (case-insensitive).
        case regex(NSRegularExpression)
    }

    public var line: Int
    public var matcher: Matcher
    /// `<!` / `<!~`: the reply must not match.
    public var negated: Bool
    /// The line as written, trimmed (`< *order number*`), for diffs.
    public var source: String

    public init(line: Int, matcher: Matcher, negated: Bool, source: String) {
        self.line = line
        self.matcher = matcher
        self.negated = negated
        self.source = source
    }

    /// True when the check holds on `reply`.
    public func holds(on reply: Reply) -> Bool {
        let matches: Bool
        switch matcher {
        case .glob(let glob):
            matches = glob.matches(reply.folded)
        case .regex(let regex):
            let text = reply.normalized
            matches = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
        }
        return matches != negated
    }
}

/// One `= …` line.
public enum TurnAssertion: Sendable, Equatable {
    /// `= intent NAME`
    case intent(String, line: Int)
    /// `= slot NAME VALUE`
    case slot(String, value: String, line: Int)
    /// `= action NAME`
    case action(String, line: Int)
    /// `= action none`
    case noAction(line: Int)
    /// `= sentiment negative|neutral|positive`
    case sentiment(String, line: Int)

    public var line: Int {
        switch self {
        case .intent(_, let line), .slot(_, _, let line), .action(_, let line), .noAction(let line),
             .sentiment(_, let line):
            return line
        }
    }

    /// The line as a QA engineer wrote it (normalised spacing).
    public var source: String {
        switch self {
        case .intent(let name, _): return "= intent \(name)"
        case .slot(let name, let value, _): return "= slot \(name) \(value)"
        case .action(let name, _): return "= action \(name)"
        case .noAction: return "= action none"
        case .sentiment(let label, _): return "= sentiment \(label)"
        }
    }
}

/// The agent's reply to one turn, in the forms the checks compare against.
public struct Reply: Sendable, Equatable {
    /// The messages as the agent said them.
    public var messages: [String]
    /// The messages joined with one space, every run of white space one space, trimmed.
    public var normalized: String
    /// `normalized` in lower case: what globs match.
    public var folded: String

    public init(_ messages: [String]) {
        self.messages = messages
        normalized = Reply.collapsingWhitespace(messages.joined(separator: " "))
        folded = normalized.lowercased()
    }

    /// `text` with every run of white space (newlines too) turned into one space, and trimmed.
    public static func collapsingWhitespace(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for character in text {
            if character.isWhitespace {
                pendingSpace = !output.isEmpty
            } else {
                if pendingSpace { output.append(" ") }
                pendingSpace = false
                output.append(character)
            }
        }
        return output
    }
}
