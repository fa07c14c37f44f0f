import CRM
import Foundation
import XCTest
@testable import Transcripts

final class TranscriptRecorderTests: XCTestCase {
    /// What a customer typed in the recorded session: greetings, an order number, an escape sequence,
    /// a card number, an empty line, and replies holding `*`, `\` and several messages.
    private let typed = [
        "hello",
        "where is my order?",
        "it's 10023",
        "\u{1B}[31mthis is terrible\u{1B}[0m, card 4111 1111 1111 1111 was charged twice",
        "",
        "what about **stars** and back\\slashes?",
        "bye",
    ]

    /// Plays `typed` against the scripted agent the way `chat --record` does.
    private func record() -> String {
        let agent = ScriptedAgent()
        var recorder = TranscriptRecorder(fixture: "fixtures/small.json", customerID: "C7", today: CivilDate("2026-11-23")!)
        let conversation = (try? agent.startConversation(fixture: ["C7"], customerID: "C7",
                                                         now: recorder.today.noonUTC, seed: 1))
        for text in typed {
            guard let outcome = conversation?.respond(to: text) else { continue }
            recorder.record(customer: text, replies: outcome.replies, intent: outcome.intent)
        }
        return recorder.render()
    }

    func testRecordedTranscriptPassesUnchanged() throws {
        let folder = try ScratchFolder()
        try folder.write(#"{"customers": [{"id": "C7"}]}"#, to: "fixtures/small.json")
        let file = try folder.write(record(), to: "recorded.dialogue")
        let transcript = try TranscriptParser.parse(contentsOf: file, file: "recorded.dialogue")
        XCTAssertEqual(transcript.turns.count, typed.count)
        XCTAssertEqual(transcript.customerID, "C7")
        XCTAssertEqual(transcript.today?.value.description, "2026-11-23")
        XCTAssertEqual(transcript.fixture?.url.lastPathComponent, "small.json")
        let report = try TranscriptRunner(agent: ScriptedAgent(), jobs: 1).run([transcript])
        XCTAssertEqual(report.results.first?.failures, [])
    }

    func testRecordedTranscriptFailsWhenTheAgentChanges() throws {
        // The exact `<` lines pin the reply: a one-word change in the agent must fail the replay.
        let recorded = record().replacingOccurrences(of: "< Sure. What is the order number?",
                                                     with: "< Sure. What is the order id?")
        let folder = try ScratchFolder()
        try folder.write(#"{"customers": [{"id": "C7"}]}"#, to: "fixtures/small.json")
        let transcript = try TranscriptParser.parse(recorded, file: "recorded.dialogue", directory: folder.url)
        let result = try TranscriptRunner(agent: ScriptedAgent(), jobs: 1).run([transcript]).results[0]
        XCTAssertEqual(result.failures.map(\.turn), [2])
    }

    /// The recorded file itself is a golden file; `RECORD_GOLDEN=1 swift test` rewrites it (and fails,
    /// so recording is never left on).
    func testRecordingMatchesTheGoldenFile() throws {
        let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Golden/recorded.dialogue")
        let recorded = record()
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] != nil {
            try Data(recorded.utf8).write(to: golden)
            XCTFail("recorded \(golden.path); run again without RECORD_GOLDEN")
            return
        }
        XCTAssertEqual(recorded, try String(contentsOf: golden, encoding: .utf8))
    }

    func testTurnLinesAreSafeToStoreAndPrint() {
        XCTAssertEqual(TranscriptRecorder.turnLine("\u{1B}]0;title\u{07}hi\u{1B}[2J there\u{7F}"), "> hi there")
        XCTAssertEqual(TranscriptRecorder.turnLine("card 4111111111111111 please"), "> card ************1111 please")
        XCTAssertEqual(TranscriptRecorder.turnLine(""), ">")
        XCTAssertEqual(TranscriptRecorder.replyLine([]), "<")
        XCTAssertEqual(TranscriptRecorder.replyLine(["a *b*", "c\\d\n e"]), "< a \\*b\\* c\\\\d e")
    }

    func testFixturePathIsRelativeToTheTranscriptsFolder() {
        let fixture = URL(fileURLWithPath: "/work/dialogues/fixtures/demo.json")
        XCTAssertEqual(TranscriptRecorder.fixturePath(fixture, relativeTo: URL(fileURLWithPath: "/work/dialogues/new.dialogue")),
                       "fixtures/demo.json")
        XCTAssertEqual(TranscriptRecorder.fixturePath(fixture, relativeTo: URL(fileURLWithPath: "/work/dialogues/orders/new.dialogue")),
                       "../fixtures/demo.json")
        XCTAssertEqual(TranscriptRecorder.fixturePath(fixture, relativeTo: URL(fileURLWithPath: "/tmp/new.dialogue")),
                       "/work/dialogues/fixtures/demo.json")
    }
}
