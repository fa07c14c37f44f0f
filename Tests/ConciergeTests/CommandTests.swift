import Foundation
import XCTest

/// The commands end to end, through the built binary: exit codes and the messages users see.
final class CommandTests: XCTestCase {
    func testUsageErrorExitsTwo() throws {
        let (_, environment) = try ConciergeProcess.sandbox()
        let missing = try ConciergeProcess.run(["evaluate", "--intents", "intents"], input: "", environment: environment)
        XCTAssertEqual(missing.status, 2, missing.stderr)
        XCTAssertTrue(missing.stderr.contains("--test DIR or --folds K"), missing.stderr)
        let unknown = try ConciergeProcess.run(["sentiment", "--no-such-flag"], input: "", environment: environment)
        XCTAssertEqual(unknown.status, 2, unknown.stderr)
        XCTAssertTrue(unknown.stderr.contains("--no-such-flag"), unknown.stderr)
    }

    func testClassifyWithTheCachedModelAnswersFromTheAgentsIntents() throws {
        let (_, environment) = try ConciergeProcess.sandbox()
        let output = try ConciergeProcess.run(["classify", "where is my order"], input: "", environment: environment)
        XCTAssertEqual(output.status, 0, output.stderr)
        XCTAssertTrue(output.stdout.contains("order_status"), output.stdout)
    }

    func testClassifyJSONSaysWhyItFellBack() throws {
        let (_, environment) = try ConciergeProcess.sandbox()
        let output = try ConciergeProcess.run(["classify", "--json", "where is my order", "what is the capital of peru"],
                                              input: "", environment: environment)
        XCTAssertEqual(output.status, 0, output.stderr)
        let lines = output.stdout.split(separator: "\n").map { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] ?? [:]
        }
        XCTAssertEqual(lines.count, 2, output.stdout)
        XCTAssertEqual(lines.first?["intent"] as? String, "order_status")
        XCTAssertNil(lines.first?["fallback"], output.stdout)
        XCTAssertEqual(lines.last?["intent"] as? String, "out_of_scope")
        XCTAssertEqual(lines.last?["fallback"] as? String, "out_of_scope_likeliest", output.stdout)
    }

    func testBadIntentsFileExits65NamingFileAndLine() throws {
        let (directory, environment) = try ConciergeProcess.sandbox()
        let intents = directory.appendingPathComponent("intents")
        try FileManager.default.createDirectory(at: intents, withIntermediateDirectories: true)
        try "hello\nwhere is [10023(order_id)\n".write(
            to: intents.appendingPathComponent("order_status.txt"), atomically: true, encoding: .utf8)
        let output = try ConciergeProcess.run(["train", "--intents", intents.path], input: "", environment: environment)
        XCTAssertEqual(output.status, 65)
        XCTAssertTrue(output.stderr.contains("order_status.txt:2: error:"), output.stderr)
    }
}
