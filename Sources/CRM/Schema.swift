import GRDB

/// The database schema, built by migrations registered in order. A shipped migration is never edited:
/// a change to the schema is a new migration appended at the end.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: customers, products, orders, complaints, conversation log") { db in
            try db.create(table: "customers") { table in
                table.primaryKey("id", .text)
                table.column("name", .text).notNull()
                table.column("email", .text).notNull().collate(.nocase).indexed()
                table.column("tier", .text).notNull().defaults(to: "standard")
            }
            try db.create(table: "products") { table in
                table.primaryKey("sku", .text)
                table.column("name", .text).notNull()
                table.column("category", .text).notNull().indexed()
                table.column("price", .double).notNull().check { $0 >= 0 }
            }
            try db.create(table: "orders") { table in
                table.primaryKey("id", .text)
                table.column("customerID", .text).notNull().indexed().references("customers")
                table.column("status", .text).notNull()
                    .check { OrderStatus.allCases.map(\.rawValue).contains($0) }
                table.column("placed", .text).notNull()
                table.column("eta", .text)
                table.column("carrier", .text)
                table.column("tracking", .text)
            }
            try db.create(table: "order_items") { table in
                table.column("orderID", .text).notNull().references("orders", onDelete: .cascade)
                table.column("sku", .text).notNull().indexed().references("products")
                table.column("quantity", .integer).notNull().check { $0 > 0 }
                table.column("unitPrice", .double).notNull()
                table.primaryKey(["orderID", "sku"])
            }
            try db.create(table: "complaints") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("customerID", .text).indexed().references("customers")
                table.column("orderID", .text).references("orders")
                table.column("text", .text).notNull()
                table.column("sentiment", .double).notNull()
                table.column("priority", .text).notNull()
                    .check { ComplaintPriority.allCases.map(\.rawValue).contains($0) }
                table.column("status", .text).notNull().defaults(to: "open")
                table.column("createdAt", .datetime).notNull().indexed()
            }
            try db.create(table: "conversation_log") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("sessionID", .text).notNull().indexed()
                table.column("customerID", .text).indexed()
                table.column("text", .text).notNull()
                table.column("intent", .text).notNull()
                table.column("confidence", .double).notNull()
                table.column("sentiment", .double).notNull()
                table.column("createdAt", .datetime).notNull()
                table.column("slots", .jsonText).notNull()    // {"order_id": "10023"}
                table.column("actions", .jsonText).notNull()  // ["lookup_order"]
                table.column("reply", .text).notNull()
                table.column("state", .text).notNull()
            }
        }
        return migrator
    }
}
