@testable import Dialogue
import XCTest

/// Whole conversations through `Session` on the fake store and keyword classifier: the wiring of
/// understanding, state machine, store and templates. The same conversations run on a real CRMStore
/// and the trained classifier in ConversationTests.
final class SessionTests: XCTestCase {
    private let agent = Agent(classifier: KeywordClassifier(), scorer: KeywordScorer())

    private func session(_ customerID: String?, records: FakeRecords = FakeRecords(), seed: UInt64 = 7) -> Session {
        Session(agent: agent, records: records, customerID: customerID, now: { testNow }, seed: seed)
    }

    private func reply(_ result: TurnResult) -> String {
        result.replies.joined(separator: " ")
    }

    func testASignedInCustomerGetsTheirOrderInPlainWords() {
        let session = session("C1001")
        XCTAssertTrue(session.opening.joined().hasPrefix("Hello Alice"))
        XCTAssertTrue(reply(session.respond(to: "hi")).hasPrefix("Hello Alice"))
        let ask = session.respond(to: "where is my order?")
        XCTAssertEqual(ask.intent, "order_status")
        XCTAssertTrue(reply(ask).contains("order number"), reply(ask))
        XCTAssertEqual(ask.state, "awaiting_order_number")
        XCTAssertEqual(ask.actions, [])

        let answer = session.respond(to: "it's 10023")
        XCTAssertEqual(answer.slots, ["order_id": "10023"])
        XCTAssertEqual(answer.actions, ["lookup_order"])
        XCTAssertEqual(answer.intent, "order_status")
        for fact in ["10023", "shipped", "UPS", "1Z999AA10123456784", "Trail Running Shoes", "Wednesday, November 25"] {
            XCTAssertTrue(reply(answer).contains(fact), "\(fact) in \(reply(answer))")
        }
        XCTAssertEqual(answer.state, "idle")
        let bye = session.respond(to: "bye")
        XCTAssertTrue(bye.ended)
    }

    func testEveryTurnIsWrittenToTheConversationLog() {
        let records = FakeRecords()
        let session = session("C1001", records: records)
        _ = session.respond(to: "hello")
        _ = session.respond(to: "")
        _ = session.respond(to: "where is order 10023")
        XCTAssertEqual(records.turns.map(\.index), [1, 2, 3])
        XCTAssertEqual(records.turns.map(\.intent), ["greet", "out_of_scope", "order_status"])
        XCTAssertEqual(records.turns[2].actions, ["lookup_order"])
        XCTAssertTrue(records.turns[2].reply.contains("10023"))
        XCTAssertEqual(Set(records.turns.map(\.sessionID)).count, 1)
    }

    func testAnonymousCustomersSeeOnlyOrdersWhoseEmailTheyGive() {
        let session = session(nil)
        let ask = session.respond(to: "where is order 10023")
        XCTAssertEqual(ask.actions, [])
        XCTAssertTrue(reply(ask).contains("email"))
        let wrong = session.respond(to: "bob@example.com")
        XCTAssertEqual(wrong.actions, ["lookup_order"])
        XCTAssertFalse(reply(wrong).contains("UPS"))

        // Bob's real order and a missing order read the same to Alice's guesser.
        let other = self.session(nil)
        _ = other.respond(to: "where is order 99999")
        let missing = other.respond(to: "bob@example.com")
        XCTAssertEqual(reply(wrong), reply(missing).replacingOccurrences(of: "99999", with: "10023"))

        let right = session.respond(to: "sorry, it's alice@example.com")
        XCTAssertEqual(right.slots["email"], "alice@example.com")
        XCTAssertTrue(reply(right).contains("shipped"), reply(right))
    }

    func testThreeWrongEmailsEndTheTriesAndOfferAPerson() {
        let session = session(nil)
        _ = session.respond(to: "where is my order 10023")
        _ = session.respond(to: "a@example.com")
        _ = session.respond(to: "b@example.com")
        let third = session.respond(to: "c@example.com")
        XCTAssertTrue(reply(third).contains("three times"), reply(third))
        XCTAssertEqual(third.state, "offering_handoff")
        let yes = session.respond(to: "yes")
        XCTAssertEqual(yes.actions, ["handoff"])
        let again = session.respond(to: "order 10023, alice@example.com")
        XCTAssertEqual(again.actions, [])
        XCTAssertFalse(reply(again).contains("shipped"))
    }

    func testBadInputGetsACalmReplyAndIsNeverEchoed() {
        let session = session(nil)
        XCTAssertFalse(reply(session.respond(to: "")).isEmpty)
        XCTAssertFalse(reply(session.respond(to: "   \t  ")).isEmpty)
        let escape = session.respond(to: "\u{1B}]0;pwned\u{07}\u{1B}[2J hello \u{1B}[31mred")
        XCTAssertFalse(reply(escape).unicodeScalars.contains { $0.value < 0x20 })
        let huge = session.respond(to: String(repeating: "where is my order ", count: 60_000))
        XCTAssertTrue(reply(huge).contains("long"), reply(huge))
        XCTAssertEqual(session.respond(to: "\u{0}\u{7F}").intent, "out_of_scope")
    }

    func testCardNumbersAreMaskedBeforeTheyAreStoredOrLogged() {
        let records = FakeRecords()
        let session = session("C1001", records: records)
        let result = session.respond(to: "I complain: you charged my card 4111 1111 1111 1111 twice for a broken order")
        XCTAssertEqual(result.actions, ["log_complaint"])
        XCTAssertEqual(records.complaints.count, 1)
        XCTAssertFalse(records.complaints[0].text.contains("4111 1111 1111 1111"))
        XCTAssertTrue(records.complaints[0].text.contains("1111"))
        XCTAssertFalse(records.turns.last?.text.contains("4111 1111") ?? true)
        XCTAssertTrue(reply(result).contains("T-1001"))
    }

    func testAnAngryComplaintIsUrgentAndAPersonWillFollowUp() {
        let records = FakeRecords()
        let session = session("C1001", records: records)
        let result = session.respond(to: "this is the worst service ever, my order 10023 is late and nobody answers")
        XCTAssertEqual(result.actions, ["log_complaint"])
        XCTAssertEqual(records.complaints.first?.orderID, "10023")
        XCTAssertTrue(reply(result).contains("urgent"), reply(result))
        XCTAssertTrue(reply(result).contains("person will follow up"), reply(result))
    }

    func testAStoreThatFailsIsToldNotCrashed() {
        let records = FakeRecords()
        let session = session("C1001", records: records)
        records.failing = true
        let lookup = session.respond(to: "where is order 10023")
        XCTAssertEqual(lookup.actions, ["lookup_order"])
        XCTAssertTrue(reply(lookup).contains("can't reach"), reply(lookup))
        let complaint = session.respond(to: "I want to complain, the box was crushed and the shoes are broken")
        XCTAssertTrue(reply(complaint).contains("not stored") || reply(complaint).contains("couldn't save"), reply(complaint))
    }

    func testTheSameSeedGivesTheSameConversation() {
        let lines = ["hi", "recommend some shoes", "something cheaper", "thanks", "bye"]
        let first = session("C1001", seed: 99)
        let second = session("C1001", seed: 99)
        for line in lines {
            XCTAssertEqual(first.respond(to: line).replies, second.respond(to: line).replies, line)
        }
    }

    func testRecommendationsNarrowAndGetCheaper() {
        let session = session(nil)
        let shoes = session.respond(to: "can you recommend some shoes under $100")
        XCTAssertEqual(shoes.actions, ["recommend_products"])
        XCTAssertEqual(shoes.slots, ["category": "shoes", "budget": "100", "product": "shoes"])
        XCTAssertTrue(reply(shoes).contains("Trail Running Shoes"), reply(shoes))
        let cheaper = session.respond(to: "something cheaper")
        XCTAssertEqual(cheaper.intent, "recommend_products")
        XCTAssertFalse(reply(cheaper).contains("Trail Running Shoes"), reply(cheaper))
    }
}

final class DialogueBenchmarkTests: XCTestCase {
    func testTheBenchmarkRunsEveryScriptedReply() {
        let agent = Agent(classifier: KeywordClassifier(), scorer: KeywordScorer())
        let report = DialogueBenchmark.run(agent: agent, records: FakeRecords(), rounds: 2, now: { testNow })
        let lines = DialogueBenchmark.standardScripts.map(\.lines.count).reduce(0, +)
        XCTAssertEqual(report.replies, 2 * lines)
        XCTAssertEqual(report.sessions, 2 * DialogueBenchmark.standardScripts.count)
        XCTAssertLessThanOrEqual(report.p50Milliseconds, report.p99Milliseconds)
    }
}
