import Foundation
import XCTest
@testable import CRM

final class RecommenderTests: XCTestCase {
    /// Runners buy shoes, socks and watches; cooks buy knives and boards; everybody buys the bottle.
    private let shop: (products: [Product], purchases: [(customer: String, sku: String)]) = {
        let products = [
            Product(sku: "shoes", name: "Trail Running Shoes", category: "shoes", price: 90),
            Product(sku: "socks", name: "Running Socks", category: "apparel", price: 15),
            Product(sku: "watch", name: "Sports Watch", category: "sports", price: 250),
            Product(sku: "knife", name: "Chef's Knife", category: "kitchen", price: 120),
            Product(sku: "board", name: "Cutting Board", category: "kitchen", price: 35),
            Product(sku: "bottle", name: "Water Bottle", category: "sports", price: 29),
        ]
        var purchases: [(customer: String, sku: String)] = []
        for runner in ["r1", "r2", "r3"] { purchases += [(runner, "shoes"), (runner, "socks"), (runner, "watch")] }
        for cook in ["k1", "k2"] { purchases += [(cook, "knife"), (cook, "board")] }
        for anyone in ["r1", "r2", "r3", "k1", "k2", "x1", "x2"] { purchases.append((anyone, "bottle")) }
        purchases += [("new-runner", "shoes")]
        return (products, purchases)
    }()

    func testCosineSimilarityBetweenProducts() {
        let recommender = Recommender(products: shop.products, purchases: shop.purchases)
        // shoes: r1 r2 r3 new-runner (4); socks: r1 r2 r3 (3); common 3 -> 3 / sqrt(12)
        XCTAssertEqual(recommender.similarity(between: "shoes", and: "socks"), 3 / 12.0.squareRoot(), accuracy: 1e-12)
        XCTAssertEqual(recommender.similarity(between: "knife", and: "socks"), 0)
    }

    func testRecommendsWhatSimilarCustomersBoughtWithAReason() {
        let recommender = Recommender(products: shop.products, purchases: shop.purchases)
        let suggestions = recommender.recommend(for: "new-runner", limit: 2)
        XCTAssertEqual(Set(suggestions.map(\.product.sku)), ["socks", "watch"])
        XCTAssertEqual(suggestions.first?.reason, "people who bought Trail Running Shoes also bought it")
        XCTAssertEqual(suggestions.first?.because?.sku, "shoes")
    }

    func testNeverRecommendsWhatTheCustomerOwns() {
        let recommender = Recommender(products: shop.products, purchases: shop.purchases)
        for customer in ["r1", "k1", "new-runner", "x1"] {
            let owned = Set(shop.purchases.filter { $0.customer == customer }.map(\.sku))
            let suggested = Set(recommender.recommend(for: customer, limit: 10).map(\.product.sku))
            XCTAssertTrue(owned.isDisjoint(with: suggested), customer)
        }
    }

    func testAnonymousAndNewCustomersGetThePopularItems() {
        let recommender = Recommender(products: shop.products, purchases: shop.purchases)
        for customer in [nil, "never-bought-anything"] as [String?] {
            let suggestions = recommender.recommend(for: customer, limit: 2)
            XCTAssertEqual(suggestions.map(\.product.sku), ["bottle", "shoes"])
            XCTAssertNil(suggestions.first?.because)
            XCTAssertEqual(suggestions.first?.reason, "popular in sports: bought by 7 customers")
        }
    }

    func testCategoryAndBudgetNarrowTheList() {
        let recommender = Recommender(products: shop.products, purchases: shop.purchases)
        XCTAssertEqual(recommender.recommend(for: "new-runner", category: "Kitchen", limit: 5).map(\.product.sku),
                       ["knife", "board"])  // popular fill: nothing in kitchen is similar to shoes
        XCTAssertEqual(recommender.recommend(for: nil, category: "shoe", limit: 5).map(\.product.sku), ["shoes"])
        XCTAssertEqual(recommender.recommend(for: "new-runner", maxPrice: 100, limit: 5).first?.product.sku, "socks")
        XCTAssertTrue(recommender.recommend(for: nil, maxPrice: 20, limit: 5).allSatisfy { $0.product.price <= 20 })
        XCTAssertEqual(recommender.recommend(for: nil, category: "garden", limit: 5), [])
    }

    func testCollaborativeFilterBeatsPopularityOnTheDemoData() {
        let result = RecommenderEvaluation.evaluate(.demo)
        XCTAssertGreaterThan(result.customers, 100)
        XCTAssertGreaterThan(result.hitRateAt5, result.popularityHitRateAt5)
    }

    func testStoreRecommendsFromItsOrderHistory() throws {
        let store = try CRMStore.inMemory(loading: .demo)
        let suggestions = try store.recommendations(for: "C1001", category: nil, maxPrice: nil, limit: 5)
        XCTAssertEqual(suggestions.count, 5)
        let owned = Set(try store.orders(ofCustomer: "C1001").filter { $0.status != .cancelled }.flatMap { $0.items.map(\.sku) })
        XCTAssertTrue(owned.isDisjoint(with: suggestions.map(\.product.sku)))
        XCTAssertTrue(suggestions.allSatisfy { $0.reason.hasPrefix("people who bought") }, "\(suggestions.map(\.reason))")
        let shoes = try store.recommendations(for: "C1003", category: "shoes", maxPrice: nil, limit: 3)
        XCTAssertEqual(shoes.count, 3)
        XCTAssertTrue(shoes.allSatisfy { $0.product.category == "shoes" })
    }
}
