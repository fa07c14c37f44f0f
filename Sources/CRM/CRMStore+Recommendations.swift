import GRDB

extension CRMStore {
    /// Products to suggest to a customer (nil: anonymous), best first, with a reason each; see `Recommender`.
    public func recommendations(for customerID: String?, category: String? = nil, maxPrice: Double? = nil,
                                limit: Int = 5) throws -> [Recommendation] {
        try recommender().recommend(for: customerID, category: category, maxPrice: maxPrice, limit: limit)
    }

    /// A recommender over the database's current order history (cancelled orders are not purchases).
    public func recommender() throws -> Recommender {
        try database.read { db in
            let products = try Product.order(Column("sku")).fetchAll(db)
            let purchases = try Row.fetchAll(db, sql: """
                SELECT DISTINCT orders.customerID, order_items.sku
                FROM order_items JOIN orders ON orders.id = order_items.orderID
                WHERE orders.status <> ?
                """, arguments: [OrderStatus.cancelled.rawValue]).map { row -> (customer: String, sku: String) in
                (row["customerID"], row["sku"])
            }
            return Recommender(products: products, purchases: purchases)
        }
    }
}
