import Foundation

/// The CRM operations a conversation needs, owned here so that the dialogue can be tested without a
/// database and the store can be swapped (STYLE.md, "protocols at the seams").
///
/// `CRMStore` conforms through `StoreRecords` (CRMStore+CustomerRecords.swift). Every call may throw:
/// the session then tells the customer it could not reach the records, and nothing is half-done.
public protocol CustomerRecords {
    /// The customer with this ID, or nil.
    func customer(id: String) throws -> CustomerFacts?
    /// The order, only when `credential` proves it belongs to the asker; nil for a missing order and for
    /// someone else's alike.
    func order(id: String, credential: OrderCredential) throws -> OrderFacts?
    /// The IDs of a customer's orders, most recently placed first.
    func orderIDs(ofCustomer id: String) throws -> [String]
    /// Products to suggest: for a known customer from similar customers' purchases, else the most popular.
    func recommendations(for customerID: String?, category: String?, maxPrice: Double?, limit: Int) throws
        -> [RecommendationFacts]
    /// Every product, for the slot extractor's catalog.
    func catalog() throws -> [ProductCatalog.Item]
    /// Stores a complaint in one transaction and returns its ticket.
    func logComplaint(_ complaint: ComplaintDraft) throws -> ComplaintReceipt
    /// Appends one turn to the conversation log.
    func logTurn(_ turn: TurnRecord) throws
}

/// What proves that an order may be shown to the person asking.
public enum OrderCredential: Sendable, Equatable {
    /// The session is signed in as this customer.
    case customer(id: String)
    /// An anonymous session gave this email; it must be the one on the order.
    case email(String)
}

public struct CustomerFacts: Sendable, Equatable {
    public var id: String
    public var name: String
    public var email: String

    public init(id: String, name: String, email: String) {
        self.id = id
        self.name = name
        self.email = email
    }

    /// The first word of the name, for a friendly greeting.
    public var firstName: String {
        String(name.split(separator: " ").first ?? Substring(name))
    }
}

public struct OrderFacts: Sendable, Equatable {
    public struct Item: Sendable, Equatable {
        public var name: String
        public var quantity: Int

        public init(name: String, quantity: Int) {
            self.name = name
            self.quantity = quantity
        }
    }

    public var id: String
    /// One of SPEC §4's statuses: pending, processing, shipped, delivered, cancelled, returned.
    public var status: String
    public var items: [Item]
    public var carrier: String?
    public var tracking: String?
    /// Calendar day the order was placed, as `yyyy-MM-dd`.
    public var placed: String?
    /// Calendar day it is expected, as `yyyy-MM-dd`.
    public var eta: String?

    public init(
        id: String, status: String, items: [Item], carrier: String? = nil, tracking: String? = nil,
        placed: String? = nil, eta: String? = nil
    ) {
        self.id = id
        self.status = status
        self.items = items
        self.carrier = carrier
        self.tracking = tracking
        self.placed = placed
        self.eta = eta
    }
}

public struct RecommendationFacts: Sendable, Equatable {
    public var sku: String
    public var name: String
    public var category: String
    public var price: Double
    /// Why it is suggested, in a few words ("popular with customers who bought Trail Running Shoes").
    public var reason: String

    public init(sku: String, name: String, category: String, price: Double, reason: String) {
        self.sku = sku
        self.name = name
        self.category = category
        self.price = price
        self.reason = reason
    }
}

public struct ComplaintDraft: Sendable, Equatable {
    public var customerID: String?
    public var orderID: String?
    /// What the customer wrote (the store masks card numbers before keeping it).
    public var text: String
    /// The compound sentiment of the complaint, in [-1, 1].
    public var sentiment: Double

    public init(customerID: String?, orderID: String?, text: String, sentiment: Double) {
        self.customerID = customerID
        self.orderID = orderID
        self.text = text
        self.sentiment = sentiment
    }
}

public struct ComplaintReceipt: Sendable, Equatable {
    public var ticket: String
    /// True when the complaint was marked urgent, so a person follows up.
    public var isUrgent: Bool

    public init(ticket: String, isUrgent: Bool) {
        self.ticket = ticket
        self.isUrgent = isUrgent
    }
}

/// One exchange for the conversation log.
public struct TurnRecord: Sendable, Equatable {
    public var sessionID: String
    public var customerID: String?
    public var index: Int
    public var at: Date
    /// The customer's text, sanitised (and cut short if it was very long).
    public var text: String
    public var intent: String
    public var confidence: Double
    public var sentiment: Double
    public var slots: [String: String]
    public var actions: [String]
    public var reply: String
    public var state: String

    public init(
        sessionID: String, customerID: String?, index: Int, at: Date, text: String, intent: String,
        confidence: Double, sentiment: Double, slots: [String: String], actions: [String], reply: String,
        state: String
    ) {
        self.sessionID = sessionID
        self.customerID = customerID
        self.index = index
        self.at = at
        self.text = text
        self.intent = intent
        self.confidence = confidence
        self.sentiment = sentiment
        self.slots = slots
        self.actions = actions
        self.reply = reply
        self.state = state
    }
}
