import Foundation
import XCTest
@testable import CRM

/// A folder under the system's temporary directory, removed when the test ends.
func temporaryFolder(_ testCase: XCTestCase) throws -> URL {
    let folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("crm-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    testCase.addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
    return folder
}

/// A small fixture with two customers who each own one order, for ownership and complaint tests.
let twoCustomers = Fixture(
    customers: [
        Customer(id: "C1", name: "Ann Lee", email: "ann@example.com", tier: "gold"),
        Customer(id: "C2", name: "Ben Ode", email: "ben@example.com"),
    ],
    products: [
        Product(sku: "S1", name: "Trail Running Shoes", category: "shoes", price: 89.99),
        Product(sku: "S2", name: "Running Socks", category: "apparel", price: 14.99),
    ],
    orders: [
        Fixture.Order(id: "500", customer: "C1", status: "shipped", placed: "2026-11-02", eta: "2026-11-25",
                      carrier: "UPS", tracking: "1Z999AA10123456784",
                      items: [Fixture.Item(sku: "S1", quantity: 1), Fixture.Item(sku: "S2", quantity: 2)]),
        Fixture.Order(id: "501", customer: "C2", status: "pending", placed: "2026-11-20",
                      items: [Fixture.Item(sku: "S2", quantity: 1)]),
    ])

let fixedDate = Date(timeIntervalSince1970: 1_795_000_000)
