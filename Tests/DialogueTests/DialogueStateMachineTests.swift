@testable import Dialogue
import XCTest

/// The state machine driven event by event, with no I/O: each test reads as a conversation and checks
/// every action the machine asks for.
final class DialogueStateMachineTests: XCTestCase {
    private let alice = DialogueStateMachine.Customer(id: "C1001", firstName: "Alice", orderIDs: ["10031", "10023"])
    private let shipped = OrderFacts(
        id: "10023", status: "shipped", items: [.init(name: "Trail Running Shoes", quantity: 1)],
        carrier: "UPS", tracking: "1Z999AA10123456784", placed: "2026-11-02", eta: "2026-11-25")

    private func turn(
        _ text: String, _ intent: String, sentiment: Double = 0, _ slots: Slots = Slots()
    ) -> UnderstoodTurn {
        UnderstoodTurn(text: text, intent: intent, confidence: 0.9, sentiment: sentiment, slots: slots)
    }

    private func replyKeys(_ actions: [DialogueAction]) -> [ReplyKey] {
        actions.compactMap { if case let .reply(key, _) = $0 { key } else { nil } }
    }

    // MARK: Order status

    func testAsksForTheOrderNumberThenLooksItUpForTheSignedInCustomer() {
        var machine = DialogueStateMachine(customer: alice)
        XCTAssertEqual(machine.receive(turn("where is my order?", "order_status")), [.reply(.askOrderNumber, [:])])
        XCTAssertEqual(machine.stateName, "awaiting_order_number")

        // The classifier thinks "it's 10023" is out of scope; the machine knows what it asked for.
        XCTAssertEqual(
            machine.receive(turn("it's 10023", "out_of_scope", Slots(orderID: "10023"))),
            [.lookUpOrder(id: "10023", credential: .customer(id: "C1001"))])
        XCTAssertEqual(machine.lastIntent, "order_status")
        XCTAssertEqual(machine.stateName, "looking_up_order")

        let actions = machine.orderLookedUp(shipped, today: testNow)
        XCTAssertEqual(actions, [.reply(.orderShipped, [
            "order_id": "10023", "status": "shipped", "items": "Trail Running Shoes", "carrier": "UPS",
            "tracking": "1Z999AA10123456784", "placed": "Monday, November 2", "eta": "Wednesday, November 25",
        ])])
        XCTAssertEqual(machine.stateName, "idle")
    }

    func testAnOrderNumberInTheFirstTurnIsLookedUpAtOnce() {
        var machine = DialogueStateMachine(customer: alice)
        XCTAssertEqual(
            machine.receive(turn("where is order 10023", "order_status", Slots(orderID: "10023"))),
            [.lookUpOrder(id: "10023", credential: .customer(id: "C1001"))])
    }

    func testAnAnonymousSessionMustGiveTheOrdersEmail() {
        var machine = DialogueStateMachine(customer: nil)
        XCTAssertEqual(
            machine.receive(turn("where is order 10023", "order_status", Slots(orderID: "10023"))),
            [.reply(.askEmail, ["order_id": "10023"])])
        XCTAssertEqual(machine.stateName, "awaiting_email")
        XCTAssertEqual(
            machine.receive(turn("alice@example.com", "provide_email", Slots(email: "alice@example.com"))),
            [.lookUpOrder(id: "10023", credential: .email("alice@example.com"))])
        XCTAssertEqual(replyKeys(machine.orderLookedUp(shipped, today: testNow)), [.orderShipped])
    }

    func testSomeoneElsesOrderGetsTheSameReplyAsAMissingOne() {
        var first = DialogueStateMachine(customer: nil)
        _ = first.receive(turn("order 10023", "order_status", Slots(orderID: "10023")))
        _ = first.receive(turn("bob@example.com", "provide_email", Slots(email: "bob@example.com")))
        let notYours = first.orderLookedUp(nil, today: testNow)

        var second = DialogueStateMachine(customer: nil)
        _ = second.receive(turn("order 10023", "order_status", Slots(orderID: "10023")))
        _ = second.receive(turn("bob@example.com", "provide_email", Slots(email: "bob@example.com")))
        let missing = second.orderLookedUp(nil, today: testNow)

        XCTAssertEqual(notYours, missing)
        XCTAssertEqual(notYours, [.reply(.orderNotFoundAnonymous, ["order_id": "10023"])])
    }

    func testThreeWrongEmailsStopTheLookupsForTheSession() {
        var machine = DialogueStateMachine(customer: nil)
        _ = machine.receive(turn("order 10023", "order_status", Slots(orderID: "10023")))
        for attempt in 1...3 {
            let email = "guess\(attempt)@example.com"
            XCTAssertEqual(
                machine.receive(turn(email, "provide_email", Slots(email: email))),
                [.lookUpOrder(id: "10023", credential: .email(email))], "attempt \(attempt)")
            let reply = machine.orderLookedUp(nil, today: testNow)
            if attempt < 3 {
                XCTAssertEqual(reply, [.reply(.orderNotFoundAnonymous, ["order_id": "10023"])])
                XCTAssertEqual(machine.stateName, "awaiting_email")
            } else {
                XCTAssertEqual(reply, [.reply(.identificationLocked, ["order_id": "10023"])])
                XCTAssertEqual(machine.stateName, "offering_handoff")
            }
        }
        // No more lookups, whatever the wording, even with the right email.
        XCTAssertEqual(machine.receive(turn("no", "deny")), [.reply(.handoffDeclined, [:])])
        XCTAssertEqual(
            machine.receive(turn("order 10023 alice@example.com", "order_status",
                                 Slots(orderID: "10023", email: "alice@example.com"))),
            [.reply(.identificationStillLocked, [:])])
    }

    func testTwoTurnsWithoutTheNumberOfferAPersonAndYesHandsOff() {
        var machine = DialogueStateMachine(customer: alice)
        _ = machine.receive(turn("where is my order", "order_status"))
        XCTAssertEqual(machine.receive(turn("i dont know", "deny")), [.reply(.askOrderNumberAgain, [:])])
        XCTAssertEqual(
            machine.receive(turn("no idea sorry", "out_of_scope")),
            [.reply(.offerHandoffStuck, ["flow": "your order question"])])
        XCTAssertEqual(machine.stateName, "offering_handoff")
        XCTAssertEqual(machine.receive(turn("yes please", "affirm")), [.handoff(.stuck), .reply(.handoff, [:])])
        XCTAssertEqual(machine.stateName, "idle")
        // Asking again does not hand off twice.
        XCTAssertEqual(machine.receive(turn("a person please", "human_agent")), [.reply(.alreadyHandedOff, [:])])
    }

    func testAMissingOrderOfASignedInCustomerIsAskedForAgain() {
        var machine = DialogueStateMachine(customer: alice)
        _ = machine.receive(turn("order 99999", "order_status", Slots(orderID: "99999")))
        XCTAssertEqual(
            machine.orderLookedUp(nil, today: testNow),
            [.reply(.orderNotFound, ["order_id": "99999"]), .reply(.askOrderNumberAgain, [:])])
        _ = machine.receive(turn("88888", "out_of_scope", Slots(orderID: "88888")))
        XCTAssertEqual(
            machine.orderLookedUp(nil, today: testNow),
            [.reply(.orderNotFound, ["order_id": "88888"]), .reply(.offerHandoffStuck, ["flow": "your order question"])])
    }

    func testMyOtherOrderPicksTheOrderNotYetShown() {
        var machine = DialogueStateMachine(customer: alice)
        _ = machine.receive(turn("order 10023", "order_status", Slots(orderID: "10023")))
        _ = machine.orderLookedUp(shipped, today: testNow)
        XCTAssertEqual(
            machine.receive(turn("what about my other order?", "order_status", Slots(references: [.otherOrder]))),
            [.lookUpOrder(id: "10031", credential: .customer(id: "C1001"))])

        var single = DialogueStateMachine(customer: .init(id: "C1001", firstName: "Alice", orderIDs: ["10023"]))
        _ = single.receive(turn("order 10023", "order_status", Slots(orderID: "10023")))
        _ = single.orderLookedUp(shipped, today: testNow)
        XCTAssertEqual(
            single.receive(turn("and my other order?", "out_of_scope", Slots(references: [.otherOrder]))),
            [.reply(.noOtherOrder, [:])])
    }

    func testAnAnonymousCustomerWhoProvedTheirEmailIsNotAskedAgain() {
        var machine = DialogueStateMachine(customer: nil)
        _ = machine.receive(turn("order 10023 alice@example.com", "order_status",
                                 Slots(orderID: "10023", email: "alice@example.com")))
        _ = machine.orderLookedUp(shipped, today: testNow)
        XCTAssertEqual(
            machine.receive(turn("and order 10031?", "order_status", Slots(orderID: "10031"))),
            [.lookUpOrder(id: "10031", credential: .email("alice@example.com"))])
    }

    func testALateOrderIsSaidToBeDue() {
        var order = shipped
        order.eta = "2026-11-20"
        let facts = OrderDescription(order: order, today: testNow).facts
        XCTAssertEqual(facts["due"], "Friday, November 20")
        XCTAssertNil(facts["eta"])
        order.eta = "2026-11-24"
        XCTAssertEqual(OrderDescription(order: order, today: testNow).facts["eta"], "tomorrow (Tuesday, November 24)")
        order.eta = "2027-01-04"
        XCTAssertEqual(OrderDescription(order: order, today: testNow).facts["eta"], "Monday, January 4, 2027")
    }

    // MARK: Cancel and digressions

    func testCancelLeavesAnyFlow() {
        var machine = DialogueStateMachine(customer: nil)
        _ = machine.receive(turn("order 10023", "order_status", Slots(orderID: "10023")))
        XCTAssertEqual(
            machine.receive(turn("never mind", "cancel")), [.reply(.cancelled, ["flow": "your order question"])])
        XCTAssertEqual(machine.stateName, "idle")
        XCTAssertEqual(machine.receive(turn("cancel", "cancel")), [.reply(.nothingToCancel, [:])])

        _ = machine.receive(turn("i want to complain", "complaint"))
        XCTAssertEqual(machine.stateName, "awaiting_complaint_details")
        XCTAssertEqual(machine.receive(turn("forget it", "cancel")), [.reply(.cancelled, ["flow": "your complaint"])])
    }

    func testCancellingAnOrderIsNotLeavingAFlow() {
        var machine = DialogueStateMachine(customer: alice)
        XCTAssertEqual(
            machine.receive(turn("cancel my order 10023", "cancel", Slots(orderID: "10023"))),
            [.reply(.cannotCancelOrders, [:])])
    }

    func testASignedInCustomerIsToldTheirEmailIsNotNeeded() {
        var machine = DialogueStateMachine(customer: alice)
        _ = machine.receive(turn("where's my order", "order_status"))
        XCTAssertEqual(
            machine.receive(turn("my email is alice@example.com", "provide_email", Slots(email: "alice@example.com"))),
            [.reply(.emailNotNeededForOrder, [:])])
        XCTAssertEqual(machine.stateName, "awaiting_order_number")
    }

    func testSmallTalkMidFlowIsAnsweredAndTheQuestionAskedAgain() {
        var machine = DialogueStateMachine(customer: alice)
        _ = machine.receive(turn("where's my order", "order_status"))
        XCTAssertEqual(
            machine.receive(turn("what can you do?", "help")),
            [.reply(.help, [:]), .reply(.resuming, ["flow": "your order question"]), .reply(.resumeOrderNumber, [:])])
        XCTAssertEqual(machine.stateName, "awaiting_order_number")
    }

    func testAnUnsureGuessAtAnotherIntentIsAFailedTryNotADigression() {
        var machine = DialogueStateMachine(customer: alice)
        _ = machine.receive(turn("where's my order", "order_status"))
        let unsure = UnderstoodTurn(text: "i dunno", intent: "help", confidence: DialogueStateMachine.digressionConfidence - 0.1)
        XCTAssertEqual(machine.receive(unsure), [.reply(.askOrderNumberAgain, [:])])
    }

    func testAnotherFlowMidWayRunsAndThenThePendingQuestionResumes() {
        var machine = DialogueStateMachine(customer: alice)
        _ = machine.receive(turn("where's my order", "order_status"))
        let request = RecommendationRequest(category: "shoes", maxPrice: nil, limit: 10)
        XCTAssertEqual(
            machine.receive(turn("actually recommend some shoes", "recommend_products", Slots(category: "shoes"))),
            [.recommend(request)])
        let product = RecommendationFacts(sku: "P-104", name: "Canvas Sneakers", category: "shoes", price: 49.99, reason: "popular")
        XCTAssertEqual(machine.recommendationsFound([product]), [
            .reply(.recommendations, ["category": "shoes", "list": "Canvas Sneakers ($49.99, popular)"]),
            .reply(.resuming, ["flow": "your order question"]),
            .reply(.resumeOrderNumber, [:]),
        ])
        XCTAssertEqual(machine.stateName, "awaiting_order_number")
    }

    func testAFlowThatAsksItsOwnQuestionDropsThePendingOneSayingSo() {
        var machine = DialogueStateMachine(customer: nil)
        _ = machine.receive(turn("order 10023", "order_status", Slots(orderID: "10023")))
        XCTAssertEqual(
            machine.receive(turn("I want to complain", "complaint")),
            [.reply(.droppedFlow, ["flow": "your order question"]), .reply(.askComplaintDetails, [:])])
        XCTAssertEqual(machine.stateName, "awaiting_complaint_details")
    }

    func testGoodbyeEndsTheSession() {
        var machine = DialogueStateMachine(customer: alice)
        XCTAssertEqual(machine.receive(turn("bye", "goodbye")), [.reply(.goodbye, [:])])
        XCTAssertTrue(machine.isEnded)
        XCTAssertEqual(machine.receive(turn("hello", "greet")), [.reply(.greet, [:])])
        XCTAssertFalse(machine.isEnded)
    }

    func testOutOfScopeSaysWhatItCanDo() {
        var machine = DialogueStateMachine(customer: nil)
        XCTAssertEqual(machine.receive(turn("what's the weather", "out_of_scope")), [.reply(.fallback, [:])])
        XCTAssertEqual(machine.receive(turn("hi", "greet")), [.reply(.greet, [:])])
        XCTAssertEqual(machine.receive(turn("thanks", "thanks")), [.reply(.thanks, [:])])
        XCTAssertEqual(machine.receive(turn("help", "help")), [.reply(.help, [:])])
    }

    // MARK: Recommendations

    func testSomethingCheaperNarrowsUnderTheCheapestShown() {
        var machine = DialogueStateMachine(customer: nil)
        XCTAssertEqual(
            machine.receive(turn("recommend shoes under $100", "recommend_products", Slots(category: "shoes", budget: 100))),
            [.recommend(RecommendationRequest(category: "shoes", maxPrice: 100, limit: 10))])
        let shown = [
            RecommendationFacts(sku: "P-100", name: "Trail Running Shoes", category: "shoes", price: 89.99, reason: ""),
            RecommendationFacts(sku: "P-107", name: "Waterproof Rain Boots", category: "shoes", price: 59, reason: ""),
        ]
        _ = machine.recommendationsFound(shown)
        XCTAssertEqual(
            machine.receive(turn("something cheaper?", "out_of_scope", Slots(references: [.cheaper]))),
            [.recommend(RecommendationRequest(category: "shoes", maxPrice: 58.99, limit: 10))])
        XCTAssertEqual(machine.lastIntent, "recommend_products")
        XCTAssertEqual(machine.recommendationsFound([]), [
            .reply(.noRecommendations, ["category": "shoes", "budget": "$58.99"]),
        ])
    }

    func testSimilarKeepsTheCategoryAndShowsOnlyNewProducts() {
        var machine = DialogueStateMachine(customer: nil)
        _ = machine.receive(turn("recommend shoes", "recommend_products", Slots(category: "shoes")))
        let first = RecommendationFacts(sku: "P-100", name: "Trail Running Shoes", category: "shoes", price: 89.99, reason: "")
        let second = RecommendationFacts(sku: "P-104", name: "Canvas Sneakers", category: "shoes", price: 49.99, reason: "")
        _ = machine.recommendationsFound([first])
        XCTAssertEqual(
            machine.receive(turn("anything similar", "recommend_products", Slots(references: [.similar]))),
            [.recommend(RecommendationRequest(category: "shoes", maxPrice: nil, limit: 10))])
        XCTAssertEqual(
            machine.recommendationsFound([first, second]),
            [.reply(.recommendations, ["category": "shoes", "list": "Canvas Sneakers ($49.99)"])])
    }

    // MARK: Complaints

    func testAShortComplaintIsAskedAboutThenLoggedWithTheOrderDiscussed() {
        var machine = DialogueStateMachine(customer: alice)
        _ = machine.receive(turn("order 10023", "order_status", Slots(orderID: "10023")))
        _ = machine.orderLookedUp(shipped, today: testNow)
        XCTAssertEqual(machine.receive(turn("I want to complain", "complaint")), [.reply(.askComplaintDetails, [:])])
        XCTAssertEqual(
            machine.receive(turn("the shoes arrived with a torn sole", "out_of_scope", sentiment: -0.4)),
            [.logComplaint(ComplaintDraft(
                customerID: "C1001", orderID: "10023",
                text: "I want to complain the shoes arrived with a torn sole", sentiment: -0.4))])
        XCTAssertEqual(machine.lastIntent, "complaint")
        XCTAssertEqual(
            machine.complaintLogged(ComplaintReceipt(ticket: "T-1001", isUrgent: false)),
            [.reply(.complaintLogged, ["ticket": "T-1001"])])
    }

    func testAVeryNegativeComplaintIsUrgentAndNoPersonIsOfferedOnTop() {
        var machine = DialogueStateMachine(customer: alice)
        let text = "this is the worst service ever, order 10023 never arrived and nobody answers"
        XCTAssertEqual(
            machine.receive(turn(text, "complaint", sentiment: -0.9, Slots(orderID: "10023"))),
            [.logComplaint(ComplaintDraft(customerID: "C1001", orderID: "10023", text: text, sentiment: -0.9))])
        XCTAssertEqual(
            machine.complaintLogged(ComplaintReceipt(ticket: "T-1002", isUrgent: true)),
            [.reply(.complaintUrgent, ["ticket": "T-1002"])])
        XCTAssertEqual(machine.stateName, "idle")
    }

    func testAComplaintNamingSomeoneElsesOrderIsLoggedWithoutIt() {
        var machine = DialogueStateMachine(customer: alice)
        let text = "order 10040 was a disaster from start to finish"
        XCTAssertEqual(
            machine.receive(turn(text, "complaint", sentiment: -0.5, Slots(orderID: "10040"))),
            [.logComplaint(ComplaintDraft(customerID: "C1001", orderID: nil, text: text, sentiment: -0.5))])
    }

    func testAComplaintThatCouldNotBeStoredSaysSo() {
        var machine = DialogueStateMachine(customer: nil)
        _ = machine.receive(turn("my parcel arrived soaking wet and broken", "complaint", sentiment: -0.4))
        XCTAssertEqual(machine.complaintLogged(nil), [.reply(.complaintNotStored, [:])])
    }

    // MARK: Handoff

    func testAskingForAPersonHandsOffAtOnce() {
        var machine = DialogueStateMachine(customer: nil)
        XCTAssertEqual(machine.receive(turn("let me talk to a human", "human_agent")), [.handoff(.requested), .reply(.handoff, [:])])
    }

    func testStayingStronglyNegativeOffersAPersonOnce() {
        var machine = DialogueStateMachine(customer: nil)
        XCTAssertEqual(machine.receive(turn("this is useless", "out_of_scope", sentiment: -0.7)), [.reply(.fallback, [:])])
        XCTAssertEqual(
            machine.receive(turn("you are useless!!!", "out_of_scope", sentiment: -0.8)),
            [.reply(.fallback, [:]), .reply(.offerHandoffUpset, [:])])
        XCTAssertEqual(machine.receive(turn("no", "deny", sentiment: -0.6)), [.reply(.handoffDeclined, [:])])
        XCTAssertEqual(machine.receive(turn("awful", "out_of_scope", sentiment: -0.9)), [.reply(.fallback, [:])])
    }

    func testAStoreFailureIsToldAndThePendingQuestionResumes() {
        var machine = DialogueStateMachine(customer: alice)
        _ = machine.receive(turn("order 10023", "order_status", Slots(orderID: "10023")))
        XCTAssertEqual(machine.recordsUnavailable(), [.reply(.recordsUnavailable, [:])])
        XCTAssertEqual(machine.stateName, "idle")
    }

    func testAShortComplaintFromACustomerAngryTurnAfterTurnOffersAPersonFirst() {
        var machine = DialogueStateMachine(customer: alice)
        _ = machine.receive(turn("this is awful", "greet", sentiment: -0.7))
        XCTAssertEqual(machine.receive(turn("thanks for nothing, useless", "complaint", sentiment: -0.6)),
                       [.reply(.offerHandoffUpset, [:])])
        XCTAssertEqual(machine.stateName, "offering_handoff")
        XCTAssertEqual(machine.receive(turn("yes", "affirm")).first, .handoff(.upset))
    }

    func testAShortComplaintWithoutSustainedAngerAsksWhatHappened() {
        var machine = DialogueStateMachine(customer: alice)
        _ = machine.receive(turn("hello", "greet"))
        XCTAssertEqual(machine.receive(turn("thanks for nothing, useless", "complaint", sentiment: -0.6)),
                       [.reply(.askComplaintDetails, [:])])
    }
}
