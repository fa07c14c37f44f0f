import Foundation

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
