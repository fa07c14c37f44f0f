import Foundation
import GRDB

extension CRMStore {
    /// The customer with this id, or nil.
    public func customer(id: String) throws -> Customer? {
        try database.read { db in try Customer.fetchOne(db, key: id) }
    }

    /// The customer whose email this is (case ignored), or nil.
    public func customer(email: String) throws -> Customer? {
        let email = email.trimmingCharacters(in: .whitespacesAndNewlines)
        return try database.read { db in
            try Customer.fetchOne(db, sql: "SELECT * FROM customers WHERE email = ? COLLATE NOCASE", arguments: [email])
        }
    }

    /// The order `id` if `access` may see it (SPEC §7).
    ///
    /// A signed-in customer sees their own orders; an anonymous visitor sees an order when the email they
    /// gave is the one on it. Anything else is nil, exactly as for an order that does not exist, so that
    /// order numbers cannot be probed.
    public func lookUpOrder(id: String, access: OrderAccess) throws -> OrderDetails? {
        let id = id.trimmingCharacters(in: .whitespacesAndNewlines)
        return try database.read { db in
            let row: OrderRow?
            switch access {
            case let .customer(customerID):
                row = try OrderRow.fetchOne(db, sql: "SELECT * FROM orders WHERE id = ? AND customerID = ?",
                                            arguments: [id, customerID])
            case let .email(email):
                row = try OrderRow.fetchOne(db, sql: """
                    SELECT orders.* FROM orders JOIN customers ON customers.id = orders.customerID
                    WHERE orders.id = ? AND customers.email = ? COLLATE NOCASE
                    """, arguments: [id, email.trimmingCharacters(in: .whitespacesAndNewlines)])
            }
            guard let row else { return nil }
            return try Self.details(of: row, db)
        }
    }

    /// All orders of a customer, newest first.
    public func orders(ofCustomer id: String) throws -> [OrderDetails] {
        try database.read { db in
            try OrderRow.fetchAll(db, sql: "SELECT * FROM orders WHERE customerID = ? ORDER BY placed DESC, id DESC",
                                  arguments: [id])
                .map { try Self.details(of: $0, db) }
        }
    }

    /// Every product, by category then name: what the dialogue's product and category slots match against.
    public func catalog() throws -> [Product] {
        try database.read { db in try Product.order(Column("category"), Column("name")).fetchAll(db) }
    }

    /// The catalog's categories, sorted.
    public func categories() throws -> [String] {
        try database.read { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT category FROM products ORDER BY category")
        }
    }

    private static func details(of row: OrderRow, _ db: Database) throws -> OrderDetails {
        let lines = try Row.fetchAll(db, sql: """
            SELECT order_items.sku, products.name, order_items.quantity, order_items.unitPrice
            FROM order_items JOIN products ON products.sku = order_items.sku
            WHERE order_items.orderID = ? ORDER BY order_items.rowid
            """, arguments: [row.id]).map { line in
            OrderLine(sku: line["sku"], name: line["name"], quantity: line["quantity"], unitPrice: line["unitPrice"])
        }
        return OrderDetails(id: row.id, customerID: row.customerID, status: OrderStatus(rawValue: row.status) ?? .pending,
                            placed: row.placed, eta: row.eta, carrier: row.carrier, tracking: row.tracking, items: lines)
    }
}
