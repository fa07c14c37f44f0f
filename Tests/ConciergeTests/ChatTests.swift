import Foundation
import XCTest

/// `concierge chat` end to end: the built binary over a pipe and on a real pseudo-terminal.
final class ChatPipeTests: XCTestCase {
    private let fixture = "dialogues/fixtures/demo.json"

    func testPipedConversationAnswersEachLineAndExitsZero() throws {
        let (_, environment) = try ConciergeProcess.sandbox()
        let output = try ConciergeProcess.run(
            ["chat", "--customer", "C1001", "--fixture", fixture, "--seed", "1"],
            input: "hi\nwhere is order 10023\n", environment: environment)
        XCTAssertEqual(output.status, 0, output.stderr)
        let reply = output.stdout.lowercased()
        XCTAssertTrue(reply.contains("10023"), output.stdout)
        XCTAssertTrue(reply.contains("shipped"), output.stdout)
        XCTAssertTrue(reply.contains("ups"), output.stdout)
    }

    func testEndOfInputSaysGoodbyeAndExitsZero() throws {
        let (_, environment) = try ConciergeProcess.sandbox()
        let output = try ConciergeProcess.run(
            ["chat", "--fixture", fixture, "--seed", "1"], input: "hello\n", environment: environment)
        XCTAssertEqual(output.status, 0, output.stderr)
        let lastLine = output.stdout.split(separator: "\n").last.map(String.init) ?? ""
        XCTAssertTrue(lastLine.lowercased().contains("bye"), "last line: \(lastLine)")
    }

    func testEscapeSequencesAndControlCharactersAreNeverEchoed() throws {
        let (_, environment) = try ConciergeProcess.sandbox()
        let hostile = "my email is \u{1B}]0;pwned\u{07}\u{1B}[31mEVIL\u{1B}[0m\u{08}\u{08} and order \u{1B}[2J10023\n"
        let output = try ConciergeProcess.run(
            ["chat", "--fixture", fixture, "--seed", "1", "--debug"], input: hostile, environment: environment)
        XCTAssertEqual(output.status, 0, output.stderr)
        for forbidden in ["\u{1B}", "\u{07}", "\u{08}", "\u{9B}"] {
            XCTAssertFalse(output.stdout.contains(forbidden), "echoed \(forbidden.debugDescription): \(output.stdout.debugDescription)")
        }
    }

    func testMegabyteLineInvalidUTF8AndEmptyLinesGetCalmReplies() throws {
        let (_, environment) = try ConciergeProcess.sandbox()
        var input = Data(String(repeating: "a", count: 1 << 20).utf8)
        input.append(contentsOf: [0x0A, 0xFF, 0xFE, 0xC3, 0x28, 0x0A, 0x0A, 0x20, 0x09, 0x0A])
        input.append(Data("hi\n".utf8))
        let output = try ConciergeProcess.run(
            ["chat", "--fixture", fixture, "--seed", "1"], input: input, environment: environment)
        XCTAssertEqual(output.status, 0, output.stderr)
        XCTAssertTrue(output.stderr.isEmpty, output.stderr)
        XCTAssertLessThan(output.stdout.utf8.count, 10_000, "a megabyte line must not be echoed back")
        XCTAssertTrue(output.stdout.lowercased().contains("bye"))
    }

    func testRecordedSessionReplaysUnchangedWithConciergeTest() throws {
        let (directory, environment) = try ConciergeProcess.sandbox()
        let transcript = directory.appendingPathComponent("recorded.dialogue").path
        let conversation = """
            hi there
            where is my order?
            its 10023
            recommend something for running under $60
            the socks had holes after one day and card 4111 1111 1111 1111 was charged twice, awful!
            bye

            """
        let chat = try ConciergeProcess.run(
            ["chat", "--customer", "C1001", "--fixture", fixture, "--record", transcript],
            input: conversation, environment: environment)
        XCTAssertEqual(chat.status, 0, chat.stderr)
        let recorded = try String(contentsOfFile: transcript, encoding: .utf8)
        XCTAssertTrue(recorded.contains("@customer C1001"), recorded)
        XCTAssertTrue(recorded.contains("> its 10023"), recorded)
        XCTAssertTrue(recorded.contains("**** **** **** 1111"), recorded)
        XCTAssertFalse(recorded.contains("4111 1111"), recorded)
        let replay = try ConciergeProcess.run(["test", transcript], input: "", environment: environment)
        XCTAssertEqual(replay.status, 0, replay.stdout + replay.stderr)
        XCTAssertTrue(replay.stdout.contains("1 passed, 0 failed"), replay.stdout)
    }

    func testUnknownCustomerIsAUsageError() throws {
        let (_, environment) = try ConciergeProcess.sandbox()
        let output = try ConciergeProcess.run(
            ["chat", "--customer", "C9999", "--fixture", fixture], input: "hi\n", environment: environment)
        XCTAssertEqual(output.status, 2)
        XCTAssertTrue(output.stderr.contains("C9999"), output.stderr)
    }

    func testDefaultDatabaseIsCreatedFromDemoDataOnFirstUseAndSaysWhere() throws {
        let (directory, environment) = try ConciergeProcess.sandbox()
        let expected = directory.appendingPathComponent("data/concierge/crm.sqlite").path
        let first = try ConciergeProcess.run(["chat", "--seed", "1"], input: "hi\n", environment: environment)
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(first.stderr.contains(expected), first.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: expected))
        let second = try ConciergeProcess.run(["chat", "--seed", "1"], input: "hi\n", environment: environment)
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertFalse(second.stderr.contains("created"), second.stderr)
    }

    func testBadIntentsFolderExits65NamingFileAndLine() throws {
        let (directory, environment) = try ConciergeProcess.sandbox()
        let intents = directory.appendingPathComponent("intents")
        try FileManager.default.createDirectory(at: intents, withIntermediateDirectories: true)
        try "hello\nwhere is [10023(order_id)\n".write(
            to: intents.appendingPathComponent("order_status.txt"), atomically: true, encoding: .utf8)
        let output = try ConciergeProcess.run(
            ["chat", "--intents", intents.path, "--fixture", fixture], input: "hi\n", environment: environment)
        XCTAssertEqual(output.status, 65)
        XCTAssertTrue(output.stderr.contains("order_status.txt:2:"), output.stderr)
    }
}

/// readline on a real terminal: line editing, Ctrl-C, Ctrl-D, completion, history.
final class ChatTerminalTests: XCTestCase {
    private func startChat(_ environment: [String: String], extra: [String] = []) throws -> PseudoTerminal {
        try PseudoTerminal(
            executable: ConciergeProcess.binary.path,
            arguments: ["chat", "--customer", "C1001", "--fixture", "dialogues/fixtures/demo.json", "--seed", "1"] + extra,
            environment: environment.merging(["NO_COLOR": "1"]) { $1 },
            directory: ConciergeProcess.packageRoot.path)
    }

    func testCtrlCClearsTheLineAndCtrlDSaysGoodbye() throws {
        let (directory, environment) = try ConciergeProcess.sandbox()
        let terminal = try startChat(environment)
        XCTAssertTrue(terminal.waitFor("you › "), terminal.transcript)
        terminal.type("where is my ord")
        XCTAssertTrue(terminal.waitFor("where is my ord"))
        terminal.type("\u{03}")
        XCTAssertTrue(terminal.waitFor("^C"), terminal.transcript)
        // The half-typed words are gone: what follows is answered alone.
        terminal.type("order 10023\r")
        XCTAssertTrue(terminal.waitFor(timeout: 30) { $0.lowercased().contains("shipped") }, terminal.transcript)
        terminal.type("i paid with card 4111 1111 1111 1111\r")
        // Ctrl-D on an empty line, once readline shows the next prompt (and so reads keys raw again).
        XCTAssertTrue(terminal.waitFor { screen in
            screen.components(separatedBy: "1111 1111").last?.contains("you › ") ?? false
        }, terminal.transcript)
        // A Ctrl-D typed in the instant before readline puts the terminal in raw mode is swallowed by the
        // line discipline; a person would press it again, and so does the test.
        var status: Int32?
        for _ in 1...5 where status == nil {
            terminal.type("\u{04}")
            status = terminal.waitForExit(timeout: 3, keepRunning: true)
        }
        XCTAssertEqual(status ?? terminal.waitForExit(), 0, terminal.transcript)
        XCTAssertTrue(terminal.transcript.lowercased().contains("bye"), terminal.transcript)
        let history = try String(
            contentsOfFile: directory.appendingPathComponent("state/concierge/history").path, encoding: .utf8)
        XCTAssertTrue(history.contains("order 10023"), history)
        XCTAssertTrue(history.contains("i paid with card **** **** **** 1111"), history)
        XCTAssertFalse(history.contains("4111 1111"), "card numbers are masked in the history file")
        XCTAssertFalse(history.contains("where is my ordorder"), history)
    }

    func testTabCompletesSlashCommandsAndEscapeSequencesAreNotEchoed() throws {
        let (_, environment) = try ConciergeProcess.sandbox()
        let terminal = try startChat(environment)
        XCTAssertTrue(terminal.waitFor("you › "), terminal.transcript)
        terminal.type("/deb\t\r")
        XCTAssertTrue(terminal.waitFor("debug output on"), terminal.transcript)
        let before = terminal.transcript.count
        // A customer pasting a title-changing OSC sequence and a colour code.
        terminal.type("hi \u{1B}]0;pwned\u{07} there\r")
        XCTAssertTrue(terminal.waitFor { $0.count > before && $0.contains("[intent") }, terminal.transcript)
        XCTAssertFalse(terminal.transcript.contains("\u{1B}]0;pwned"), terminal.transcript.debugDescription)
        terminal.type("/quit\r")
        XCTAssertEqual(terminal.waitForExit(), 0, terminal.transcript)
    }
}
