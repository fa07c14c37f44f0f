import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
@testable import Transcripts

final class ReporterTests: XCTestCase {
    /// A report with one pass and one failure whose text holds everything XML and JSON must escape.
    private func sampleReport() throws -> TestReport {
        let runner = TranscriptRunner(agent: ScriptedAgent(), jobs: 1)
        let passing = try TranscriptParser.parse("> hello\n< Hello*\n", file: "dialogues/a.dialogue")
        let failing = try TranscriptParser.parse(
            "> hello\n< Hello*\n> <b>&\u{1B}[31m \"quoted\" 'single'\n< *<tag>* & \"x\"\n= intent greet\n",
            file: "dialogues/b & <c>.dialogue")
        return try runner.run([passing, failing])
    }

    func testJSONHasTheFieldsOfTheSpec() throws {
        let json = JSONReporter.render(try sampleReport())
        let document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        XCTAssertEqual(Set(document.keys), ["passed", "failed", "transcripts"])
        XCTAssertEqual(document["passed"] as? Int, 1)
        XCTAssertEqual(document["failed"] as? Int, 1)
        let transcripts = try XCTUnwrap(document["transcripts"] as? [[String: Any]])
        XCTAssertEqual(transcripts.map { Set($0.keys) }, [["file", "status", "failures"], ["file", "status", "failures"]])
        XCTAssertEqual(transcripts.map { $0["file"] as? String }, ["dialogues/a.dialogue", "dialogues/b & <c>.dialogue"])
        XCTAssertEqual(transcripts.map { $0["status"] as? String }, ["passed", "failed"])
        XCTAssertEqual((transcripts[0]["failures"] as? [Any])?.count, 0)
        let failures = try XCTUnwrap(transcripts[1]["failures"] as? [[String: Any]])
        XCTAssertEqual(failures.map { Set($0.keys) }, [["line", "expected", "actual"], ["line", "expected", "actual"]])
        XCTAssertEqual(failures.map { $0["line"] as? Int }, [4, 5])
        XCTAssertEqual(failures[0]["expected"] as? String, "< *<tag>* & \"x\"")
        XCTAssertEqual(failures[0]["actual"] as? String, "You said: <b>& \"quoted\" 'single'")
        XCTAssertEqual(failures[1]["actual"] as? String, "= intent out_of_scope")
    }

    func testJUnitFileParsesAsXMLWithOneTestcasePerTranscript() throws {
        let xml = JUnitReporter.render(try sampleReport())
        let document = try XMLDocument(xmlString: xml, options: [])
        let root = try XCTUnwrap(document.rootElement())
        XCTAssertEqual(root.name, "testsuites")
        XCTAssertEqual(root.attribute(forName: "tests")?.stringValue, "2")
        XCTAssertEqual(root.attribute(forName: "failures")?.stringValue, "1")
        let cases = try root.nodes(forXPath: "//testcase").compactMap { $0 as? XMLElement }
        XCTAssertEqual(cases.map { $0.attribute(forName: "name")?.stringValue }, ["dialogues/a.dialogue", "dialogues/b & <c>.dialogue"])
        XCTAssertEqual(cases[0].elements(forName: "failure").count, 0)
        let failure = try XCTUnwrap(cases[1].elements(forName: "failure").first)
        XCTAssertEqual(failure.attribute(forName: "message")?.stringValue,
                       "dialogues/b & <c>.dialogue:4: turn 2: the reply does not match")
        let body = try XCTUnwrap(failure.stringValue)
        XCTAssertTrue(body.contains("dialogues/b & <c>.dialogue:4: error: turn 2 \"<b>&\\u{1B}[31m \\\"quoted\\\" 'single'\": the reply does not match")
                      || body.contains("turn 2 \"<b>&\\u{1B}[31m \"quoted\" 'single'\""), body)
        XCTAssertTrue(body.contains("    expected: < *<tag>* & \"x\""), body)
        XCTAssertTrue(body.contains("dialogues/b & <c>.dialogue:5: error: turn 2"), body)
        XCTAssertFalse(xml.contains("\u{1B}"))
    }

    func testTextSummary() throws {
        let report = try sampleReport()
        let summary = TextReporter().summary(report)
        XCTAssertTrue(summary.hasPrefix("1 passed, 1 failed (2 transcripts, "), summary)
        XCTAssertEqual(TextReporter().render(report.results[0]), "PASS dialogues/a.dialogue (1 turn)")
        XCTAssertEqual(TextReporter(colour: true).render(report.results[0]), "\u{1B}[32mPASS\u{1B}[0m dialogues/a.dialogue (1 turn)")
    }

    func testDiffShowsControlCharactersVisiblyAndCutsLongReplies() {
        let failure = TranscriptFailure(
            line: 3, turn: 1, turnLine: 2, turnText: "\u{1B}]0;owned\u{07}hi", message: "the reply does not match",
            expected: "< hi", actual: String(repeating: "x", count: 50), replies: ["x"])
        XCTAssertEqual(TextReporter(replyLimit: 10).diff(failure, file: "f.dialogue"), """
        f.dialogue:3: error: turn 1 "\\u{1B}]0;owned\\u{7}hi": the reply does not match
            expected: < hi
            actual:   xxxxxxxxxx... (50 characters)
        """)
    }
}
