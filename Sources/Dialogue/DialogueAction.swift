/// What the state machine asks its caller to do. The caller (``Session``) performs each action in order
/// and feeds the outcome of a store action back as an event.
public enum DialogueAction: Sendable, Equatable {
    /// Say the reply with this key, filled with these facts (see ReplyTemplates).
    case reply(ReplyKey, ReplyFacts)
    /// Look up an order for the person asking; answer with `orderLookedUp(_:today:)`.
    case lookUpOrder(id: String, credential: OrderCredential)
    /// Ask the store for products to suggest; answer with `recommendationsFound(_:)`.
    case recommend(RecommendationRequest)
    /// Store a complaint; answer with `complaintLogged(_:)`.
    case logComplaint(ComplaintDraft)
    /// Pass the conversation to a person.
    case handoff(HandoffReason)

    /// The SPEC §6 name of a store action, or nil for a reply.
    public var actionName: String? {
        switch self {
        case .reply: nil
        case .lookUpOrder: "lookup_order"
        case .recommend: "recommend_products"
        case .logComplaint: "log_complaint"
        case .handoff: "handoff"
        }
    }
}

/// The values a reply template is filled with, by placeholder name.
public typealias ReplyFacts = [String: String]

/// What to ask the store for when recommending.
public struct RecommendationRequest: Sendable, Equatable {
    public var category: String?
    public var maxPrice: Double?
    /// How many to fetch; the machine shows fewer when some were already shown.
    public var limit: Int

    public init(category: String?, maxPrice: Double?, limit: Int) {
        self.category = category
        self.maxPrice = maxPrice
        self.limit = limit
    }
}

/// Why a person was brought in.
public enum HandoffReason: String, Sendable, Equatable {
    /// The customer asked for a person.
    case requested
    /// Two tries at a detail failed, and the customer accepted the offer of a person.
    case stuck
    /// The customer stayed upset over several turns and accepted the offer.
    case upset
    /// Identification by email failed three times and the customer accepted the offer.
    case identification
}

/// Every reply the agent can give; the raw value is its key in replies.json.
public enum ReplyKey: String, Sendable, Equatable, CaseIterable {
    case opening = "opening"
    case greet = "greet"
    case goodbye = "goodbye"
    case thanks = "thanks"
    case help = "help"
    case affirmWithoutQuestion = "affirm_without_question"
    case denyWithoutQuestion = "deny_without_question"
    case fallback = "fallback"
    case emptyInput = "empty_input"
    case longInput = "long_input"
    case recordsUnavailable = "records_unavailable"

    case askOrderNumber = "ask_order_number"
    case askOrderNumberAgain = "ask_order_number_again"
    case askWhichOtherOrder = "ask_which_other_order"
    case noOtherOrder = "no_other_order"
    case askEmail = "ask_email"
    case askEmailAgain = "ask_email_again"
    case malformedEmail = "malformed_email"
    case emailNotNeeded = "email_not_needed"
    case emailNoted = "email_noted"
    case orderNotFound = "order_not_found"
    case orderNotFoundAnonymous = "order_not_found_anonymous"
    case identificationLocked = "identification_locked"
    case identificationStillLocked = "identification_still_locked"
    case orderPending = "order_pending"
    case orderProcessing = "order_processing"
    case orderShipped = "order_shipped"
    case orderDelivered = "order_delivered"
    case orderCancelled = "order_cancelled"
    case orderReturned = "order_returned"
    case orderOtherStatus = "order_other_status"

    case recommendations = "recommendations"
    case noRecommendations = "no_recommendations"

    case askComplaintDetails = "ask_complaint_details"
    case complaintLogged = "complaint_logged"
    case complaintUrgent = "complaint_urgent"
    case complaintNotStored = "complaint_not_stored"

    case cancelled = "cancelled"
    case nothingToCancel = "nothing_to_cancel"
    case resuming = "resuming"
    case droppedFlow = "dropped_flow"

    case offerHandoffStuck = "offer_handoff_stuck"
    case offerHandoffUpset = "offer_handoff_upset"
    case handoff = "handoff"
    case handoffDeclined = "handoff_declined"
    case alreadyHandedOff = "already_handed_off"
}
