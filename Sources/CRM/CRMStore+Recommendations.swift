import Foundation
import GRDB

extension CRMStore {
    /// Products to suggest to a customer (nil: anonymous), best first, with a reason each; see `Recommender`.
    public func recommendations(for customerID: String?, category: String? = nil, maxPrice: Double? = nil,
                                limit: Int = 5) throws -> [Recommendation] {
        try recommender().recommend(for: customerID, category: category, maxPrice: maxPrice, limit: limit)
    }

    /// A recommender over the database's current order history (cancelled orders are not purchases).
    ///
    /// Building one reads every purchase, so it is kept until the order history changes, which a cheap
    /// summary of the tables (row counts and the last row id) tells, also when another process wrote.
    public func recommender() throws -> Recommender {
        try database.read { db in
            let version = try Row.fetchOne(db, sql: """
                SELECT (SELECT count(*) FROM orders), (SELECT count(*) FROM order_items),
                       (SELECT max(rowid) FROM order_items), (SELECT count(*) FROM products),
                       (SELECT count(*) FROM orders WHERE status = ?)
                """, arguments: [OrderStatus.cancelled.rawValue]).map { row in
                (0..<5).map { (row[$0] as Int?) ?? 0 }
            } ?? []
            if let cached = recommenderCache.value(for: version) { return cached }
            let products = try Product.order(Column("sku")).fetchAll(db)
            let purchases = try Row.fetchAll(db, sql: """
                SELECT DISTINCT orders.customerID, order_items.sku
                FROM order_items JOIN orders ON orders.id = order_items.orderID
                WHERE orders.status <> ?
                """, arguments: [OrderStatus.cancelled.rawValue]).map { row -> (customer: String, sku: String) in
                (row["customerID"], row["sku"])
            }
            let recommender = Recommender(products: products, purchases: purchases)
            recommenderCache.store(recommender, for: version)
            return recommender
        }
    }
}

/// The last recommender built, with the summary of the order history it was built from.
final class RecommenderCache: @unchecked Sendable {
    private let lock = NSLock()
    private var version: [Int] = []
    private var recommender: Recommender?

    func value(for version: [Int]) -> Recommender? {
        lock.withLock { self.version == version ? recommender : nil }
    }

    func store(_ recommender: Recommender, for version: [Int]) {
        lock.withLock {
            self.version = version
            self.recommender = recommender
        }
    }
}
