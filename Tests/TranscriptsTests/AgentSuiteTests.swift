import CRM
import Foundation
import XCTest
@testable import Transcripts

/// The QA suite and the recorder, run against the real agent.
final class AgentSuiteTests: XCTestCase {
    static let repository = SuiteTests.dialogues.deletingLastPathComponent()

    /// The agent trained on the repository's `intents/` (training takes a fraction of a second).
    func agent() throws -> DialogueTranscriptAgent {
        try DialogueTranscriptAgent.trained(intentsDirectory: Self.repository.appendingPathComponent("intents"))
    }

    /// `swift test` runs every transcript in `dialogues/`; a failure lists each failed check as
    /// `concierge test` prints it.
    func testEveryTranscriptInDialoguesPasses() throws {
        let transcripts = try TranscriptSuite.load([SuiteTests.dialogues.path])
        let report = try TranscriptRunner(agent: agent()).run(transcripts)
        XCTAssertGreaterThanOrEqual(report.results.count, 40)
        let reporter = TextReporter()
        let failures = report.results.filter { !$0.passed }.map(reporter.render)
        XCTAssert(failures.isEmpty, "\(report.failed) of \(report.results.count) transcripts failed:\n"
                  + failures.joined(separator: "\n"))
    }

    /// What `chat --record` writes of a real conversation passes `concierge test` unchanged.
    func testRecordedConversationWithTheRealAgentPassesUnchanged() throws {
        let agent = try agent()
        let folder = try ScratchFolder()
        let fixtureURL = SuiteTests.dialogues.appendingPathComponent("fixtures/shop.json")
        let transcriptURL = folder.url.appendingPathComponent("recorded.dialogue")
        let today = try XCTUnwrap(CivilDate("2026-11-23"))
        var recorder = TranscriptRecorder(
            fixture: TranscriptRecorder.fixturePath(fixtureURL, relativeTo: transcriptURL), customerID: "C1", today: today)
        let conversation = try agent.startConversation(
            fixture: agent.loadFixture(at: fixtureURL), customerID: "C1", now: today.noonUTC,
            seed: TranscriptRunner<DialogueTranscriptAgent>.seed)
        for text in ["hi", "where is my order?", "it's 10023", "recommend some shoes *cheap*", "",
                     "the box was crushed and card 4111 1111 1111 1111 got charged twice, awful", "thanks", "bye"] {
            let outcome = conversation.respond(to: text)
            recorder.record(customer: text, replies: outcome.replies, intent: outcome.intent)
        }
        try Data(recorder.render().utf8).write(to: transcriptURL)
        let transcript = try TranscriptParser.parse(contentsOf: transcriptURL, file: "recorded.dialogue")
        XCTAssertEqual(transcript.turns.count, 8)
        XCTAssertFalse(recorder.render().contains("4111 1111 1111 1111"))
        let result = try TranscriptRunner(agent: agent, jobs: 1).run([transcript]).results[0]
        XCTAssertEqual(result.failures, [], TextReporter().render(result))
    }

    /// SPEC §8: a megabyte on one line gets a clear answer and the conversation goes on.
    func testAMegabyteLineGetsAnAnswer() throws {
        let line = String(repeating: "where is my order ", count: 1 << 16)
        let text = "@fixture \(SuiteTests.dialogues.path)/fixtures/shop.json\n@customer C1\n> \(line)\n"
            + "<~ (very long message|message was very long)\n> 10023\n= action lookup_order\n"
        let transcript = try TranscriptParser.parse(text, file: "long.dialogue")
        XCTAssertGreaterThan(transcript.turns[0].text.utf8.count, 1_000_000)
        let result = try TranscriptRunner(agent: agent(), jobs: 1).run([transcript]).results[0]
        XCTAssertEqual(result.failures, [], TextReporter().render(result))
    }
}
