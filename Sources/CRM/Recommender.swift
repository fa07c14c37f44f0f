import TextKit

/// Item-based collaborative filtering over who bought what.
///
/// Each product is a vector over customers (1 when the customer bought it). The similarity of two
/// products is the cosine of their vectors, `|A ∩ B| / sqrt(|A| · |B|)`, where A and B are the sets of
/// customers who bought each. A customer's score for a product they do not own is the sum of its
/// similarities to the products they own; the owned product that contributes most is the reason given.
/// Customers with no purchases (or anonymous ones) get the most popular products: those with the most
/// buyers. Candidates are narrowed by category and price before ranking.
public struct Recommender: Sendable {
    public let products: [Product]
    /// `buyers[p]`: the customers (as indexes) who bought product `p`, as a bit set.
    private let buyers: [[UInt64]]
    private let buyerCounts: [Int]
    private let owned: [String: [Int]]
    /// `similarity[i * n + j]`: cosine between products i and j (0 on the diagonal).
    private let similarity: [Double]

    /// - Parameter purchases: every (customer, product SKU) pair bought; repeats are ignored.
    public init(products: [Product], purchases: [(customer: String, sku: String)]) {
        self.products = products
        let productIndex = Dictionary(products.enumerated().map { ($1.sku, $0) }, uniquingKeysWith: { first, _ in first })
        var customerIndex: [String: Int] = [:]
        var owned: [String: Set<Int>] = [:]
        for purchase in purchases {
            guard let product = productIndex[purchase.sku] else { continue }
            if customerIndex[purchase.customer] == nil { customerIndex[purchase.customer] = customerIndex.count }
            owned[purchase.customer, default: []].insert(product)
        }
        let words = (customerIndex.count + 63) / 64
        var buyers = [[UInt64]](repeating: [UInt64](repeating: 0, count: words), count: products.count)
        for (customer, products) in owned {
            guard let index = customerIndex[customer] else { continue }
            for product in products { buyers[product][index / 64] |= 1 << UInt64(index % 64) }
        }
        let counts = buyers.map { $0.reduce(0) { $0 + $1.nonzeroBitCount } }
        let n = products.count
        var similarity = [Double](repeating: 0, count: n * n)
        for i in 0..<n where counts[i] > 0 {
            for j in (i + 1)..<n where counts[j] > 0 {
                var common = 0
                for word in 0..<words { common += (buyers[i][word] & buyers[j][word]).nonzeroBitCount }
                guard common > 0 else { continue }
                let cosine = Double(common) / (Double(counts[i]) * Double(counts[j])).squareRoot()
                similarity[i * n + j] = cosine
                similarity[j * n + i] = cosine
            }
        }
        self.buyers = buyers
        self.buyerCounts = counts
        self.owned = owned.mapValues { $0.sorted() }
        self.similarity = similarity
    }

    /// The cosine similarity between two products (0 when either is unknown or unbought).
    public func similarity(between first: String, and second: String) -> Double {
        guard let i = products.firstIndex(where: { $0.sku == first }),
              let j = products.firstIndex(where: { $0.sku == second }) else { return 0 }
        return similarity[i * products.count + j]
    }

    /// Up to `limit` products for the customer, best first, never one they already own.
    ///
    /// Collaborative-filter suggestions come first; when they are fewer than `limit` (a narrow category,
    /// a customer with little history) the most popular remaining products fill the list.
    public func recommend(for customerID: String?, category: String? = nil, maxPrice: Double? = nil,
                          limit: Int = 5) -> [Recommendation] {
        guard limit > 0 else { return [] }
        let ownedProducts = customerID.flatMap { owned[$0] } ?? []
        let ownedSet = Set(ownedProducts)
        let wanted = category.map { Self.categoryKey($0) }
        let candidates = products.indices.filter { index in
            !ownedSet.contains(index)
                && (wanted == nil || Self.categoryKey(products[index].category) == wanted)
                && (maxPrice == nil || products[index].price <= (maxPrice ?? 0))
        }
        var results: [Recommendation] = []
        var chosen = Set<Int>()
        if !ownedProducts.isEmpty {
            let n = products.count
            var scored: [(product: Int, score: Double, because: Int)] = []
            for candidate in candidates {
                var score = 0.0
                var best = (product: -1, similarity: 0.0)
                for product in ownedProducts {
                    let value = similarity[product * n + candidate]
                    score += value
                    if value > best.similarity { best = (product, value) }
                }
                if best.similarity >= Self.minimumSimilarity { scored.append((candidate, score, best.product)) }
            }
            scored.sort { ($0.score, buyerCounts[$0.product], -$0.product) > ($1.score, buyerCounts[$1.product], -$1.product) }
            for entry in scored.prefix(limit) {
                let because = products[entry.because]
                results.append(Recommendation(product: products[entry.product], score: entry.score,
                                              reason: "people who bought \(because.name) also bought it",
                                              because: because))
                chosen.insert(entry.product)
            }
        }
        if results.count < limit {
            let popular = candidates.filter { !chosen.contains($0) && buyerCounts[$0] > 0 }
                .sorted { (buyerCounts[$0], -$0) > (buyerCounts[$1], -$1) }
            for product in popular.prefix(limit - results.count) {
                let count = buyerCounts[product]
                results.append(Recommendation(
                    product: products[product], score: Double(count),
                    reason: "popular in \(products[product].category): bought by \(count) \(count == 1 ? "customer" : "customers")",
                    because: nil))
            }
        }
        return results
    }

    /// The most popular products the customer does not own: the baseline the collaborative filter beats.
    public func popular(for customerID: String?, limit: Int = 5) -> [Product] {
        let ownedSet = Set(customerID.flatMap { owned[$0] } ?? [])
        return products.indices.filter { !ownedSet.contains($0) && buyerCounts[$0] > 0 }
            .sorted { (buyerCounts[$0], -$0) > (buyerCounts[$1], -$1) }
            .prefix(limit).map { products[$0] }
    }

    /// A suggestion from the filter needs one owned product this similar to it; weaker links are chance
    /// co-purchases whose reason ("people who bought a chew toy also bought running socks") would
    /// sound absurd, so popular products fill those places instead.
    static let minimumSimilarity = 0.2

    /// Categories compare folded and singular: "Shoe", "shoes" and "SHOES" are one category.
    static func categoryKey(_ category: String) -> String {
        var key = Tokenizer.fold(category).trimmingCharacters(in: .whitespaces)
        if key.count > 3, key.hasSuffix("s") { key.removeLast() }
        return key
    }
}

/// How well a recommender predicts what customers buy next (`concierge recommend --evaluate`).
public struct RecommenderEvaluation: Codable, Sendable, Equatable {
    /// Customers whose last purchase held something new to them, and who had bought before it.
    public var customers: Int
    /// Share of those customers for whom a top-5 recommendation was in their held-out last purchase.
    public var hitRateAt5: Double
    /// The same for the most-popular baseline.
    public var popularityHitRateAt5: Double

    enum CodingKeys: String, CodingKey {
        case customers
        case hitRateAt5 = "hit_rate_at_5"
        case popularityHitRateAt5 = "popularity_hit_rate_at_5"
    }

    /// Leave-last-out: each customer's last order (by date) is hidden, the recommender is built on
    /// everything else, and a hit is any of its first five suggestions appearing in that order among
    /// products the customer did not have before. Cancelled orders are not purchases.
    public static func evaluate(_ fixture: Fixture, cutoff: Int = 5) -> RecommenderEvaluation {
        let purchases = fixture.orders.filter { $0.status != OrderStatus.cancelled.rawValue }
        let byCustomer = Dictionary(grouping: purchases, by: \.customer)
        var training: [(customer: String, sku: String)] = []
        var heldOut: [String: Set<String>] = [:]
        for (customer, orders) in byCustomer {
            let sorted = orders.sorted { ($0.placed, $0.id) < ($1.placed, $1.id) }
            guard sorted.count >= 2, let last = sorted.last else {
                training += orders.flatMap { order in order.items.map { (customer, $0.sku) } }
                continue
            }
            let earlier = sorted.dropLast().flatMap { order in order.items.map(\.sku) }
            training += earlier.map { (customer, $0) }
            let new = Set(last.items.map(\.sku)).subtracting(earlier)
            if !new.isEmpty { heldOut[customer] = new }
        }
        let recommender = Recommender(products: fixture.products, purchases: training)
        var hits = 0
        var popularityHits = 0
        for (customer, targets) in heldOut {
            let suggested = recommender.recommend(for: customer, limit: cutoff).map(\.product.sku)
            if suggested.contains(where: targets.contains) { hits += 1 }
            if recommender.popular(for: customer, limit: cutoff).contains(where: { targets.contains($0.sku) }) {
                popularityHits += 1
            }
        }
        let count = max(heldOut.count, 1)
        return RecommenderEvaluation(customers: heldOut.count, hitRateAt5: Double(hits) / Double(count),
                                     popularityHitRateAt5: Double(popularityHits) / Double(count))
    }
}
