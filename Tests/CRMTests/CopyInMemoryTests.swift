import CRM
import Foundation
import XCTest

final class CopyInMemoryTests: XCTestCase {
    func testACopyHasTheDataAndIsIndependentOfItsTemplate() throws {
        let template = try CRMStore.inMemory(loading: .showcase)
        let copy = try template.copyInMemory()
        XCTAssertEqual(try copy.customer(id: "C1001")?.name, "Alice Chen")
        XCTAssertNotNil(try copy.lookUpOrder(id: "10023", access: .customer(id: "C1001")))
        let ticket = try copy.logComplaint(NewComplaint(
            customerID: "C1001", orderID: nil, text: "late again", sentiment: -0.5, date: Date(timeIntervalSince1970: 0)))
        XCTAssertEqual(try copy.complaints().map(\.ticket), [ticket.ticket])
        XCTAssertEqual(try template.complaints().count, 0, "writing to a copy must not touch the template")
        XCTAssertEqual(try template.copyInMemory().complaints().count, 0)
    }
}
