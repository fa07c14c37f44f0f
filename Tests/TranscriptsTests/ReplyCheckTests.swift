import Foundation
import XCTest
@testable import Transcripts

final class ReplyCheckTests: XCTestCase {
    func testGlobMatchesTheWholeReply() {
        let cases: [(pattern: String, reply: String, matches: Bool)] = [
            ("*", "", true),
            ("*", "anything at all", true),
            ("", "", true),
            ("", "x", false),
            ("hello", "Hello", true),
            ("hello", "hello there", false),
            ("hello*", "Hello there", true),
            ("*there", "hello there", true),
            ("*there", "there hello", false),
            ("*order number*", "What is your order number, please?", true),
            ("*order number*", "What is your order?", false),
            ("a*b*c", "abc", true),
            ("a*b*c", "a-c-b", false),
            ("ab*ba", "aba", false),
            ("ab*ba", "abba", true),
            ("**", "x", true),
            ("HELLO   WORLD", "hello world", true),
            ("hello world", "hello\n\n  world", true),
            ("order \\*1234", "Order *1234", true),
            ("order \\*1234", "Order 51234", false),
            ("card \\*\\*\\*\\* 1111", "card **** 1111", true),
            ("back\\\\slash", "back\\slash", true),
            ("back\\slash", "back\\slash", true),
            ("trailing\\", "trailing\\", true),
            ("café*", "Café au lait", true),
            ("*📦*", "your parcel 📦 is here", true),
        ]
        for (pattern, reply, matches) in cases {
            XCTAssertEqual(Glob(pattern).matches(Reply([reply]).folded), matches, "\(pattern) vs \(reply)")
        }
    }

    func testEscapedLiteralMatchesOnlyItself() {
        for literal in ["Ticket *T-1* logged", "a \\ b", "**", "\\*", "plain"] {
            XCTAssertTrue(Glob(Glob.escape(literal)).matches(Reply([literal]).folded), literal)
            XCTAssertFalse(Glob(Glob.escape(literal)).matches(Reply([literal + "x"]).folded), literal)
        }
    }

    private func check(_ line: String) throws -> ReplyCheck {
        let transcript = try TranscriptParser.parse("> hi\n\(line)\n", file: "t.dialogue")
        return try XCTUnwrap(transcript.turns.first?.checks.first)
    }

    func testChecksOnAMultiMessageReply() throws {
        let reply = Reply(["Hello Alice!", "How can I\nhelp   you today?", "Ticket *T-1* is open."])
        XCTAssertEqual(reply.normalized, "Hello Alice! How can I help you today? Ticket *T-1* is open.")
        let holding = [
            "< hello alice! how can i help you today? ticket *t-1* is open.",
            "< Hello* help you *",
            "< *! How can I help*",
            "< * \\*T-1\\* *",
            "<~ alice.*today",
            "<~ ALICE! HOW",
            "<~ help you today\\? Ticket",
            "<~ ^hello",
            "<~ open\\.$",
            "<! *goodbye*",
            "<! hello",
            "<!~ goodbye",
            "<!~ alice!how",
            "<!~ \\bhelp\\s{2}",
        ]
        for line in holding {
            XCTAssertTrue(try check(line).holds(on: reply), line)
        }
        let failing = [
            "< Hello Alice!",
            "< *goodbye*",
            "< *\\*T-2\\**",
            "<~ goodbye",
            "<~ ^how",
            "<! Hello*",
            "<! *help you today?*",
            "<!~ alice",
            "<!~ T-1",
        ]
        for line in failing {
            XCTAssertFalse(try check(line).holds(on: reply), line)
        }
    }

    func testAnEmptyReplyMatchesOnlyAnEmptyOrWildcardGlob() throws {
        let empty = Reply([])
        XCTAssertTrue(try check("<").holds(on: empty))
        XCTAssertTrue(try check("< *").holds(on: empty))
        XCTAssertFalse(try check("< ?*").holds(on: empty))
        XCTAssertTrue(try check("<! ?*").holds(on: empty))
        XCTAssertTrue(try check("<!~ .").holds(on: empty))
    }
}
