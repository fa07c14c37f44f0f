import Foundation
import GRDB

// The rows of the schema (see Schema.swift), as GRDB records. The public types that map one row to one
// value conform directly; orders and complaints have internal row types the store assembles.

extension Customer: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "customers"
}

extension Product: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "products"
}

struct OrderRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "orders"
    var id: String
    var customerID: String
    var status: String
    var placed: String
    var eta: String?
    var carrier: String?
    var tracking: String?
}

struct OrderItemRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "order_items"
    var orderID: String
    var sku: String
    var quantity: Int
    var unitPrice: Double
}

struct ComplaintRow: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "complaints"
    var id: Int64?
    var customerID: String?
    var orderID: String?
    var text: String
    var sentiment: Double
    var priority: String
    var status: String
    var createdAt: Date

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    var complaint: Complaint {
        Complaint(id: id ?? 0, customerID: customerID, orderID: orderID, text: text, sentiment: sentiment,
                  priority: ComplaintPriority(rawValue: priority) ?? .normal, status: status,
                  createdAt: createdAt)
    }
}

struct ConversationTurnRow: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "conversation_log"
    var id: Int64?
    var sessionID: String
    var customerID: String?
    var text: String
    var intent: String
    var confidence: Double
    var sentiment: Double
    var createdAt: Date
    var slots: [String: String]
    var actions: [String]
    var reply: String
    var state: String

    init(_ turn: ConversationTurn) {
        sessionID = turn.sessionID
        customerID = turn.customerID
        text = TextKitBridge.mask(turn.text)
        intent = turn.intent
        confidence = turn.confidence
        sentiment = turn.sentiment
        createdAt = turn.date
        slots = turn.slots
        actions = turn.actions
        reply = TextKitBridge.mask(turn.reply)
        state = turn.state
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    var turn: ConversationTurn {
        ConversationTurn(sessionID: sessionID, customerID: customerID, text: text, intent: intent,
                         confidence: confidence, sentiment: sentiment, date: createdAt, slots: slots,
                         actions: actions, reply: reply, state: state)
    }
}
