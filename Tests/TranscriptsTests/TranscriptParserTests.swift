import Foundation
import XCTest
@testable import Transcripts

final class TranscriptParserTests: XCTestCase {
    func testParsesTheSpecExample() throws {
        let folder = try ScratchFolder()
        try folder.write("{}", to: "fixtures/demo.json")
        let text = """
        # Order lookup when the order number comes later.
        @fixture fixtures/demo.json     # CRM data for this run, relative to this file
        @customer C1001                 # signed-in customer; omit for an anonymous session
        @today 2026-11-23               # the date the agent believes it is

        > hi
        < Hello*
        > where is my order?
        = intent order_status
        < *order number*
        > it's 10023
        = slot order_id 10023
        = action lookup_order
        <~ 10023.*shipped
        <!~ tracking number unavailable
        """
        let transcript = try TranscriptParser.parse(text, file: "lookup.dialogue", directory: folder.url)
        XCTAssertEqual(transcript.fixture?.url, folder.url.appendingPathComponent("fixtures/demo.json").standardizedFileURL)
        XCTAssertEqual(transcript.fixture?.line, 2)
        XCTAssertEqual(transcript.fixture?.written, "fixtures/demo.json")
        XCTAssertEqual(transcript.customerID, "C1001")
        XCTAssertEqual(transcript.customer?.line, 3)
        XCTAssertEqual(transcript.today?.value.description, "2026-11-23")
        XCTAssertEqual(transcript.turns.map(\.text), ["hi", "where is my order?", "it's 10023"])
        XCTAssertEqual(transcript.turns.map(\.line), [6, 8, 11])
        XCTAssertEqual(transcript.turns.map { $0.checks.map(\.source) },
                       [["< Hello*"], ["< *order number*"], ["<~ 10023.*shipped", "<!~ tracking number unavailable"]])
        XCTAssertEqual(transcript.turns[2].checks.map(\.negated), [false, true])
        XCTAssertEqual(transcript.turns[1].assertions, [.intent("order_status", line: 9)])
        XCTAssertEqual(transcript.turns[2].assertions,
                       [.slot("order_id", value: "10023", line: 12), .action("lookup_order", line: 13)])
    }

    func testDefaultFixtureIsTheFoldersDemoFixtureWhenPresent() throws {
        let folder = try ScratchFolder()
        let withoutDefault = try TranscriptParser.parse("> hi\n", file: "a.dialogue", directory: folder.url)
        XCTAssertNil(withoutDefault.fixture)
        try folder.write("{}", to: "fixtures/demo.json")
        let withDefault = try TranscriptParser.parse("> hi\n", file: "a.dialogue", directory: folder.url)
        XCTAssertEqual(withDefault.fixture?.url.lastPathComponent, "demo.json")
        XCTAssertNil(withDefault.fixture?.line)
        let explicit = try TranscriptParser.parse("@fixture ../other.json\n> hi\n", file: "a.dialogue", directory: folder.url)
        XCTAssertEqual(explicit.fixture?.url, folder.url.deletingLastPathComponent().appendingPathComponent("other.json").standardizedFileURL)
    }

    func testTurnTextIsSentAsTyped() throws {
        let transcript = try TranscriptParser.parse(
            ">\n> \n>   spaced  out  \n> # not a comment\n> \u{1B}[31mred\n", file: "t.dialogue")
        XCTAssertEqual(transcript.turns.map(\.text), ["", "", "  spaced  out  ", "# not a comment", "\u{1B}[31mred"])
    }

    func testCommentsBlankLinesAndIndentationAreIgnored() throws {
        let text = "# a comment\n\n   # indented comment\n\t\n  > hi\n  < hello*\r\n   = intent greet\n"
        let transcript = try TranscriptParser.parse(text, file: "t.dialogue")
        XCTAssertEqual(transcript.turns.count, 1)
        XCTAssertEqual(transcript.turns[0].checks.map(\.source), ["< hello*"])
        XCTAssertEqual(transcript.turns[0].assertions, [.intent("greet", line: 7)])
    }

    func testAssertionsOfEveryKind() throws {
        let text = """
        > hi
        = intent greet
        = slot product Trail   Running Shoes
        = action none
        = action lookup_order
        = sentiment negative
        = sentiment neutral
        = sentiment positive
        """
        let assertions = try TranscriptParser.parse(text, file: "t.dialogue").turns[0].assertions
        XCTAssertEqual(assertions, [
            .intent("greet", line: 2), .slot("product", value: "Trail Running Shoes", line: 3), .noAction(line: 4),
            .action("lookup_order", line: 5), .sentiment("negative", line: 6), .sentiment("neutral", line: 7),
            .sentiment("positive", line: 8),
        ])
    }

    /// Every parse error, with its exact diagnostic.
    func testEveryParseErrorNamesFileAndLine() {
        let cases: [(text: String, expected: String)] = [
            ("> hi\nhello there", "t.dialogue:2: error: cannot parse 'hello there': a line is a turn ('> text'), a check ('< glob', '<~ regex', '<! glob', '<!~ regex'), an assertion ('= intent|slot|action|sentiment ...'), a directive ('@fixture', '@customer', '@today') or a comment ('# ...')"),
            ("@fixtures x.json\n> hi", "t.dialogue:1: error: unknown directive '@fixtures' (expected @fixture, @customer or @today)"),
            ("> hi\n@customer C1", "t.dialogue:2: error: directive '@customer' after the first turn; directives come before the first '>' line"),
            ("@customer C1\n@customer C2\n> hi", "t.dialogue:2: error: '@customer' given twice (first on line 1)"),
            ("@customer\n> hi", "t.dialogue:1: error: '@customer' needs a value"),
            ("@customer   # nobody\n> hi", "t.dialogue:1: error: '@customer' needs a value"),
            ("@customer C1 C2\n> hi", "t.dialogue:1: error: '@customer' takes one customer ID, got 'C1 C2'"),
            ("@today 2026-13-01\n> hi", "t.dialogue:1: error: '@today' needs a date as YYYY-MM-DD, got '2026-13-01'"),
            ("@today 2026-02-29\n> hi", "t.dialogue:1: error: '@today' needs a date as YYYY-MM-DD, got '2026-02-29'"),
            ("@today tomorrow\n> hi", "t.dialogue:1: error: '@today' needs a date as YYYY-MM-DD, got 'tomorrow'"),
            (">hi", "t.dialogue:1: error: a turn is '> text', with a space after '>'"),
            ("> hi\n<hello", "t.dialogue:2: error: a check is '< pattern', with a space after '<'"),
            ("> hi\n<~x", "t.dialogue:2: error: a check is '<~ pattern', with a space after '<~'"),
            ("> hi\n<!x", "t.dialogue:2: error: a check is '<! pattern', with a space after '<!'"),
            ("< hello\n> hi", "t.dialogue:1: error: check '< hello' before the first turn; a check follows the '> text' it checks"),
            ("= intent greet\n> hi", "t.dialogue:1: error: assertion '= intent greet' before the first turn; an assertion follows the '> text' it is about"),
            ("> hi\n<~ (unclosed", "t.dialogue:2: error: invalid regular expression '(unclosed'"),
            ("> hi\n<!~ [z-a]", "t.dialogue:2: error: invalid regular expression '[z-a]'"),
            ("> hi\n<~", "t.dialogue:2: error: '<~' needs a regular expression"),
            ("> hi\n<!~   ", "t.dialogue:2: error: '<!~' needs a regular expression"),
            ("> hi\n=intent greet", "t.dialogue:2: error: an assertion is '= intent|slot|action|sentiment ...', with a space after '='"),
            ("> hi\n=", "t.dialogue:2: error: '=' needs an assertion: intent, slot, action or sentiment"),
            ("> hi\n= intent", "t.dialogue:2: error: '= intent' takes one intent name (lowercase letters, digits, '_')"),
            ("> hi\n= intent Order-Status", "t.dialogue:2: error: '= intent' takes one intent name (lowercase letters, digits, '_')"),
            ("> hi\n= intent greet goodbye", "t.dialogue:2: error: '= intent' takes one intent name (lowercase letters, digits, '_')"),
            ("> hi\n= slot order_id", "t.dialogue:2: error: '= slot' takes a slot name and a value, as in '= slot order_id 10023'"),
            ("> hi\n= action", "t.dialogue:2: error: '= action' takes one action name, or 'none'"),
            ("> hi\n= action lookup_order handoff", "t.dialogue:2: error: '= action' takes one action name, or 'none'"),
            ("> hi\n= sentiment angry", "t.dialogue:2: error: '= sentiment' takes negative, neutral or positive"),
            ("> hi\n= mood happy", "t.dialogue:2: error: unknown assertion '= mood' (expected intent, slot, action or sentiment)"),
            ("# only a comment\n", "t.dialogue:2: error: no customer turns: a transcript needs at least one '> text' line"),
            ("", "t.dialogue:1: error: no customer turns: a transcript needs at least one '> text' line"),
            ("> hi\n\u{1B}[2J", "t.dialogue:2: error: cannot parse '\\u{1B}[2J': a line is a turn ('> text'), a check ('< glob', '<~ regex', '<! glob', '<!~ regex'), an assertion ('= intent|slot|action|sentiment ...'), a directive ('@fixture', '@customer', '@today') or a comment ('# ...')"),
        ]
        for (text, expected) in cases {
            XCTAssertThrowsError(try TranscriptParser.parse(text, file: "t.dialogue"), text) { error in
                XCTAssertEqual(String(describing: error), expected, text)
            }
        }
    }

    func testInvalidUTF8IsAnErrorOnItsLine() {
        var data = Data("> hi\n< ".utf8)
        data.append(contentsOf: [0xC3, 0x28])
        data.append(Data("\n".utf8))
        XCTAssertThrowsError(try TranscriptParser.parse(data, file: "t.dialogue", directory: nil)) { error in
            XCTAssertEqual(String(describing: error), "t.dialogue:2: error: the line is not valid UTF-8")
        }
    }

    func testAByteOrderMarkIsNotPartOfTheFirstLine() throws {
        var data = Data([0xEF, 0xBB, 0xBF])
        data.append(Data("@customer C1\r\n> hi\r\n".utf8))
        let transcript = try TranscriptParser.parse(data, file: "t.dialogue", directory: nil)
        XCTAssertEqual(transcript.customerID, "C1")
        XCTAssertEqual(transcript.turns.map(\.text), ["hi"])
    }

    func testEveryErrorOfAFileIsReported() {
        let text = "@today someday\n> hi\nnonsense\n= intent\n<~ (\n"
        XCTAssertThrowsError(try TranscriptParser.parse(text, file: "t.dialogue")) { error in
            let lines = (error as? TranscriptErrors)?.errors.compactMap(\.line)
            XCTAssertEqual(lines, [1, 3, 4, 5])
        }
    }

    func testUnreadableFileIsReported() {
        let url = URL(fileURLWithPath: "/nonexistent/x.dialogue")
        XCTAssertThrowsError(try TranscriptParser.parse(contentsOf: url, file: "x.dialogue")) { error in
            XCTAssertEqual(String(describing: error), "x.dialogue: error: cannot read: no such file")
        }
    }

    func testSuiteFindsDialogueFilesBelowAFolderInOrder() throws {
        let folder = try ScratchFolder()
        try folder.write("> hi\n", to: "b.dialogue")
        try folder.write("> hi\n", to: "a/z.dialogue")
        try folder.write("> hi\n", to: "a/notes.txt")
        try folder.write("> hi\n", to: ".hidden/x.dialogue")
        let files = try TranscriptSuite.files(at: [folder.url.path])
        XCTAssertEqual(files.map(\.shown), [folder.url.path + "/a/z.dialogue", folder.url.path + "/b.dialogue"])
        XCTAssertThrowsError(try TranscriptSuite.files(at: ["/nonexistent/dialogues"])) { error in
            XCTAssertEqual(String(describing: error), "/nonexistent/dialogues: error: cannot read: no such file or directory")
        }
    }
}
