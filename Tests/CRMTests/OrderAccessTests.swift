import Foundation
import XCTest
@testable import CRM

final class OrderAccessTests: XCTestCase {
    private func makeStore() throws -> CRMStore {
        let path = try temporaryFolder(self).appendingPathComponent("crm.sqlite").path
        try CRMStore.create(at: path, from: twoCustomers)
        return try CRMStore(path: path)
    }

    func testSignedInCustomerSeesTheirOwnOrderInFull() throws {
        let order = try XCTUnwrap(makeStore().lookUpOrder(id: "500", access: .customer(id: "C1")))
        XCTAssertEqual(order.status, .shipped)
        XCTAssertEqual(order.carrier, "UPS")
        XCTAssertEqual(order.tracking, "1Z999AA10123456784")
        XCTAssertEqual(order.eta, "2026-11-25")
        XCTAssertEqual(order.items.map(\.name), ["Trail Running Shoes", "Running Socks"])
        XCTAssertEqual(order.items.map(\.quantity), [1, 2])
        XCTAssertEqual(order.total, 89.99 + 2 * 14.99, accuracy: 0.001)
    }

    func testAnotherCustomersOrderLooksExactlyLikeAMissingOne() throws {
        let store = try makeStore()
        let someoneElses = try store.lookUpOrder(id: "501", access: .customer(id: "C1"))
        let missing = try store.lookUpOrder(id: "999", access: .customer(id: "C1"))
        XCTAssertNil(someoneElses)
        XCTAssertNil(missing)
        XCTAssertNil(try store.lookUpOrder(id: "500", access: .customer(id: "C9")))
    }

    func testAnonymousVisitorWithTheRightEmailSeesTheOrder() throws {
        let store = try makeStore()
        XCTAssertEqual(try store.lookUpOrder(id: "500", access: .email("ann@example.com"))?.id, "500")
        XCTAssertEqual(try store.lookUpOrder(id: "500", access: .email("  Ann@Example.COM ")).map(\.id), "500")
    }

    func testAnonymousVisitorWithAWrongEmailGetsNothing() throws {
        let store = try makeStore()
        XCTAssertNil(try store.lookUpOrder(id: "500", access: .email("ben@example.com")))  // a real customer, not the owner
        XCTAssertNil(try store.lookUpOrder(id: "500", access: .email("nobody@example.com")))
        XCTAssertNil(try store.lookUpOrder(id: "999", access: .email("ann@example.com")))
        XCTAssertNil(try store.lookUpOrder(id: "500", access: .email("")))
        XCTAssertNil(try store.lookUpOrder(id: "500' OR '1'='1", access: .email("x' OR '1'='1")))
    }

    func testCustomersOrdersAndCatalog() throws {
        let store = try makeStore()
        XCTAssertEqual(try store.customer(id: "C1")?.name, "Ann Lee")
        XCTAssertNil(try store.customer(id: "C3"))
        XCTAssertEqual(try store.customer(email: "BEN@example.com")?.id, "C2")
        XCTAssertEqual(try store.orders(ofCustomer: "C2").map(\.id), ["501"])
        XCTAssertEqual(try store.catalog().map(\.sku), ["S2", "S1"])  // by category, then name
        XCTAssertEqual(try store.categories(), ["apparel", "shoes"])
    }

    func testDefaultPathFollowsTheEnvironment() {
        XCTAssertEqual(CRMStore.defaultPath(environment: ["CONCIERGE_DB": "/x/db.sqlite", "XDG_DATA_HOME": "/d", "HOME": "/h"]),
                       "/x/db.sqlite")
        XCTAssertEqual(CRMStore.defaultPath(environment: ["XDG_DATA_HOME": "/d", "HOME": "/h"]), "/d/concierge/crm.sqlite")
        XCTAssertEqual(CRMStore.defaultPath(environment: ["HOME": "/h"]), "/h/.local/share/concierge/crm.sqlite")
    }

    func testDefaultDatabaseIsCreatedOnFirstUseOnly() throws {
        let folder = try temporaryFolder(self)
        let environment = ["XDG_DATA_HOME": folder.appendingPathComponent("data").path]
        let first = try CRMStore.open(path: CRMStore.defaultPath(environment: environment), creatingFrom: .showcase)
        XCTAssertTrue(first.created)
        XCTAssertEqual(first.path, folder.appendingPathComponent("data/concierge/crm.sqlite").path)
        XCTAssertEqual(try first.store.customer(id: "C1001")?.name, "Alice Chen")
        let second = try CRMStore.open(path: first.path, creatingFrom: .showcase)
        XCTAssertFalse(second.created)
        XCTAssertEqual(try second.store.lookUpOrder(id: "10023", access: .customer(id: "C1001"))?.carrier, "UPS")
    }

    func testCreatingOverAnExistingDatabaseNeedsReplacing() throws {
        let path = try temporaryFolder(self).appendingPathComponent("crm.sqlite").path
        try CRMStore.create(at: path, from: twoCustomers)
        XCTAssertThrowsError(try CRMStore.create(at: path, from: .showcase)) { error in
            XCTAssertEqual(error as? CRMError, .alreadyExists(path: path))
        }
        try CRMStore.create(at: path, from: .showcase, replacing: true)
        XCTAssertNil(try CRMStore(path: path).customer(id: "C1"))
    }

    func testAFileThatIsNotADatabaseCannotBeOpened() throws {
        let path = try temporaryFolder(self).appendingPathComponent("junk.sqlite").path
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try CRMStore(path: path)) { error in
            guard case .cannotOpen(let at, _)? = error as? CRMError else { return XCTFail("\(error)") }
            XCTAssertEqual(at, path)
        }
    }
}
