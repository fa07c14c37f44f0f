import CRM
import Foundation
import TextKit
@testable import Transcripts

/// A tiny deterministic agent for testing the runner on its own: it answers from a table of rules,
/// so a failing runner test points at the runner, never at the real agent.
struct ScriptedAgent: TranscriptAgent {
    /// A fixture is just its customer IDs here: `{"customers": [{"id": "C1"}]}`.
    typealias FixtureData = [String]

    /// The customers known when a transcript names no fixture.
    var defaultCustomers: [String] = ["C1001"]

    func loadFixture(at url: URL) throws -> [String] {
        struct File: Decodable { struct Customer: Decodable { var id: String }; var customers: [Customer] }
        return try JSONDecoder().decode(File.self, from: Data(contentsOf: url)).customers.map(\.id)
    }

    func knowsCustomer(_ customerID: String, in fixture: [String]?) -> Bool {
        (fixture ?? defaultCustomers).contains(customerID)
    }

    func startConversation(fixture: [String]?, customerID: String?, now: Date, seed: UInt64) throws
        -> any ConversationUnderTest {
        Conversation(customerID: customerID, today: CivilDate(now))
    }

    final class Conversation: ConversationUnderTest {
        let customerID: String?
        let today: CivilDate
        var turns = 0

        init(customerID: String?, today: CivilDate) {
            self.customerID = customerID
            self.today = today
        }

        func respond(to text: String) -> TurnOutcome {
            turns += 1
            let safe = CardNumberMasker.mask(TerminalText.sanitized(text))
            let lower = safe.lowercased()
            if lower.contains("hello") || lower == "hi" {
                return TurnOutcome(replies: ["Hello \(customerID ?? "there")!", "How can I help?"], intent: "greet",
                                   confidence: 0.9, sentiment: "positive", sentimentScore: 0.4)
            }
            if lower.contains("where is my order") {
                return TurnOutcome(replies: ["Sure.", "What is the order number?"], intent: "order_status", confidence: 0.8)
            }
            if let number = lower.split(separator: " ").first(where: { $0.count == 5 && $0.allSatisfy(\.isNumber) }) {
                let orderID = String(number)
                return TurnOutcome(replies: ["Order \(orderID) has shipped.\nIt arrives on \(today)."], intent: "order_status",
                                   confidence: 0.7, slots: ["order_id": orderID], actions: ["lookup_order"])
            }
            if lower.contains("terrible") {
                return TurnOutcome(replies: ["I'm sorry.", "Ticket *T-1* is logged \\ a person will follow up."],
                                   intent: "complaint", confidence: 0.6, actions: ["log_complaint", "handoff"],
                                   sentiment: "negative", sentimentScore: -0.8)
            }
            if lower == "bye" {
                return TurnOutcome(replies: ["Goodbye!"], intent: "goodbye", ended: true)
            }
            if lower.trimmingCharacters(in: .whitespaces).isEmpty {
                return TurnOutcome(replies: [], intent: "out_of_scope", confidence: 0)
            }
            return TurnOutcome(replies: ["You said: \(safe)"], intent: "out_of_scope", confidence: 0.1)
        }
    }
}

/// A scratch folder removed when the test ends.
final class ScratchFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("transcripts-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    @discardableResult
    func write(_ text: String, to path: String) throws -> URL {
        let file = url.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
        return file
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }
}
