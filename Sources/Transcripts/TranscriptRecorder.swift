import CRM
import Foundation
import TextKit

/// Writes a conversation in the transcript format, so that `concierge test` passes it unchanged
/// (`concierge chat --record FILE`, SPEC §3). The parser reads what this writes.
///
/// - The directives name the fixture (relative to the transcript's folder), the customer and the day.
/// - Each customer turn is a `> text` line, the text as the agent received it but safe to store:
///   escape sequences and control characters removed (`TerminalText.sanitized`), card numbers masked
///   (`CardNumberMasker.mask`).
/// - Each reply is one exact `< ` line: its messages joined, white space collapsed, and the glob
///   metacharacters escaped (`*` as `\*`, `\` as `\\`; see `Glob`), so the line matches only that reply.
///   A QA engineer then loosens it into a pattern.
/// - Each turn gets the `= intent` it was taken as.
///
/// `header()` and `lines(forTurn:replies:intent:)` return the text of each part, so a REPL can append
/// to the file as the conversation goes and lose nothing when it is interrupted.
public struct TranscriptRecorder: Sendable {
    /// `@fixture`'s value, already relative to the transcript's folder (nil: no fixture was used).
    public var fixture: String?
    /// `@customer`: nil for an anonymous session.
    public var customerID: String?
    /// `@today`.
    public var today: CivilDate
    /// The lines recorded so far, after the header.
    public private(set) var body: [String] = []

    public init(fixture: String?, customerID: String?, today: CivilDate) {
        self.fixture = fixture
        self.customerID = customerID
        self.today = today
    }

    /// The comment and directives that open the transcript, ending with a blank line.
    public func header() -> String {
        var lines = ["# Recorded by concierge chat --record. Loosen the '<' lines into patterns: '*' matches any text."]
        if let fixture {
            lines.append("@fixture \(fixture)")
        } else {
            lines.append("# No fixture: the session ran on a database; replayed, the transcript uses the default CRM data.")
        }
        if let customerID { lines.append("@customer \(customerID)") }
        lines.append("@today \(today)")
        return lines.joined(separator: "\n") + "\n\n"
    }

    /// The lines of one turn: `> text`, the exact `<` line of the reply, `= intent`.
    public static func lines(forTurn text: String, replies: [String], intent: String?) -> String {
        var lines = [turnLine(text), replyLine(replies)]
        if let intent, !intent.isEmpty { lines.append("= intent \(intent)") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Records one turn.
    public mutating func record(customer text: String, replies: [String], intent: String?) {
        body.append(Self.lines(forTurn: text, replies: replies, intent: intent))
    }

    /// The whole transcript so far.
    public func render() -> String {
        header() + body.joined()
    }

    /// `> text`, safe to store and to print.
    public static func turnLine(_ text: String) -> String {
        let safe = CardNumberMasker.mask(TerminalText.sanitized(text))
        return safe.isEmpty ? ">" : "> " + safe
    }

    /// `< reply` that matches exactly this reply (`<` alone for an empty reply).
    public static func replyLine(_ replies: [String]) -> String {
        let reply = Reply(replies).normalized
        return reply.isEmpty ? "<" : "< " + Glob.escape(reply)
    }

    /// `fixture`'s path relative to the folder of `transcript`, as `@fixture` expects it.
    public static func fixturePath(_ fixture: URL, relativeTo transcript: URL) -> String {
        let from = transcript.deletingLastPathComponent().standardizedFileURL.pathComponents
        let to = fixture.standardizedFileURL.pathComponents
        var common = 0
        while common < from.count, common < to.count, from[common] == to[common] { common += 1 }
        // Only the root in common: an absolute path says it more plainly than a chain of "..".
        guard common > 1 else { return fixture.standardizedFileURL.path }
        let ups = Array(repeating: "..", count: from.count - common)
        return (ups + to[common...]).joined(separator: "/")
    }
}
