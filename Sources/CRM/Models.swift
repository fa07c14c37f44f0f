import Foundation
import GRDB

/// A customer of the shop.
public struct Customer: Codable, Sendable, Equatable, Hashable {
    public var id: String
    public var name: String
    public var email: String
    /// `standard`, `silver`, `gold` or `platinum`.
    public var tier: String

    public init(id: String, name: String, email: String, tier: String = "standard") {
        self.id = id
        self.name = name
        self.email = email
        self.tier = tier
    }

    enum CodingKeys: String, CodingKey { case id, name, email, tier }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        name = try container.decode(String.self, forKey: .name)
        email = try container.decode(String.self, forKey: .email)
        tier = try container.decodeIfPresent(String.self, forKey: .tier) ?? "standard"
    }
}

/// A product in the catalog.
public struct Product: Codable, Sendable, Equatable, Hashable {
    public var sku: String
    public var name: String
    public var category: String
    public var price: Double

    public init(sku: String, name: String, category: String, price: Double) {
        self.sku = sku
        self.name = name
        self.category = category
        self.price = price
    }
}

/// Where an order is in its life.
public enum OrderStatus: String, Codable, Sendable, CaseIterable {
    case pending, processing, shipped, delivered, cancelled, returned
}

/// One line of an order, with the product's name for the reply.
public struct OrderLine: Sendable, Equatable {
    public var sku: String
    public var name: String
    public var quantity: Int
    public var unitPrice: Double
}

/// An order as the customer sees it.
public struct OrderDetails: Sendable, Equatable {
    public var id: String
    public var customerID: String
    public var status: OrderStatus
    /// The day the order was placed, `YYYY-MM-DD`.
    public var placed: String
    /// The expected delivery day, `YYYY-MM-DD`, when known.
    public var eta: String?
    public var carrier: String?
    public var tracking: String?
    public var items: [OrderLine]

    public var total: Double { items.reduce(0) { $0 + Double($1.quantity) * $1.unitPrice } }
}

/// Who is asking for an order: a signed-in customer, or an anonymous visitor who gave an email.
public enum OrderAccess: Sendable, Equatable {
    case customer(id: String)
    case email(String)
}

/// A product suggested to a customer, with why.
public struct Recommendation: Sendable, Equatable {
    public var product: Product
    /// Higher is better; cosine-similarity sums for the collaborative filter, buyer counts for popularity.
    public var score: Double
    /// One short sentence for the customer ("people who bought Trail Running Shoes also bought this").
    public var reason: String
    /// The owned product the suggestion comes from, when it comes from the collaborative filter.
    public var because: Product?
}

/// How soon staff must look at a complaint.
public enum ComplaintPriority: String, Codable, Sendable, CaseIterable, Comparable {
    case low, normal, high, urgent

    /// The priority that a complaint's sentiment (compound score in [-1, 1]) calls for.
    ///
    /// Very negative complaints (<= -0.6, "worst service ever, still waiting") are urgent and get a
    /// person; the other cut points split the usual range of annoyed-but-calm complaints.
    public init(sentiment: Double) {
        switch sentiment {
        case ...(-0.6): self = .urgent
        case ...(-0.25): self = .high
        case ..<0.05: self = .normal
        default: self = .low
        }
    }

    private var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
}

/// A complaint the dialogue wants logged.
public struct NewComplaint: Sendable, Equatable {
    public var customerID: String?
    public var orderID: String?
    /// What the customer wrote; card numbers are masked before it is stored.
    public var text: String
    /// The sentiment's compound score in [-1, 1].
    public var sentiment: Double
    /// When it was made (from the session's clock, so transcripts can fix it).
    public var date: Date

    public init(customerID: String?, orderID: String?, text: String, sentiment: Double, date: Date) {
        self.customerID = customerID
        self.orderID = orderID
        self.text = text
        self.sentiment = sentiment
        self.date = date
    }
}

/// A logged complaint (a ticket).
public struct Complaint: Sendable, Equatable, Codable {
    public var id: Int64
    public var customerID: String?
    public var orderID: String?
    /// The stored text, card numbers masked.
    public var text: String
    public var sentiment: Double
    public var priority: ComplaintPriority
    /// `open` or `closed`.
    public var status: String
    public var createdAt: Date

    /// The number the customer is told, e.g. `T-100042`.
    public var ticket: String { Complaint.ticket(forID: id) }

    static func ticket(forID id: Int64) -> String { "T-\(100_000 + id)" }
}

/// One turn of a conversation, for the interaction history: what the customer said, how it was
/// understood, and what the agent did and answered.
public struct ConversationTurn: Sendable, Equatable {
    public var sessionID: String
    public var customerID: String?
    /// What the customer typed; card numbers are masked before it is stored.
    public var text: String
    public var intent: String
    public var confidence: Double
    public var sentiment: Double
    public var date: Date
    /// The slots this turn filled (`order_id`, `email`, ...).
    public var slots: [String: String]
    /// The CRM actions that ran (`lookup_order`, `log_complaint`, ...).
    public var actions: [String]
    /// What the agent answered; card numbers are masked before it is stored.
    public var reply: String
    /// The dialogue's state after the turn.
    public var state: String

    public init(sessionID: String, customerID: String?, text: String, intent: String, confidence: Double,
                sentiment: Double, date: Date, slots: [String: String] = [:], actions: [String] = [],
                reply: String = "", state: String = "") {
        self.sessionID = sessionID
        self.customerID = customerID
        self.text = text
        self.intent = intent
        self.confidence = confidence
        self.sentiment = sentiment
        self.date = date
        self.slots = slots
        self.actions = actions
        self.reply = reply
        self.state = state
    }
}
