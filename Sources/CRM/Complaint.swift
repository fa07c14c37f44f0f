import Foundation

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
