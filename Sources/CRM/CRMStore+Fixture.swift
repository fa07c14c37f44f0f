import Foundation
import GRDB

extension CRMStore {
    /// Validates `fixture` and adds all of it to the database in one transaction.
    public func load(_ fixture: Fixture) throws {
        try fixture.validate(file: "fixture")
        let prices = Dictionary(uniqueKeysWithValues: fixture.products.map { ($0.sku, $0.price) })
        try database.write { db in
            for customer in fixture.customers { try customer.insert(db) }
            for product in fixture.products { try product.insert(db) }
            for order in fixture.orders {
                try OrderRow(id: order.id, customerID: order.customer, status: order.status, placed: order.placed,
                             eta: order.eta, carrier: order.carrier, tracking: order.tracking).insert(db)
                for item in order.items {
                    try OrderItemRow(orderID: order.id, sku: item.sku, quantity: item.quantity,
                                     unitPrice: prices[item.sku] ?? 0).insert(db)
                }
            }
            for complaint in fixture.complaints {
                let sentiment = complaint.sentiment ?? 0
                var row = ComplaintRow(
                    id: nil, customerID: complaint.customer, orderID: complaint.order,
                    text: TextKitBridge.mask(complaint.text), sentiment: sentiment,
                    priority: complaint.priority ?? ComplaintPriority(sentiment: sentiment).rawValue,
                    status: complaint.status ?? "open",
                    createdAt: Fixture.parseTimestamp(complaint.created) ?? Date(timeIntervalSince1970: 0))
                try row.insert(db)
            }
        }
    }

    /// The whole database as a fixture (what `load(_:)` reads back); complaints keep their text,
    /// sentiment, priority, status and time.
    public func exportFixture() throws -> Fixture {
        try database.read { db in
            let customers = try Customer.order(Column("id")).fetchAll(db)
            let products = try Product.order(Column("sku")).fetchAll(db)
            let items = Dictionary(grouping: try OrderItemRow.order(Column("orderID"), Column("sku")).fetchAll(db),
                                   by: \.orderID)
            let orders = try OrderRow.order(Column("id")).fetchAll(db).map { row in
                Fixture.Order(id: row.id, customer: row.customerID, status: row.status, placed: row.placed,
                              eta: row.eta, carrier: row.carrier, tracking: row.tracking,
                              items: (items[row.id] ?? []).map { Fixture.Item(sku: $0.sku, quantity: $0.quantity) })
            }
            let complaints = try ComplaintRow.order(Column("id")).fetchAll(db).map { row in
                Fixture.LoggedComplaint(customer: row.customerID, order: row.orderID, text: row.text,
                                        sentiment: row.sentiment, priority: row.priority, status: row.status,
                                        created: row.createdAt.formatted(.iso8601))
            }
            return Fixture(customers: customers, products: products, orders: orders, complaints: complaints)
        }
    }
}
