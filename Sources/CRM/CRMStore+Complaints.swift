import Foundation
import GRDB

extension CRMStore {
    /// Logs a complaint and returns its ticket.
    ///
    /// The text is stored with card numbers masked, the priority follows from the sentiment, and the row
    /// is written in one transaction that is synced to disk before this returns, so the ticket number the
    /// customer is told always names a stored complaint. If it throws, nothing was stored.
    public func logComplaint(_ complaint: NewComplaint) throws -> Complaint {
        var row = ComplaintRow(
            id: nil, customerID: complaint.customerID, orderID: complaint.orderID,
            text: TextKitBridge.mask(complaint.text), sentiment: complaint.sentiment,
            priority: ComplaintPriority(sentiment: complaint.sentiment).rawValue, status: "open",
            createdAt: complaint.date)
        try database.write { db in
            if let customerID = row.customerID, try !Customer.exists(db, key: customerID) {
                throw CRMError.unknownCustomer(customerID)
            }
            if let orderID = row.orderID, try !OrderRow.exists(db, key: orderID) {
                throw CRMError.unknownOrder(orderID)
            }
            try row.insert(db)
        }
        return row.complaint
    }

    /// Logged complaints, newest first; only those still open when `openOnly`.
    public func complaints(openOnly: Bool = false) throws -> [Complaint] {
        try database.read { db in
            try ComplaintRow.fetchAll(db, sql: """
                SELECT * FROM complaints WHERE (? = 0 OR status = 'open') ORDER BY createdAt DESC, id DESC
                """, arguments: [openOnly]).map(\.complaint)
        }
    }

    /// The complaint with this ticket number (`T-100042`), or nil.
    public func complaint(ticket: String) throws -> Complaint? {
        guard ticket.hasPrefix("T-"), let number = Int64(ticket.dropFirst(2)), number > 100_000 else { return nil }
        return try database.read { db in try ComplaintRow.fetchOne(db, key: number - 100_000)?.complaint }
    }

    /// Appends one turn to the conversation log (texts card-masked), in one transaction.
    public func logTurn(_ turn: ConversationTurn) throws {
        var row = ConversationTurnRow(turn)
        try database.write { db in try row.insert(db) }
    }

    /// The logged turns of a session, in order.
    public func turns(ofSession sessionID: String) throws -> [ConversationTurn] {
        try database.read { db in
            try ConversationTurnRow.fetchAll(db, sql: "SELECT * FROM conversation_log WHERE sessionID = ? ORDER BY id",
                                             arguments: [sessionID]).map(\.turn)
        }
    }

    /// Checks the file with SQLite's `integrity_check`; returns its verdict lines (`["ok"]` when sound).
    public func integrityCheck() throws -> [String] {
        try database.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
    }

    /// How many complaints are on file.
    public func complaintCount() throws -> Int {
        try database.read { db in try ComplaintRow.fetchCount(db) }
    }
}
