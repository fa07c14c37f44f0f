import Foundation

/// Times `Session.respond(to:)` over a scripted conversation: one reply, end to end (understanding,
/// state machine, store actions, conversation log, wording), without terminal output.
public enum DialogueBenchmark {
    /// One scripted conversation: who is signed in and what they type.
    public struct Script: Sendable {
        public var customerID: String?
        public var lines: [String]

        public init(customerID: String?, lines: [String]) {
            self.customerID = customerID
            self.lines = lines
        }
    }

    /// The conversations `concierge bench dialogue` runs on the demo data: signed in and anonymous,
    /// touching every flow and every store action.
    public static let standardScripts: [Script] = [
        Script(customerID: "C1001", lines: [
            "hi", "where is my order?", "it's 10023", "what about my other order?",
            "can you recommend some shoes under $100", "something cheaper", "I want to complain",
            "the box arrived crushed and the shoes are scuffed", "thanks", "bye",
        ]),
        Script(customerID: nil, lines: [
            "hello", "where is order 10023", "bob@example.com", "alice@example.com", "what can you do?",
            "recommend a gift for a runner", "let me talk to a person", "what's the weather like", "goodbye",
        ]),
    ]

    public struct Report: Sendable, Codable {
        public var replies: Int
        public var sessions: Int
        public var p50Milliseconds: Double
        public var p90Milliseconds: Double
        public var p99Milliseconds: Double
        public var meanMilliseconds: Double
        public var maxMilliseconds: Double

        enum CodingKeys: String, CodingKey {
            case replies, sessions
            case p50Milliseconds = "p50_ms", p90Milliseconds = "p90_ms", p99Milliseconds = "p99_ms"
            case meanMilliseconds = "mean_ms", maxMilliseconds = "max_ms"
        }
    }

    /// Runs each script `rounds` times (each in a fresh session with its own seed) and times every reply.
    public static func run(
        agent: Agent, records: any CustomerRecords, scripts: [Script] = standardScripts, rounds: Int,
        now: @escaping @Sendable () -> Date
    ) -> Report {
        var samples: [Double] = []
        var sessions = 0
        let clock = ContinuousClock()
        for round in 0..<max(1, rounds) {
            for script in scripts {
                let session = Session(
                    agent: agent, records: records, customerID: script.customerID, now: now, seed: UInt64(round))
                sessions += 1
                for line in script.lines {
                    let elapsed = clock.measure { _ = session.respond(to: line) }
                    samples.append(Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1e3)
                }
            }
        }
        samples.sort()
        func percentile(_ p: Double) -> Double {
            samples[min(samples.count - 1, Int((p * Double(samples.count)).rounded(.up)) - 1)]
        }
        return Report(
            replies: samples.count, sessions: sessions, p50Milliseconds: percentile(0.5),
            p90Milliseconds: percentile(0.9), p99Milliseconds: percentile(0.99),
            meanMilliseconds: samples.reduce(0, +) / Double(samples.count), maxMilliseconds: samples.last ?? 0)
    }
}
