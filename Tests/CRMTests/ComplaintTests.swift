import Foundation
import XCTest
@testable import CRM

final class ComplaintTests: XCTestCase {
    private func makeStore() throws -> CRMStore {
        let path = try temporaryFolder(self).appendingPathComponent("crm.sqlite").path
        try CRMStore.create(at: path, from: twoCustomers)
        return try CRMStore(path: path)
    }

    func testComplaintWithACardNumberIsStoredMasked() throws {
        let store = try makeStore()
        let logged = try store.logComplaint(NewComplaint(
            customerID: "C1", orderID: "500", text: "you charged my card 4111 1111 1111 1111 twice for order 500!",
            sentiment: -0.5, date: fixedDate))
        let expected = "you charged my card **** **** **** 1111 twice for order 500!"
        XCTAssertEqual(logged.text, expected)
        // Read back through a second connection: what is on disk is masked, not just what was returned.
        let reopened = try CRMStore(path: store.path)
        XCTAssertEqual(try reopened.complaints().map(\.text), [expected])
        XCTAssertFalse(try reopened.complaints().contains { $0.text.contains("4111 1111") })
    }

    func testComplaintRecordsTicketCustomerOrderSentimentPriorityAndTime() throws {
        let store = try makeStore()
        let logged = try store.logComplaint(NewComplaint(customerID: "C1", orderID: "500", text: "worst service ever",
                                                         sentiment: -0.8, date: fixedDate))
        XCTAssertEqual(logged.ticket, "T-100001")
        XCTAssertEqual(logged.priority, .urgent)
        let stored = try XCTUnwrap(store.complaint(ticket: logged.ticket))
        XCTAssertEqual(stored, logged)
        XCTAssertEqual(stored.customerID, "C1")
        XCTAssertEqual(stored.orderID, "500")
        XCTAssertEqual(stored.sentiment, -0.8)
        XCTAssertEqual(stored.status, "open")
        XCTAssertEqual(stored.createdAt.timeIntervalSince1970, fixedDate.timeIntervalSince1970, accuracy: 0.001)
    }

    func testPriorityFollowsSentiment() {
        let cases: [(Double, ComplaintPriority)] = [
            (-1, .urgent), (-0.6, .urgent), (-0.59, .high), (-0.25, .high), (-0.2, .normal), (0, .normal),
            (0.05, .low), (0.9, .low),
        ]
        for (sentiment, priority) in cases {
            XCTAssertEqual(ComplaintPriority(sentiment: sentiment), priority, "\(sentiment)")
        }
    }

    func testAnonymousComplaintWithoutOrderIsLogged() throws {
        let store = try makeStore()
        let logged = try store.logComplaint(NewComplaint(customerID: nil, orderID: nil, text: "your site is slow",
                                                         sentiment: -0.1, date: fixedDate))
        XCTAssertNil(logged.customerID)
        XCTAssertEqual(logged.priority, .normal)
    }

    func testComplaintNamingAnUnknownCustomerOrOrderStoresNothing() throws {
        let store = try makeStore()
        XCTAssertThrowsError(try store.logComplaint(NewComplaint(customerID: "C9", orderID: nil, text: "x",
                                                                 sentiment: 0, date: fixedDate))) { error in
            XCTAssertEqual(error as? CRMError, .unknownCustomer("C9"))
        }
        XCTAssertThrowsError(try store.logComplaint(NewComplaint(customerID: "C1", orderID: "404", text: "x",
                                                                 sentiment: 0, date: fixedDate))) { error in
            XCTAssertEqual(error as? CRMError, .unknownOrder("404"))
        }
        XCTAssertEqual(try store.complaintCount(), 0)
    }

    func testComplaintsListNewestFirstAndOpenOnly() throws {
        var fixture = twoCustomers
        fixture.complaints = [
            Fixture.LoggedComplaint(customer: "C2", order: nil, text: "old and closed", sentiment: -0.3,
                                    priority: nil, status: "closed", created: "2026-10-01"),
        ]
        let path = try temporaryFolder(self).appendingPathComponent("crm.sqlite").path
        try CRMStore.create(at: path, from: fixture)
        let store = try CRMStore(path: path)
        _ = try store.logComplaint(NewComplaint(customerID: "C1", orderID: nil, text: "first", sentiment: -0.2,
                                                date: fixedDate))
        _ = try store.logComplaint(NewComplaint(customerID: "C1", orderID: nil, text: "second", sentiment: -0.2,
                                                date: fixedDate.addingTimeInterval(60)))
        XCTAssertEqual(try store.complaints().map(\.text), ["second", "first", "old and closed"])
        XCTAssertEqual(try store.complaints(openOnly: true).map(\.text), ["second", "first"])
        XCTAssertEqual(try store.complaints().last?.priority, .high)
    }

    func testConversationTurnsAreLoggedMaskedAndInOrder() throws {
        let store = try makeStore()
        try store.logTurn(ConversationTurn(sessionID: "s1", customerID: "C1", text: "where is order 500", intent: "order_status",
                                           confidence: 0.91, sentiment: 0, date: fixedDate))
        try store.logTurn(ConversationTurn(sessionID: "s1", customerID: "C1", text: "card 5500 0000 0000 0004 please",
                                           intent: "complaint", confidence: 0.6, sentiment: -0.3, date: fixedDate,
                                           slots: ["order_id": "500"], actions: ["log_complaint"],
                                           reply: "Logged as T-100001.", state: "idle"))
        try store.logTurn(ConversationTurn(sessionID: "s2", customerID: nil, text: "hi", intent: "greet",
                                           confidence: 0.99, sentiment: 0, date: fixedDate))
        let turns = try store.turns(ofSession: "s1")
        XCTAssertEqual(turns.map(\.intent), ["order_status", "complaint"])
        XCTAssertEqual(turns.last?.text, "card **** **** **** 0004 please")
        XCTAssertEqual(turns.first?.confidence, 0.91)
        XCTAssertEqual(turns.last?.slots, ["order_id": "500"])
        XCTAssertEqual(turns.last?.actions, ["log_complaint"])
        XCTAssertEqual(turns.last?.reply, "Logged as T-100001.")
        XCTAssertEqual(turns.last?.state, "idle")
    }

    func testInMemoryStoreWorksLikeAFile() throws {
        let store = try CRMStore.inMemory(loading: twoCustomers)
        XCTAssertEqual(store.path, ":memory:")
        XCTAssertEqual(try store.lookUpOrder(id: "500", access: .customer(id: "C1"))?.id, "500")
        XCTAssertEqual(try store.logComplaint(NewComplaint(customerID: "C2", orderID: "501", text: "meh", sentiment: 0,
                                                           date: fixedDate)).ticket, "T-100001")
    }
}
