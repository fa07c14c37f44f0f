import CRM
import Foundation

/// The CRM store as the dialogue's ``CustomerRecords``: the seam between the conversation and GRDB.
///
/// It maps CRM's records to the dialogue's facts, and stamps complaints and turns with the session's
/// clock (`now`), so transcripts with a fixed `@today` store fixed dates.
public struct StoreRecords: CustomerRecords {
    public let store: CRMStore
    private let now: @Sendable () -> Date

    public init(store: CRMStore, now: @escaping @Sendable () -> Date) {
        self.store = store
        self.now = now
    }

    public func customer(id: String) throws -> CustomerFacts? {
        try store.customer(id: id).map { CustomerFacts(id: $0.id, name: $0.name, email: $0.email) }
    }

    public func order(id: String, credential: OrderCredential) throws -> OrderFacts? {
        let access: OrderAccess = switch credential {
        case let .customer(id): .customer(id: id)
        case let .email(email): .email(email)
        }
        return try store.lookUpOrder(id: id, access: access).map(Self.facts)
    }

    public func orderIDs(ofCustomer id: String) throws -> [String] {
        try store.orders(ofCustomer: id).map(\.id)
    }

    public func recommendations(for customerID: String?, category: String?, maxPrice: Double?, limit: Int) throws
        -> [RecommendationFacts]
    {
        try store.recommendations(for: customerID, category: category, maxPrice: maxPrice, limit: limit).map {
            RecommendationFacts(
                sku: $0.product.sku, name: $0.product.name, category: $0.product.category, price: $0.product.price,
                reason: $0.reason)
        }
    }

    public func catalog() throws -> [ProductCatalog.Item] {
        try store.catalog()
    }

    public func logComplaint(_ complaint: ComplaintDraft) throws -> ComplaintReceipt {
        let stored = try store.logComplaint(NewComplaint(
            customerID: complaint.customerID, orderID: complaint.orderID, text: complaint.text,
            sentiment: complaint.sentiment, date: now()))
        return ComplaintReceipt(ticket: stored.ticket, isUrgent: stored.priority == .urgent)
    }

    public func logTurn(_ turn: TurnRecord) throws {
        try store.logTurn(ConversationTurn(
            sessionID: turn.sessionID, customerID: turn.customerID, text: turn.text, intent: turn.intent,
            confidence: turn.confidence, sentiment: turn.sentiment, date: turn.at, slots: turn.slots,
            actions: turn.actions, reply: turn.reply, state: turn.state))
    }

    private static func facts(_ order: OrderDetails) -> OrderFacts {
        OrderFacts(
            id: order.id, status: order.status.rawValue,
            items: order.items.map { OrderFacts.Item(name: $0.name, quantity: $0.quantity) },
            carrier: order.carrier, tracking: order.tracking, placed: order.placed, eta: order.eta)
    }
}

extension Session {
    /// A session on the CRM store (the API of INTERFACES.md).
    public convenience init(
        agent: Agent, store: CRMStore, customerID: String?, now: @escaping @Sendable () -> Date, seed: UInt64
    ) {
        self.init(agent: agent, records: StoreRecords(store: store, now: now), customerID: customerID, now: now, seed: seed)
    }
}
