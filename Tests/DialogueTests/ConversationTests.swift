import CRM
@testable import Dialogue
import XCTest

/// Whole conversations on a real in-memory CRMStore loaded from the QA fixture
/// (dialogues/fixtures/demo.json): signed in and anonymous, ownership, wrong emails, cancel,
/// digressions, handoff and an angry customer. No fakes for the store.
final class ConversationTests: XCTestCase {
    private static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    private var store: CRMStore!
    private var agent: Agent!

    override func setUpWithError() throws {
        let fixture = try Fixture.load(from: Self.packageRoot.appendingPathComponent("dialogues/fixtures/demo.json"))
        store = try CRMStore.inMemory(loading: fixture)
        agent = try TestAgent.make(intents: Self.packageRoot.appendingPathComponent("intents"))
    }

    private func session(_ customerID: String?, seed: UInt64 = 1) -> Session {
        Session(agent: agent, store: store, customerID: customerID, now: { testNow }, seed: seed)
    }

    private func say(_ session: Session, _ text: String) -> (reply: String, result: TurnResult) {
        let result = session.respond(to: text)
        return (result.replies.joined(separator: " "), result)
    }

    func testSignedInCustomerAsksWhereTheirOrderIs() throws {
        let alice = session("C1001")
        XCTAssertTrue(say(alice, "hi").reply.hasPrefix("Hello Alice"))
        let ask = say(alice, "where is my order?")
        XCTAssertEqual(ask.result.intent, "order_status")
        XCTAssertTrue(ask.reply.contains("order number"), ask.reply)

        let status = say(alice, "it's 10023")
        XCTAssertEqual(status.result.slots["order_id"], "10023")
        XCTAssertEqual(status.result.actions, ["lookup_order"])
        for fact in ["10023", "shipped", "UPS", "1Z999AA10123456784", "Trail Running Shoes", "Wednesday, November 25"] {
            XCTAssertTrue(status.reply.contains(fact), "\(fact) in: \(status.reply)")
        }

        let other = say(alice, "what about my other order?")
        XCTAssertEqual(other.result.actions, ["lookup_order"])
        XCTAssertTrue(other.reply.contains("10031"), other.reply)

        XCTAssertTrue(say(alice, "bye").result.ended)
        let logged = try store.turns(ofSession: alice.sessionID)
        XCTAssertGreaterThanOrEqual(logged.count, 5)
        XCTAssertEqual(logged[2].slots["order_id"], "10023")
        XCTAssertEqual(logged[2].actions, ["lookup_order"])
        XCTAssertEqual(logged[2].state, "idle")
    }

    func testASignedInCustomerCannotSeeAnotherCustomersOrder() {
        let alice = session("C1001")
        let bobs = say(alice, "where is order 10024")
        let missing = say(session("C1001"), "where is order 99999")
        XCTAssertEqual(bobs.result.actions, ["lookup_order"])
        XCTAssertFalse(bobs.reply.contains("Chef"), bobs.reply)
        XCTAssertEqual(bobs.reply, missing.reply.replacingOccurrences(of: "99999", with: "10024"))
    }

    func testAnAnonymousCustomerProvesTheOrderIsTheirsByEmail() {
        let guest = session(nil)
        let ask = say(guest, "where is order 10023")
        XCTAssertTrue(ask.reply.contains("email"), ask.reply)
        XCTAssertEqual(ask.result.actions, [])
        let wrong = say(guest, "bob.martinez@example.com")
        XCTAssertFalse(wrong.reply.contains("UPS"), wrong.reply)
        let right = say(guest, "oh sorry, it's alice@example.com")
        XCTAssertTrue(right.reply.contains("shipped"), right.reply)
        XCTAssertEqual(right.result.slots["email"], "alice@example.com")

        // Someone else's order and a missing one read the same.
        let probe1 = session(nil, seed: 5)
        _ = say(probe1, "status of order 10024")
        let notTheirs = say(probe1, "alice@example.com").reply
        let probe2 = session(nil, seed: 5)
        _ = say(probe2, "status of order 99999")
        let missing = say(probe2, "alice@example.com").reply
        XCTAssertEqual(notTheirs, missing.replacingOccurrences(of: "99999", with: "10024"))
    }

    func testThreeWrongEmailsStopTheTries() {
        let guest = session(nil)
        _ = say(guest, "where is my order 10023")
        XCTAssertFalse(say(guest, "carla.rossi@example.com").reply.contains("three"))
        XCTAssertFalse(say(guest, "dev.patel@example.com").reply.contains("three"))
        let third = say(guest, "emma.j@example.com")
        XCTAssertTrue(third.reply.contains("three times"), third.reply)
        XCTAssertTrue(third.reply.contains("person"), third.reply)
        _ = say(guest, "no thanks")
        let fourth = say(guest, "order 10023 alice@example.com")
        XCTAssertEqual(fourth.result.actions, [])
        XCTAssertFalse(fourth.reply.contains("shipped"), fourth.reply)
    }

    func testCancelLeavesTheFlow() {
        let guest = session(nil)
        _ = say(guest, "where is order 10023")
        let cancel = say(guest, "never mind")
        XCTAssertEqual(cancel.result.state, "idle")
        XCTAssertEqual(cancel.result.actions, [])
        XCTAssertTrue(cancel.reply.contains("dropped") || cancel.reply.contains("cancelled"), cancel.reply)
    }

    func testADigressionIsAnsweredAndTheQuestionResumes() {
        let alice = session("C1001")
        _ = say(alice, "where is my order")
        let digression = say(alice, "can you recommend some kitchen stuff")
        XCTAssertEqual(digression.result.actions, ["recommend_products"])
        XCTAssertTrue(digression.reply.lowercased().contains("back to your order question"), digression.reply)
        XCTAssertEqual(digression.result.state, "awaiting_order_number")
        let answer = say(alice, "10023")
        XCTAssertTrue(answer.reply.contains("shipped"), answer.reply)
    }

    func testTwoFailedTriesOfferAPersonAndYesHandsOff() {
        let alice = session("C1001")
        _ = say(alice, "where is my order")
        _ = say(alice, "i dont remember")
        let offer = say(alice, "no clue")
        XCTAssertEqual(offer.result.state, "offering_handoff")
        XCTAssertTrue(offer.reply.contains("person"), offer.reply)
        let handoff = say(alice, "yes please")
        XCTAssertEqual(handoff.result.actions, ["handoff"])
        XCTAssertTrue(handoff.reply.contains("one business day"), handoff.reply)
    }

    func testAnAngryCustomersComplaintIsUrgentAndStored() throws {
        let alice = session("C1001")
        _ = say(alice, "where is order 10023")
        let complaint = say(
            alice,
            "This is the worst service ever. It's unacceptable, I've been waiting for weeks and nobody answers my emails!!!")
        XCTAssertEqual(complaint.result.actions, ["log_complaint"])
        XCTAssertEqual(complaint.result.sentiment.label, "negative")
        XCTAssertTrue(complaint.reply.contains("urgent"), complaint.reply)
        XCTAssertTrue(complaint.reply.contains("person will follow up"), complaint.reply)
        let stored = try XCTUnwrap(store.complaints().first)
        XCTAssertEqual(stored.priority, .urgent)
        XCTAssertEqual(stored.customerID, "C1001")
        XCTAssertEqual(stored.orderID, "10023")
        XCTAssertTrue(complaint.reply.contains(stored.ticket), complaint.reply)
    }

    func testRecommendationsNeverRepeatWhatTheCustomerOwns() throws {
        let alice = session("C1001")
        let picks = say(alice, "can you recommend something")
        XCTAssertEqual(picks.result.actions, ["recommend_products"])
        for owned in ["Trail Running Shoes", "Running Shorts", "Energy Gels"] {
            XCTAssertFalse(picks.reply.contains(owned), picks.reply)
        }
        let kitchen = say(alice, "anything for the kitchen under $50?")
        XCTAssertEqual(kitchen.result.slots["category"], "kitchen")
        XCTAssertEqual(kitchen.result.slots["budget"], "50")
    }
}
