import Dialogue
import Foundation

/// A small shop in the shape of the demo data: enough products, customers and orders to drive every flow.
enum TestShop {
    static let items: [ProductCatalog.Item] = [
        .init(sku: "P-100", name: "Trail Running Shoes", category: "shoes", price: 89.99),
        .init(sku: "P-104", name: "Canvas Sneakers", category: "shoes", price: 49.99),
        .init(sku: "P-107", name: "Waterproof Rain Boots", category: "shoes", price: 59.00),
        .init(sku: "P-111", name: "Running Socks (3-pack)", category: "apparel", price: 14.99),
        .init(sku: "P-114", name: "Rain Jacket", category: "apparel", price: 129.00),
        .init(sku: "P-135", name: "Wireless Earbuds", category: "electronics", price: 129.00),
        .init(sku: "P-136", name: "Noise-Cancelling Headphones", category: "electronics", price: 279.00),
        .init(sku: "P-147", name: "Two-Person Tent", category: "outdoors", price: 219.00),
        .init(sku: "P-159", name: "Chef's Knife 8-inch", category: "kitchen", price: 119.00),
        .init(sku: "P-161", name: "Cast Iron Skillet", category: "kitchen", price: 44.99),
        .init(sku: "P-190", name: "Vitamin C Serum", category: "beauty", price: 34.00),
    ]

    static let catalog = ProductCatalog(items)
}

/// An in-memory stand-in for the CRM with the same access rules (SPEC §7), for tests that need
/// a store's answers without a database. The full conversations also run on a real CRMStore.
final class FakeRecords: CustomerRecords {
    struct StoredOrder {
        var customerID: String
        var facts: OrderFacts
    }

    var customers: [String: CustomerFacts] = [
        "C1001": CustomerFacts(id: "C1001", name: "Alice Chen", email: "alice@example.com"),
        "C1002": CustomerFacts(id: "C1002", name: "Bob Martinez", email: "bob@example.com"),
    ]
    var orders: [String: StoredOrder] = [
        "10023": StoredOrder(customerID: "C1001", facts: OrderFacts(
            id: "10023", status: "shipped", items: [.init(name: "Trail Running Shoes", quantity: 1)],
            carrier: "UPS", tracking: "1Z999AA10123456784", placed: "2026-11-02", eta: "2026-11-25")),
        "10031": StoredOrder(customerID: "C1001", facts: OrderFacts(
            id: "10031", status: "processing", items: [.init(name: "Running Socks (3-pack)", quantity: 2)],
            placed: "2026-11-20", eta: "2026-11-28")),
        "10040": StoredOrder(customerID: "C1002", facts: OrderFacts(
            id: "10040", status: "delivered", items: [.init(name: "Rain Jacket", quantity: 1)],
            carrier: "FedEx", placed: "2026-10-01", eta: "2026-10-05")),
    ]
    var complaints: [ComplaintDraft] = []
    var turns: [TurnRecord] = []
    var failing = false

    func customer(id: String) throws -> CustomerFacts? { customers[id] }

    func order(id: String, credential: OrderCredential) throws -> OrderFacts? {
        if failing { throw FakeError.unavailable }
        guard let stored = orders[id] else { return nil }
        switch credential {
        case let .customer(customerID):
            return stored.customerID == customerID ? stored.facts : nil
        case let .email(email):
            return customers[stored.customerID]?.email == email.lowercased() ? stored.facts : nil
        }
    }

    func orderIDs(ofCustomer id: String) throws -> [String] {
        orders.filter { $0.value.customerID == id }.map(\.key).sorted(by: >)
    }

    func recommendations(for customerID: String?, category: String?, maxPrice: Double?, limit: Int) throws
        -> [RecommendationFacts]
    {
        if failing { throw FakeError.unavailable }
        return TestShop.items
            .filter { category == nil || $0.category == category }
            .filter { maxPrice == nil || $0.price <= maxPrice! }
            .sorted { $0.price > $1.price }
            .prefix(limit)
            .map { RecommendationFacts(sku: $0.sku, name: $0.name, category: $0.category, price: $0.price, reason: "popular") }
    }

    func catalog() throws -> [ProductCatalog.Item] { TestShop.items }

    func logComplaint(_ complaint: ComplaintDraft) throws -> ComplaintReceipt {
        if failing { throw FakeError.unavailable }
        complaints.append(complaint)
        return ComplaintReceipt(ticket: "T-\(1000 + complaints.count)", isUrgent: complaint.sentiment <= -0.6)
    }

    func logTurn(_ turn: TurnRecord) throws { turns.append(turn) }

    enum FakeError: Error { case unavailable }
}

/// A classifier that decides by keywords, so conversation tests do not depend on the trained model.
struct KeywordClassifier: TurnClassifier {
    func intent(of text: String) -> (intent: String, confidence: Double) {
        let words = text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "@" && $0 != "." })
        let padded = " " + words.joined(separator: " ") + " "
        let rules: [(String, [String])] = [
            ("cancel", ["never mind", "nevermind", "cancel", "forget it"]),
            ("human_agent", ["person", "human", "agent", "representative"]),
            ("complaint", ["complain", "complaint", "broken", "terrible", "awful", "damaged", "worst", "unacceptable"]),
            ("order_status", ["order", "package", "delivery", "where is"]),
            ("recommend_products", ["recommend", "suggest", "looking for", "gift", "something", "anything"]),
            ("thanks", ["thank"]),
            ("goodbye", ["bye"]),
            ("help", ["help", "what can you do"]),
            ("greet", ["hello", "hi", "hey"]),
            ("affirm", ["yes", "sure", "ok"]),
            ("deny", ["no", "nope"]),
        ]
        for (intent, phrases) in rules where phrases.contains(where: { padded.contains(" \($0) ") }) {
            return (intent, 0.9)
        }
        if padded.contains("@") { return ("provide_email", 0.8) }
        return ("out_of_scope", 0.2)
    }
}

/// A sentiment scorer that reads a few words, for the same reason.
struct KeywordScorer: TurnSentimentScorer {
    func sentiment(of text: String) -> TurnSentiment {
        let lower = text.lowercased()
        if ["furious", "worst", "unacceptable", "disgusting", "terrible", "useless"].contains(where: lower.contains) {
            return TurnSentiment(compound: -0.8)
        }
        if ["broken", "bad", "late", "annoyed"].contains(where: lower.contains) { return TurnSentiment(compound: -0.3) }
        if ["thanks", "great", "love"].contains(where: lower.contains) { return TurnSentiment(compound: 0.6) }
        return TurnSentiment(compound: 0)
    }
}

/// 2026-11-23T12:00:00Z, the date transcripts use.
let testNow = Date(timeIntervalSince1970: 1_795_435_200)

/// The agent the end-to-end conversations use.
enum TestAgent {
    static func make(intents: URL) throws -> Agent {
        Agent(classifier: KeywordClassifier(), scorer: KeywordScorer())
    }
}
