import Foundation
import XCTest
@testable import CRM

final class FixtureTests: XCTestCase {
    func testFixtureRoundTripsThroughADatabaseFile() throws {
        let folder = try temporaryFolder(self)
        var fixture = twoCustomers
        fixture.complaints = [Fixture.LoggedComplaint(customer: "C1", order: "500", text: "late again", sentiment: -0.4,
                                                      priority: "high", status: "open", created: "2026-11-20T10:00:00Z")]
        let file = folder.appendingPathComponent("round.json")
        try fixture.jsonData().write(to: file)
        let loaded = try Fixture.load(from: file)
        XCTAssertEqual(loaded, fixture)

        let databasePath = folder.appendingPathComponent("round.sqlite").path
        try CRMStore.create(at: databasePath, from: loaded)
        let exported = try CRMStore(path: databasePath).exportFixture()
        XCTAssertEqual(exported, fixture)
    }

    func testOrderForAnUnknownCustomerIsRejectedWithItsEntryNamed() throws {
        var fixture = twoCustomers
        fixture.orders.append(Fixture.Order(id: "10099", customer: "C9999", status: "pending", placed: "2026-11-20",
                                            items: [Fixture.Item(sku: "S1")]))
        let folder = try temporaryFolder(self)
        let file = folder.appendingPathComponent("bad.json")
        try fixture.jsonData().write(to: file)
        XCTAssertThrowsError(try Fixture.load(from: file)) { error in
            XCTAssertEqual(error as? FixtureError, .invalidEntry(file: file.path, entry: "orders[2] (id 10099)",
                                                                 problem: "unknown customer 'C9999'"))
            XCTAssertEqual("\(error)", "\(file.path): error: orders[2] (id 10099): unknown customer 'C9999'")
        }
    }

    func testRelativePathsAreReportedAsGiven() throws {
        let folder = try temporaryFolder(self)
        try Data("{\"orders\": [{\"id\": \"1\"}]}".utf8).write(to: folder.appendingPathComponent("bad.json"))
        let file = URL(fileURLWithPath: "bad.json", relativeTo: folder)
        XCTAssertThrowsError(try Fixture.load(from: file)) { error in
            XCTAssertEqual("\(error)", "bad.json: error: orders[0]: missing 'customer'")
        }
    }

    func testEntryRulesAreCheckedWithTheirEntryNamed() throws {
        let cases: [(change: (inout Fixture) -> Void, message: String)] = [
            ({ $0.orders[0].items[0].sku = "NOPE" }, "orders[0] (id 500): unknown product 'NOPE'"),
            ({ $0.orders[1].status = "lost" },
             "orders[1] (id 501): unknown status 'lost' (expected one of pending, processing, shipped, delivered, cancelled, returned)"),
            ({ $0.orders[1].placed = "2026-02-30" }, "orders[1] (id 501): invalid placed date '2026-02-30' (expected YYYY-MM-DD)"),
            ({ $0.orders[1].id = "500" }, "orders[1] (id 500): duplicate id '500'"),
            ({ $0.customers[1].email = "not an email" }, "customers[1] (id C2): invalid email 'not an email'"),
            ({ $0.products[1].sku = "S1" }, "products[1] (sku S1): duplicate sku 'S1'"),
            ({ $0.orders[0].items[1].quantity = 0 }, "orders[0] (id 500): quantity 0 of 'S2' is not positive"),
            ({ $0.complaints = [Fixture.LoggedComplaint(customer: "C7", order: nil, text: "x", sentiment: nil,
                                                        priority: nil, status: nil, created: "2026-11-01")] },
             "complaints[0]: unknown customer 'C7'"),
        ]
        for (change, message) in cases {
            var fixture = twoCustomers
            change(&fixture)
            XCTAssertThrowsError(try fixture.validate(file: "f.json")) { error in
                XCTAssertEqual("\(error)", "f.json: error: \(message)")
            }
        }
    }

    func testJSONThatDoesNotParseIsReportedWithTheFile() throws {
        let folder = try temporaryFolder(self)
        let file = folder.appendingPathComponent("broken.json")
        try Data("{\"customers\": [\n  {\"id\": \"C1\",\n   \"name\": Ann}\n]}".utf8).write(to: file)
        XCTAssertThrowsError(try Fixture.load(from: file)) { error in
            guard case .malformed(let name, let line, _)? = error as? FixtureError else { return XCTFail("\(error)") }
            XCTAssertEqual(name, file.path)
            XCTAssertEqual(line, 3)
            XCTAssertTrue("\(error)".hasPrefix("\(file.path):3: error: does not parse"), "\(error)")
        }
        try Data("{\"customers\": [".utf8).write(to: file)
        XCTAssertThrowsError(try Fixture.load(from: file)) { error in
            XCTAssertTrue("\(error)".hasPrefix("\(file.path):1: error: does not parse"), "\(error)")
        }
        try Data("{\"customers\": {}}".utf8).write(to: file)
        XCTAssertThrowsError(try Fixture.load(from: file)) { error in
            XCTAssertEqual("\(error)", "\(file.path): error: customers: expected a list")
        }
        XCTAssertThrowsError(try Fixture.load(from: folder.appendingPathComponent("missing.json"))) { error in
            guard case .unreadable? = error as? FixtureError else { return XCTFail("\(error)") }
        }
    }

    func testDemoDataIsLargeVariedAndDeterministic() throws {
        let demo = Fixture.demo
        XCTAssertNoThrow(try demo.validate(file: "demo"))
        XCTAssertGreaterThanOrEqual(demo.customers.count, 300)
        XCTAssertGreaterThanOrEqual(demo.products.count, 120)
        XCTAssertGreaterThanOrEqual(Set(demo.products.map(\.category)).count, 8)
        XCTAssertGreaterThanOrEqual(demo.orders.count, 3000)
        XCTAssertEqual(Set(demo.orders.map(\.status)), Set(OrderStatus.allCases.map(\.rawValue)))
        let days = demo.orders.compactMap { CivilDate($0.placed) }
        XCTAssertLessThanOrEqual((days.max()?.dayNumber ?? 0) - (days.min()?.dayNumber ?? 0), 366)
        XCTAssertEqual(demo.customers.first, Customer(id: "C1001", name: "Alice Chen", email: "alice@example.com", tier: "gold"))
        XCTAssertEqual(demo.orders.first { $0.id == "10023" }?.carrier, "UPS")
        // Every name in the habits is a real product.
        let names = Set(DemoCatalog.products.map(\.name))
        for theme in DemoCatalog.themes { XCTAssertTrue(Set(theme.products).isSubset(of: names), theme.name) }
        // Same seed, same data.
        let again = DemoGenerator(seed: 0xC0FFEE_2026, today: CivilDate(year: 2026, month: 11, day: 23)).generate(base: .showcase)
        XCTAssertEqual(again, demo)
    }

    /// `dialogues/fixtures/demo.json` is the showcase data set; `RECORD_FIXTURES=1` rewrites it (and fails).
    func testTranscriptFixtureIsTheShowcase() throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("dialogues/fixtures/demo.json")
        if ProcessInfo.processInfo.environment["RECORD_FIXTURES"] != nil {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Fixture.showcase.jsonData().write(to: file)
            XCTFail("recorded \(file.path); run again without RECORD_FIXTURES")
            return
        }
        XCTAssertEqual(try Fixture.load(from: file), Fixture.showcase)
    }

    func testCivilDatesRoundTrip() {
        XCTAssertEqual(CivilDate("2026-11-23")?.description, "2026-11-23")
        XCTAssertEqual(CivilDate("2024-02-29")?.adding(days: 1).description, "2024-03-01")
        XCTAssertEqual(CivilDate(year: 1970, month: 1, day: 1).dayNumber, 0)
        XCTAssertNil(CivilDate("2026-13-01"))
        XCTAssertNil(CivilDate("26-11-01"))
    }
}
