import Dispatch
import CRM
import Foundation

/// Runs transcripts against an agent, each in isolation, several at a time.
///
/// Every transcript gets a conversation of its own (its own database, loaded from its fixture; its own
/// session; the clock stopped at noon UTC of `@today`; the same seed), so the order and the parallelism
/// of a run never change an outcome. The agent itself (the trained classifier) is built once by the
/// caller and shared: it is an immutable `Sendable` value. Fixtures are read once per run.
public struct TranscriptRunner<Agent: TranscriptAgent>: Sendable {
    /// The day the agent believes it is when a transcript gives no `@today`.
    public static var defaultDay: CivilDate { CivilDate("2026-11-23") ?? CivilDate(Date(timeIntervalSince1970: 0)) }
    /// The random seed of every conversation.
    public static var seed: UInt64 { 20261123 }

    public let agent: Agent
    /// How many transcripts run at once.
    public let jobs: Int

    public init(agent: Agent, jobs: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.agent = agent
        self.jobs = max(1, jobs)
    }

    /// A transcript with its fixture loaded, ready to run.
    public struct Prepared: Sendable {
        public var transcript: Transcript
        public var fixture: Agent.FixtureData?
    }

    /// Loads each fixture once and checks every `@customer` against its fixture. Throws every problem
    /// found (a missing or broken fixture, an unknown customer), each with its file and line.
    public func prepare(_ transcripts: [Transcript]) throws(TranscriptErrors) -> [Prepared] {
        try FixturePreparation.prepare(transcripts, loader: agent).map { Prepared(transcript: $0.transcript, fixture: $0.fixture) }
    }

    /// Prepares and runs `transcripts`, `jobs` at a time; the results keep the given order.
    public func run(_ transcripts: [Transcript]) throws(TranscriptErrors) -> TestReport {
        let prepared = try prepare(transcripts)
        return run(prepared)
    }

    /// Runs prepared transcripts, `jobs` at a time; the results keep the given order.
    public func run(_ prepared: [Prepared]) -> TestReport {
        let start = DispatchTime.now().uptimeNanoseconds
        let results = ParallelMap.map(prepared, jobs: jobs) { run($0) }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return TestReport(results: results, seconds: seconds)
    }

    /// Runs one prepared transcript in a conversation of its own.
    public func run(_ prepared: Prepared) -> TranscriptResult {
        let start = DispatchTime.now().uptimeNanoseconds
        let transcript = prepared.transcript
        var failures: [TranscriptFailure] = []
        var turnsRun = 0
        do {
            let day = transcript.today?.value ?? Self.defaultDay
            let conversation = try agent.startConversation(
                fixture: prepared.fixture, customerID: transcript.customerID, now: day.noonUTC, seed: Self.seed)
            var endedAfter: Int?
            for (index, turn) in transcript.turns.enumerated() {
                if let ended = endedAfter {
                    failures.append(TranscriptFailure(
                        line: turn.line, turn: index + 1, turnLine: turn.line, turnText: turn.text,
                        message: "the conversation already ended after turn \(ended) (line \(transcript.turns[ended - 1].line))",
                        expected: "> " + turn.text, actual: "(no conversation)", replies: []))
                    break
                }
                let outcome = conversation.respond(to: turn.text)
                turnsRun += 1
                failures += Self.evaluate(turn, number: index + 1, outcome: outcome)
                if outcome.ended { endedAfter = index + 1 }
            }
        } catch {
            let line = transcript.customer?.line ?? transcript.fixture?.line ?? 1
            failures.append(TranscriptFailure(
                line: line, turn: 0, turnLine: 0, turnText: "",
                message: "the conversation could not start: \(error)", expected: "a conversation",
                actual: String(describing: error), replies: []))
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return TranscriptResult(file: transcript.file, turns: turnsRun, failures: failures, seconds: seconds)
    }

    /// The checks and assertions of `turn` that do not hold on `outcome`, in line order.
    static func evaluate(_ turn: Turn, number: Int, outcome: TurnOutcome) -> [TranscriptFailure] {
        let reply = Reply(outcome.replies)
        var failures: [TranscriptFailure] = []
        func fail(_ line: Int, _ message: String, expected: String, actual: String) {
            failures.append(TranscriptFailure(
                line: line, turn: number, turnLine: turn.line, turnText: turn.text, message: message,
                expected: expected, actual: actual, replies: outcome.replies))
        }
        for check in turn.checks where !check.holds(on: reply) {
            let message: String
            switch (check.matcher, check.negated) {
            case (.glob, false): message = "the reply does not match"
            case (.glob, true): message = "the reply matches, but must not"
            case (.regex, false): message = "the pattern is not found in the reply"
            case (.regex, true): message = "the pattern is found in the reply, but must not be"
            }
            fail(check.line, message, expected: check.source, actual: reply.normalized)
        }
        for assertion in turn.assertions {
            switch assertion {
            case .intent(let name, let line) where name != outcome.intent:
                let confidence = String(format: "%.2f", outcome.confidence)
                fail(line, "expected intent '\(name)', got '\(outcome.intent)' (confidence \(confidence))",
                     expected: assertion.source, actual: "= intent \(outcome.intent)")
            case .slot(let name, let value, let line):
                guard let actual = outcome.slots[name] else {
                    let filled = outcome.slots.keys.sorted().map { "\($0) \(outcome.slots[$0] ?? "")" }
                    let summary = filled.isEmpty ? "none" : filled.joined(separator: ", ")
                    fail(line, "expected slot \(name) '\(value)', but the turn did not fill \(name) (filled: \(summary))",
                         expected: assertion.source, actual: "no slot \(name)")
                    continue
                }
                if !Self.slotValue(actual, equals: value) {
                    fail(line, "expected slot \(name) '\(value)', got '\(actual)'",
                         expected: assertion.source, actual: "= slot \(name) \(actual)")
                }
            case .action(let name, let line) where !outcome.actions.contains(name):
                let ran = outcome.actions.isEmpty ? "none" : outcome.actions.map { "'\($0)'" }.joined(separator: ", ")
                fail(line, "expected action '\(name)', got \(ran)",
                     expected: assertion.source, actual: "= action " + Self.actionList(outcome.actions))
            case .noAction(let line) where !outcome.actions.isEmpty:
                fail(line, "expected no action, got " + outcome.actions.map { "'\($0)'" }.joined(separator: ", "),
                     expected: assertion.source, actual: "= action " + Self.actionList(outcome.actions))
            case .sentiment(let label, let line) where label != outcome.sentiment:
                let score = String(format: "%.2f", outcome.sentimentScore)
                fail(line, "expected sentiment \(label), got \(outcome.sentiment) (score \(score))",
                     expected: assertion.source, actual: "= sentiment \(outcome.sentiment)")
            default:
                continue
            }
        }
        return failures.sorted { $0.line < $1.line }
    }

    /// Slot values compare with case ignored and white space collapsed, and numbers by value
    /// (`= slot budget 50` holds for `50.0`).
    static func slotValue(_ actual: String, equals expected: String) -> Bool {
        let left = Reply.collapsingWhitespace(actual).lowercased()
        let right = Reply.collapsingWhitespace(expected).lowercased()
        if left == right { return true }
        if let a = Double(left), let b = Double(right) { return a == b }
        return false
    }

    static func actionList(_ actions: [String]) -> String {
        actions.isEmpty ? "none" : actions.joined(separator: ", ")
    }
}

/// Loading transcripts' fixtures (each file once) and checking their customers, for the runner and `validate`.
public enum FixturePreparation {
    /// Loads each fixture once and checks every `@customer` against its fixture. Throws every problem
    /// found (a missing or broken fixture, an unknown customer), each with its file and line.
    public static func prepare<Loader: TranscriptFixtureLoader>(
        _ transcripts: [Transcript], loader: Loader
    ) throws(TranscriptErrors) -> [(transcript: Transcript, fixture: Loader.FixtureData?)] {
        var fixtures: [URL: Result<Loader.FixtureData, TranscriptFixtureProblem>] = [:]
        var errors: [TranscriptError] = []
        var prepared: [(transcript: Transcript, fixture: Loader.FixtureData?)] = []
        for transcript in transcripts {
            var data: Loader.FixtureData?
            if let reference = transcript.fixture {
                let loaded = fixtures[reference.url] ?? Result { () throws(TranscriptFixtureProblem) in
                    guard FileManager.default.fileExists(atPath: reference.url.path) else {
                        throw TranscriptFixtureProblem(message: "fixture '\(reference.written)' not found (\(reference.url.path))")
                    }
                    do {
                        return try loader.loadFixture(at: reference.url)
                    } catch {
                        // The fixture's own error names its file and entry; keep it on this one line.
                        let reason = String(describing: error).replacingOccurrences(of: ": error: ", with: ": ")
                        throw TranscriptFixtureProblem(message: "fixture '\(reference.written)' does not load: \(reason)")
                    }
                }
                fixtures[reference.url] = loaded
                switch loaded {
                case .success(let value):
                    data = value
                case .failure(let problem):
                    errors.append(.fixture(file: transcript.file, line: reference.line ?? 1, message: problem.message))
                    continue
                }
            }
            if let customer = transcript.customer, !loader.knowsCustomer(customer.value, in: data) {
                let source = transcript.fixture.map { "fixture '\($0.written)'" } ?? "the default CRM data"
                errors.append(.fixture(file: transcript.file, line: customer.line,
                                       message: "unknown customer '\(customer.value)': not in \(source)"))
                continue
            }
            prepared.append((transcript, data))
        }
        guard errors.isEmpty else { throw TranscriptErrors(errors) }
        return prepared
    }
}

/// Why a fixture could not be used, said once and repeated for each transcript that names it.
struct TranscriptFixtureProblem: Error {
    var message: String
}

/// `map` over `jobs` worker threads, keeping the order of the input.
enum ParallelMap {
    static func map<Element: Sendable, Output: Sendable>(
        _ elements: [Element], jobs: Int, _ transform: @Sendable @escaping (Element) -> Output
    ) -> [Output] {
        guard jobs > 1, elements.count > 1 else { return elements.map(transform) }
        let box = ResultBox<Output>(count: elements.count)
        DispatchQueue.concurrentPerform(iterations: min(jobs, elements.count)) { _ in
            while let index = box.nextIndex() {
                box.store(transform(elements[index]), at: index)
            }
        }
        return box.results()
    }

    /// The shared work counter and result slots of one `map`, guarded by a lock.
    private final class ResultBox<Output: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var next = 0
        private var slots: [Output?]

        init(count: Int) {
            slots = Array(repeating: nil, count: count)
        }

        func nextIndex() -> Int? {
            lock.lock()
            defer { lock.unlock() }
            guard next < slots.count else { return nil }
            next += 1
            return next - 1
        }

        func store(_ value: Output, at index: Int) {
            lock.lock()
            slots[index] = value
            lock.unlock()
        }

        func results() -> [Output] {
            lock.lock()
            defer { lock.unlock() }
            return slots.compactMap { $0 }
        }
    }
}
