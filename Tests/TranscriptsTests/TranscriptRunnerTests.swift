import CRM
import Foundation
import XCTest
@testable import Transcripts

final class TranscriptRunnerTests: XCTestCase {
    private let runner = TranscriptRunner(agent: ScriptedAgent(), jobs: 1)

    private func run(_ text: String, file: String = "t.dialogue") throws -> TranscriptResult {
        let transcript = try TranscriptParser.parse(text, file: file)
        return try XCTUnwrap(runner.run([transcript]).results.first)
    }

    func testAPassingTranscriptPasses() throws {
        let result = try run("""
        @customer C1001
        @today 2026-11-23
        > hello
        < Hello C1001! How can I help?
        = intent greet
        = sentiment positive
        = action none
        > where is my order?
        < *order number*
        > it's 10023
        = slot order_id 10023
        = action lookup_order
        <~ 10023.*shipped.*2026-11-23
        > this is terrible
        = action log_complaint
        = action handoff
        = sentiment negative
        < *ticket \\*T-1\\* is logged \\\\ a person*
        """)
        XCTAssertEqual(result.failures, [])
        XCTAssertTrue(result.passed)
        XCTAssertEqual(result.turns, 4)
    }

    func testAFailingTranscriptFailsNamingTheTurnThePatternAndTheReply() throws {
        let result = try run("""
        > hello
        < Hello*
        > where is my order?
        < *tracking number*
        > 10023
        """, file: "dialogues/orders.dialogue")
        XCTAssertFalse(result.passed)
        XCTAssertEqual(result.failures.count, 1)
        let failure = try XCTUnwrap(result.failures.first)
        XCTAssertEqual(failure.line, 4)
        XCTAssertEqual(failure.turn, 2)
        XCTAssertEqual(failure.turnLine, 3)
        XCTAssertEqual(failure.expected, "< *tracking number*")
        XCTAssertEqual(failure.actual, "Sure. What is the order number?")
        XCTAssertEqual(TextReporter().render(result), """
        FAIL dialogues/orders.dialogue (1 failure)
        dialogues/orders.dialogue:4: error: turn 2 "where is my order?": the reply does not match
            expected: < *tracking number*
            actual:   Sure. What is the order number?
            messages: 1. Sure.
                      2. What is the order number?
        """)
    }

    func testEveryKindOfFailureIsReportedOnItsLine() throws {
        let result = try run("""
        > hello
        < Goodbye*
        <~ bye
        <! Hello*
        <!~ help
        = intent goodbye
        = slot order_id 10023
        = action lookup_order
        = sentiment negative
        > 10023
        = action none
        = slot order_id 10024
        """)
        XCTAssertEqual(result.failures.map(\.line), Array(2...9) + [11, 12])
        XCTAssertEqual(result.failures.map(\.message), [
            "the reply does not match",
            "the pattern is not found in the reply",
            "the reply matches, but must not",
            "the pattern is found in the reply, but must not be",
            "expected intent 'goodbye', got 'greet' (confidence 0.90)",
            "expected slot order_id '10023', but the turn did not fill order_id (filled: none)",
            "expected action 'lookup_order', got none",
            "expected sentiment negative, got positive (score 0.40)",
            "expected no action, got 'lookup_order'",
            "expected slot order_id '10024', got '10023'",
        ])
        XCTAssertEqual(result.failures.map(\.actual).suffix(6), [
            "= intent greet", "no slot order_id", "= action none", "= sentiment positive",
            "= action lookup_order", "= slot order_id 10023",
        ])
    }

    func testSlotValuesIgnoreCaseSpacingAndNumberFormat() {
        XCTAssertTrue(TranscriptRunner<ScriptedAgent>.slotValue("Trail  Running Shoes", equals: "trail running shoes"))
        XCTAssertTrue(TranscriptRunner<ScriptedAgent>.slotValue("50.0", equals: "50"))
        XCTAssertFalse(TranscriptRunner<ScriptedAgent>.slotValue("50.5", equals: "50"))
    }

    func testTurnsAfterTheConversationEndedFail() throws {
        let result = try run("> bye\n< Goodbye!\n> hello?\n")
        XCTAssertEqual(result.failures.map(\.message), ["the conversation already ended after turn 1 (line 1)"])
        XCTAssertEqual(result.failures.first?.line, 3)
    }

    func testTheClockIsNoonUTCOfTodayOrTheDefaultDay() throws {
        XCTAssertTrue(try run("@today 2024-02-29\n> 10023\n<~ arrives on 2024-02-29").passed)
        XCTAssertTrue(try run("> 10023\n<~ arrives on 2026-11-23").passed)
        XCTAssertEqual(CivilDate("2024-02-29")?.noonUTC, Date(timeIntervalSince1970: 1_709_208_000))
    }

    func testFixturesAndCustomersAreCheckedBeforeAnythingRuns() throws {
        let folder = try ScratchFolder()
        try folder.write(#"{"customers": [{"id": "C7"}]}"#, to: "fixtures/small.json")
        try folder.write("not json", to: "fixtures/broken.json")
        let texts = [
            "ok.dialogue": "@fixture fixtures/small.json\n@customer C7\n> hello\n< Hello C7!*",
            "stranger.dialogue": "@fixture fixtures/small.json\n@customer C8\n> hello",
            "missing.dialogue": "@fixture fixtures/nope.json\n> hello",
            "broken.dialogue": "# broken\n@fixture fixtures/broken.json\n> hello",
            "default.dialogue": "@customer C9\n> hello",
        ]
        var transcripts: [Transcript] = []
        for (name, text) in texts.sorted(by: { $0.key < $1.key }) {
            transcripts.append(try TranscriptParser.parse(text, file: name, directory: folder.url))
        }
        XCTAssertThrowsError(try runner.run(transcripts)) { error in
            let messages = (error as? TranscriptErrors)?.errors.map(\.description) ?? []
            XCTAssertEqual(messages.count, 4)
            XCTAssertTrue(messages[0].hasPrefix("broken.dialogue:2: error: fixture 'fixtures/broken.json' does not load: "), messages[0])
            XCTAssertEqual(messages[1], "default.dialogue:1: error: unknown customer 'C9': not in the default CRM data")
            XCTAssertTrue(messages[2].hasPrefix("missing.dialogue:1: error: fixture 'fixtures/nope.json' not found ("), messages[2])
            XCTAssertEqual(messages[3], "stranger.dialogue:2: error: unknown customer 'C8': not in fixture 'fixtures/small.json'")
        }
        let ok = try XCTUnwrap(transcripts.first { $0.file == "ok.dialogue" })
        XCTAssertTrue(try runner.run([ok]).allPassed)
    }

    func testParallelRunsKeepOrderAndOutcomes() throws {
        var transcripts: [Transcript] = []
        for index in 0..<200 {
            let check = index % 7 == 0 ? "< *nope*" : "< *order number*"
            transcripts.append(try TranscriptParser.parse(
                "> hello\n< Hello*\n> where is my order?\n\(check)\n> \(10000 + index)\n= slot order_id \(10000 + index)",
                file: "t\(index).dialogue"))
        }
        let serial = try TranscriptRunner(agent: ScriptedAgent(), jobs: 1).run(transcripts)
        let parallel = try TranscriptRunner(agent: ScriptedAgent(), jobs: 4).run(transcripts)
        XCTAssertEqual(parallel.results.map(\.file), transcripts.map(\.file))
        XCTAssertEqual(parallel.results.map(\.failures), serial.results.map(\.failures))
        XCTAssertEqual(parallel.failed, 29)
        XCTAssertEqual(parallel.passed, 171)
    }
}

final class TranscriptBenchmarkTests: XCTestCase {
    func testGeneratedTranscriptsParseAndNameFixturesThatExist() throws {
        let folder = try ScratchFolder()
        try TranscriptBenchmark.generate(count: 25, in: folder.url)
        let transcripts = try TranscriptSuite.load([folder.url.path])
        XCTAssertEqual(transcripts.count, 25)
        XCTAssertTrue(transcripts.allSatisfy { $0.turns.count == 6 })
        let prepared = try TranscriptRunner(agent: ScriptedAgent(), jobs: 2).prepare(transcripts)
        XCTAssertEqual(prepared.count, 25)
        XCTAssertEqual(Set(transcripts.compactMap { $0.fixture?.url.lastPathComponent }).count, TranscriptBenchmark.fixtureCount)
        let fixture = try JSONSerialization.jsonObject(with: Data(TranscriptBenchmark.fixture(3).utf8)) as? [String: Any]
        XCTAssertEqual((fixture?["orders"] as? [Any])?.count, 6)
    }
}
