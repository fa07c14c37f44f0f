import Foundation

/// One customer turn as the dialogue sees it: what it means, how it feels, what it says.
public struct UnderstoodTurn: Sendable, Equatable {
    /// The customer's text, already made safe to echo.
    public var text: String
    /// The classifier's decision (`out_of_scope` when it fell back).
    public var intent: String
    public var confidence: Double
    /// Compound sentiment in [-1, 1].
    public var sentiment: Double
    public var slots: Slots

    public init(text: String, intent: String, confidence: Double = 1, sentiment: Double = 0, slots: Slots = Slots()) {
        self.text = text
        self.intent = intent
        self.confidence = confidence
        self.sentiment = sentiment
        self.slots = slots
    }
}

/// The conversation's rules, as a plain value: one `mutating func` per event, each returning the
/// actions the caller must perform (STYLE.md, example 4). It does no I/O; store results come back as
/// events (`orderLookedUp`, `recommendationsFound`, `complaintLogged`, `recordsUnavailable`).
///
/// The flows of SPEC §6 and the access rules of §7:
/// - order status asks for the number when missing and takes it in any wording next turn, whatever the
///   classifier says; an anonymous session must give the order's email, and after three lookups that
///   did not match it stops trying. A missing order and someone else's get the same reply;
/// - recommendations narrow by category and budget and remember the last request ("something cheaper");
/// - complaints ask what happened when too short, then log with the order and tell the ticket;
/// - cancel leaves any flow; another flow's question mid-way is answered and the pending question is
///   asked again, or dropped, saying so;
/// - two failed tries at a detail, or sentiment strongly negative over the last turns, offer a person.
public struct DialogueStateMachine: Sendable {
    /// The signed-in customer, as the machine needs them.
    public struct Customer: Sendable, Equatable {
        public var id: String
        public var firstName: String
        /// Their orders, most recently placed first ("my other order").
        public var orderIDs: [String]

        public init(id: String, firstName: String, orderIDs: [String]) {
            self.id = id
            self.firstName = firstName
            self.orderIDs = orderIDs
        }
    }

    /// A question the agent asked and is waiting to have answered.
    private enum Question: Sendable, Equatable {
        /// The order number for an order-status request; `failures` counts turns that did not give one.
        case orderNumber(failures: Int)
        /// The email on order `orderID`, from an anonymous session; `failures` counts turns without one.
        case email(orderID: String, failures: Int)
        /// What went wrong, after a complaint too short to log (`opening` is what they said first).
        case complaintDetails(opening: String, orderID: String?, failures: Int)
        /// Whether they want a person; `reason` is why it was offered.
        case handoff(reason: HandoffReason)
    }

    private enum State: Sendable, Equatable {
        /// Nothing is pending: the next turn starts whatever it asks for.
        case idle
        /// A question was asked; the next turn is read as its answer first.
        case asking(Question)
        /// Waiting for the store to look up an order; `failures` carries over to a repeated question and
        /// `resume` is the question to go back to afterwards.
        case lookingUpOrder(id: String, credential: OrderCredential, failures: Int, resume: Question?)
        /// Waiting for the store's suggestions for `request`.
        case recommending(request: RecommendationRequest, resume: Question?)
        /// Waiting for the store to log a complaint.
        case loggingComplaint(resume: Question?)
        /// The customer said goodbye; a new turn starts afresh.
        case ended
    }

    /// What the conversation remembers across flows (context for "my other order", "something cheaper").
    private struct Memory: Sendable, Equatable {
        /// The last order shown to the customer, once its ownership was proven.
        var lastOrderID: String?
        /// Every order shown in this session.
        var shownOrderIDs: [String] = []
        /// The email that proved ownership of an order in an anonymous session.
        var verifiedEmail: String?
        /// An email an anonymous customer gave before naming an order.
        var offeredEmail: String?
        /// Lookups by email that matched no order of that email (SPEC §7: three, then stop).
        var wrongEmailAttempts = 0
        /// The last recommendation request, and the products it showed.
        var lastRequest: RecommendationRequest?
        var shownProducts: [RecommendationFacts] = []
        /// Whether a reference ("cheaper", "similar") asked for products not shown yet.
        var wantsFreshProducts = false
        /// Compound sentiment of the recent turns, newest last.
        var recentSentiment: [Double] = []
        /// A person was offered because of sentiment (offered once per session).
        var offeredForSentiment = false
        /// A person has been asked to take over (or will follow up an urgent complaint).
        var personInvolved = false
    }

    public let customer: Customer?
    private var state: State = .idle
    private var memory = Memory()

    /// How many lookups by email may fail before the session stops trying (SPEC §7).
    public static let maximumWrongEmails = 3
    /// Failed tries at one detail before a person is offered (SPEC §6).
    public static let maximumFailures = 2
    /// Compound sentiment at or under which a turn counts as strongly negative.
    public static let strongNegative = -0.5
    /// How many strongly negative turns in a row make the agent offer a person.
    public static let upsetTurns = 2
    /// Suggestions shown per reply.
    public static let shownRecommendations = 3

    public init(customer: Customer?) {
        self.customer = customer
    }

    /// The state's name, for `--debug` and `TurnResult.state`.
    public var stateName: String {
        switch state {
        case .idle: "idle"
        case .asking(.orderNumber): "awaiting_order_number"
        case .asking(.email): "awaiting_email"
        case .asking(.complaintDetails): "awaiting_complaint_details"
        case .asking(.handoff): "offering_handoff"
        case .lookingUpOrder: "looking_up_order"
        case .recommending: "recommending"
        case .loggingComplaint: "logging_complaint"
        case .ended: "ended"
        }
    }

    /// The intent the last turn was taken as: the classifier's, unless the turn answered a question
    /// ("10023" after "what's the order number?" is `order_status`) or its slots said more.
    public private(set) var lastIntent = "out_of_scope"

    /// True once the customer said goodbye.
    public var isEnded: Bool { state == .ended }

    /// True while the machine waits for a store result: the caller must feed it before the next turn.
    public var isWaitingForStore: Bool {
        switch state {
        case .lookingUpOrder, .recommending, .loggingComplaint: true
        case .idle, .asking, .ended: false
        }
    }

    // MARK: - Events

    /// What the agent says before the first turn.
    public func opening() -> [DialogueAction] {
        [.reply(.opening, [:])]
    }

    /// A customer turn.
    public mutating func receive(_ turn: UnderstoodTurn) -> [DialogueAction] {
        memory.recentSentiment.append(turn.sentiment)
        if memory.recentSentiment.count > Self.upsetTurns { memory.recentSentiment.removeFirst() }
        let intent = effectiveIntent(of: turn)
        lastIntent = intent
        switch state {
        case .asking(let question):
            return answer(question, with: turn, intent: intent)
        case .idle, .ended, .lookingUpOrder, .recommending, .loggingComplaint:
            // A store result that never came back is dropped rather than blocking the conversation.
            state = .idle
            return start(intent, turn, resume: nil)
        }
    }

    /// The store's answer to `.lookUpOrder`: the order, or nil when it is missing or not the asker's.
    /// `today` dates the expected delivery ("arrives tomorrow").
    public mutating func orderLookedUp(_ order: OrderFacts?, today: Date) -> [DialogueAction] {
        guard case let .lookingUpOrder(id, credential, failures, resume) = state else { return [] }
        if let order {
            memory.lastOrderID = order.id
            if !memory.shownOrderIDs.contains(order.id) { memory.shownOrderIDs.append(order.id) }
            if case let .email(email) = credential { memory.verifiedEmail = email }
            var actions: [DialogueAction] = [OrderDescription(order: order, today: today).reply]
            comeToRest(&actions, resume: resume)
            return actions
        }
        switch credential {
        case .customer:
            let failures = failures + 1
            var actions: [DialogueAction] = [.reply(.orderNotFound, ["order_id": id])]
            askOrOfferPerson(.orderNumber(failures: failures), failures: failures, into: &actions)
            return actions
        case let .email(email):
            memory.wrongEmailAttempts += 1
            if memory.verifiedEmail == email { memory.verifiedEmail = nil }
            if memory.offeredEmail == email { memory.offeredEmail = nil }
            if memory.wrongEmailAttempts >= Self.maximumWrongEmails {
                state = .asking(.handoff(reason: .identification))
                return [.reply(.identificationLocked, ["order_id": id])]
            }
            state = .asking(.email(orderID: id, failures: failures))
            return [.reply(.orderNotFoundAnonymous, ["order_id": id])]
        }
    }

    /// The store's suggestions for `.recommend`.
    public mutating func recommendationsFound(_ products: [RecommendationFacts]) -> [DialogueAction] {
        guard case let .recommending(request, resume) = state else { return [] }
        let shownSKUs = Set(memory.shownProducts.map(\.sku))
        var fresh = memory.wantsFreshProducts ? products.filter { !shownSKUs.contains($0.sku) } : products
        fresh = Array(fresh.prefix(Self.shownRecommendations))
        memory.lastRequest = request
        var actions: [DialogueAction] = []
        if fresh.isEmpty {
            actions.append(.reply(.noRecommendations, Self.narrowingFacts(request)))
        } else {
            memory.shownProducts = memory.wantsFreshProducts ? memory.shownProducts + fresh : fresh
            var facts = Self.narrowingFacts(request)
            facts["list"] = Self.list(fresh)
            actions.append(.reply(.recommendations, facts))
        }
        memory.wantsFreshProducts = false
        comeToRest(&actions, resume: resume)
        return actions
    }

    /// The store's answer to `.logComplaint`: the receipt, or nil when nothing was stored.
    public mutating func complaintLogged(_ receipt: ComplaintReceipt?) -> [DialogueAction] {
        guard case let .loggingComplaint(resume) = state else { return [] }
        var actions: [DialogueAction]
        if let receipt {
            if receipt.isUrgent { memory.personInvolved = true }
            actions = [.reply(receipt.isUrgent ? .complaintUrgent : .complaintLogged, ["ticket": receipt.ticket])]
        } else {
            actions = [.reply(.complaintNotStored, [:])]
        }
        comeToRest(&actions, resume: resume)
        return actions
    }

    /// The store could not be reached for the pending action.
    public mutating func recordsUnavailable() -> [DialogueAction] {
        let resume: Question?
        switch state {
        case let .lookingUpOrder(_, _, _, pending), let .recommending(_, pending), let .loggingComplaint(pending):
            resume = pending
        case .idle, .asking, .ended:
            return []
        }
        var actions: [DialogueAction] = [.reply(.recordsUnavailable, [:])]
        comeToRest(&actions, resume: resume)
        return actions
    }

    // MARK: - Reading a turn

    /// The intent a turn is taken as: the classifier's, unless its slots or references say more.
    private func effectiveIntent(of turn: UnderstoodTurn) -> String {
        let slots = turn.slots
        let leavesFlow = ["cancel", "goodbye", "human_agent", "complaint"].contains(turn.intent)
        if !leavesFlow, memory.lastRequest != nil,
           !slots.references.isDisjoint(with: [.cheaper, .similar]) {
            return "recommend_products"
        }
        if !leavesFlow, slots.references.contains(.otherOrder) { return "order_status" }
        // Slots speak for a turn the model could not place, not for one it confidently placed out of
        // scope: "what's the weather like" must not become a search for a category that merely looks alike.
        guard turn.intent == "out_of_scope", turn.confidence < Self.confidentOutOfScope else { return turn.intent }
        if slots.orderID != nil { return "order_status" }
        if slots.email != nil { return "provide_email" }
        if slots.category != nil || slots.productSKU != nil || slots.budget != nil
            || !slots.references.isDisjoint(with: [.cheaper, .similar]) {
            return "recommend_products"
        }
        return turn.intent
    }

    /// Intents that start a flow of their own; anything else is small talk or unknown.
    private static let flowIntents: Set<String> = ["order_status", "recommend_products", "complaint"]
    /// Intents answered in one reply, after which a pending question is asked again.
    private static let smallTalkIntents: Set<String> = ["greet", "thanks", "help"]

    /// Below this confidence a turn that does not answer the pending question is taken as a failed try
    /// ("i dont know" may look like `help`), not as a question from another flow.
    public static let digressionConfidence = 0.55

    /// At or above this confidence an `out_of_scope` decision is the model's own, and slots do not overrule it.
    public static let confidentOutOfScope = 0.8

    /// True when a turn that did not answer the pending question asks something else instead.
    private func isDigression(_ intent: String, _ turn: UnderstoodTurn) -> Bool {
        let asksElse = Self.flowIntents.contains(intent) && intent != "order_status" || Self.smallTalkIntents.contains(intent)
        // An intent the slots decided (out_of_scope turned recommend_products) counts; the classifier's own needs confidence.
        return asksElse && (intent != turn.intent || turn.confidence >= Self.digressionConfidence)
    }

    private mutating func answer(_ question: Question, with turn: UnderstoodTurn, intent: String) -> [DialogueAction] {
        let slots = turn.slots
        // Leaving: these win over any detail the turn also holds.
        switch intent {
        case "cancel":
            state = .idle
            return [.reply(.cancelled, ["flow": Self.flowName(question)])]
        case "goodbye":
            state = .ended
            return [.reply(.goodbye, [:])]
        case "human_agent":
            return handOff(.requested)
        default:
            break
        }
        switch question {
        case let .orderNumber(failures):
            if slots.orderID != nil || slots.references.contains(.otherOrder) {
                lastIntent = "order_status"
                return startOrderStatus(turn, resume: nil, failures: failures)
            }
            if isDigression(intent, turn) {
                return start(intent, turn, resume: question)
            }
            if intent == "provide_email", customer != nil, slots.email != nil {
                return [.reply(.emailNotNeededForOrder, [:])]
            }
            if intent == "provide_email", customer == nil, let email = slots.email {
                memory.offeredEmail = email
                return [.reply(.emailNoted, [:]), .reply(.askOrderNumber, [:])]
            }
            return failedTry(at: question, failures: failures + 1, malformedEmail: false)

        case let .email(orderID, failures):
            if let email = slots.email {
                lastIntent = "provide_email"
                return lookUp(orderID: slots.orderID ?? orderID, credential: .email(email), failures: 0, resume: nil)
            }
            if let newOrder = slots.orderID, newOrder != orderID {
                state = .asking(.email(orderID: newOrder, failures: 0))
                return [.reply(.askEmail, ["order_id": newOrder])]
            }
            if isDigression(intent, turn) {
                return start(intent, turn, resume: question)
            }
            return failedTry(at: question, failures: failures + 1, malformedEmail: slots.malformedEmail)

        case let .complaintDetails(opening, orderID, failures):
            if Self.smallTalkIntents.contains(intent), isDigression(intent, turn), Self.wordCount(turn.text) <= 3 {
                return start(intent, turn, resume: question)
            }
            if Self.wordCount(turn.text) < 2 {
                return failedTry(at: question, failures: failures + 1, malformedEmail: false)
            }
            lastIntent = "complaint"
            let text = opening.isEmpty ? turn.text : opening + " " + turn.text
            let order = ownedOrder(slots.orderID) ?? orderID
            return logComplaint(text: text, orderID: order, sentiment: min(turn.sentiment, memory.recentSentiment.min() ?? 0), resume: nil)

        case let .handoff(reason):
            if intent == "affirm" { return handOff(reason) }
            if intent == "deny" {
                state = .idle
                return [.reply(.handoffDeclined, [:])]
            }
            // Anything else: the offer lapses and the turn is taken on its own.
            state = .idle
            return start(intent, turn, resume: nil)
        }
    }

    /// Starts what `intent` asks for from a state with nothing pending (or with `resume` set aside).
    private mutating func start(_ intent: String, _ turn: UnderstoodTurn, resume: Question?) -> [DialogueAction] {
        var actions: [DialogueAction]
        switch intent {
        case "order_status":
            return startOrderStatus(turn, resume: resume)
        case "recommend_products":
            return startRecommendation(turn, resume: resume)
        case "complaint":
            return startComplaint(turn, resume: resume)
        case "human_agent":
            return handOff(.requested)
        case "goodbye":
            state = .ended
            return [.reply(.goodbye, [:])]
        case "cancel":
            // "cancel my order 10023" is not a flow to leave: orders are cancelled by people.
            let aboutAnOrder = turn.slots.orderID != nil || turn.text.lowercased().contains("order")
            actions = [.reply(aboutAnOrder ? .cannotCancelOrders : .nothingToCancel, [:])]
        case "greet":
            actions = [.reply(.greet, [:])]
        case "thanks":
            actions = [.reply(.thanks, [:])]
        case "help":
            actions = [.reply(.help, [:])]
        case "affirm":
            actions = [.reply(.affirmWithoutQuestion, [:])]
        case "deny":
            actions = [.reply(.denyWithoutQuestion, [:])]
        case "provide_email":
            if customer != nil {
                actions = [.reply(.emailNotNeeded, [:])]
            } else if let email = turn.slots.email {
                memory.offeredEmail = email
                state = .asking(.orderNumber(failures: 0))
                return dropping(resume, [.reply(.emailNoted, [:]), .reply(.askOrderNumber, [:])])
            } else {
                actions = [.reply(.fallback, [:])]
            }
        default:
            actions = [.reply(.fallback, [:])]
        }
        comeToRest(&actions, resume: resume)
        return actions
    }

    // MARK: - Order status

    /// `failures` carries the tries already spent on the order number, so a second unknown number
    /// counts as the second failure.
    private mutating func startOrderStatus(_ turn: UnderstoodTurn, resume: Question?, failures: Int = 0)
        -> [DialogueAction]
    {
        if customer == nil, memory.wrongEmailAttempts >= Self.maximumWrongEmails {
            var actions: [DialogueAction] = [.reply(.identificationStillLocked, [:])]
            comeToRest(&actions, resume: resume)
            return actions
        }
        var orderID = turn.slots.orderID
        if orderID == nil, turn.slots.references.contains(.otherOrder) {
            if let customer {
                let others = customer.orderIDs.filter { $0 != memory.lastOrderID }
                orderID = others.first { !memory.shownOrderIDs.contains($0) } ?? others.first
                if orderID == nil {
                    var actions: [DialogueAction] = [.reply(.noOtherOrder, [:])]
                    comeToRest(&actions, resume: resume)
                    return actions
                }
            } else {
                state = .asking(.orderNumber(failures: 0))
                return dropping(resume, [.reply(.askWhichOtherOrder, [:])])
            }
        }
        guard let orderID else {
            state = .asking(.orderNumber(failures: 0))
            return dropping(resume, [.reply(.askOrderNumber, [:])])
        }
        if let customer {
            return lookUp(orderID: orderID, credential: .customer(id: customer.id), failures: failures, resume: resume)
        }
        if let email = turn.slots.email ?? memory.offeredEmail ?? memory.verifiedEmail {
            return lookUp(orderID: orderID, credential: .email(email), failures: 0, resume: resume)
        }
        state = .asking(.email(orderID: orderID, failures: 0))
        return dropping(resume, [.reply(.askEmail, ["order_id": orderID])])
    }

    private mutating func lookUp(orderID: String, credential: OrderCredential, failures: Int, resume: Question?)
        -> [DialogueAction]
    {
        state = .lookingUpOrder(id: orderID, credential: credential, failures: failures, resume: resume)
        return [.lookUpOrder(id: orderID, credential: credential)]
    }

    /// An order named in a complaint, kept only when this session may see it.
    private func ownedOrder(_ orderID: String?) -> String? {
        guard let orderID else { return nil }
        if let customer, customer.orderIDs.contains(orderID) { return orderID }
        return memory.shownOrderIDs.contains(orderID) ? orderID : nil
    }

    // MARK: - Recommendations

    private mutating func startRecommendation(_ turn: UnderstoodTurn, resume: Question?) -> [DialogueAction] {
        let slots = turn.slots
        let previous = memory.lastRequest
        let refersBack = !slots.references.isDisjoint(with: [.cheaper, .similar])
        var category = slots.category
        var maxPrice = slots.budget
        if refersBack || (category == nil) != (maxPrice == nil) {
            // "something cheaper", "what about under $40?", "any bags?": keep what was not restated.
            category = category ?? previous?.category ?? memory.shownProducts.first?.category
            if maxPrice == nil, category == previous?.category { maxPrice = previous?.maxPrice }
        }
        if slots.references.contains(.cheaper), slots.budget == nil,
           let cheapest = memory.shownProducts.map(\.price).min() {
            // Strictly under the cheapest one shown.
            maxPrice = min(maxPrice ?? .infinity, cheapest - 0.01)
        }
        memory.wantsFreshProducts = refersBack
        let request = RecommendationRequest(category: category, maxPrice: maxPrice, limit: 10)
        state = .recommending(request: request, resume: resume)
        return [.recommend(request)]
    }

    private static func narrowingFacts(_ request: RecommendationRequest) -> ReplyFacts {
        var facts: ReplyFacts = [:]
        if let category = request.category { facts["category"] = category }
        if let maxPrice = request.maxPrice { facts["budget"] = Money.format(maxPrice) }
        return facts
    }

    private static func list(_ products: [RecommendationFacts]) -> String {
        let parts = products.map { product in
            let reason = product.reason.isEmpty ? "" : ", " + product.reason
            return "\(product.name) (\(Money.format(product.price))\(reason))"
        }
        return EnglishList.join(parts, separator: "; ")
    }

    // MARK: - Complaints

    /// A complaint shorter than this many words is asked about before it is logged.
    static let shortComplaintWords = 6

    private mutating func startComplaint(_ turn: UnderstoodTurn, resume: Question?) -> [DialogueAction] {
        let orderID = ownedOrder(turn.slots.orderID) ?? memory.lastOrderID
        if Self.wordCount(turn.text) < Self.shortComplaintWords, turn.slots.orderID == nil {
            // A customer angry turn after turn and with nothing to log yet is offered a person first.
            if shouldOfferPersonForSentiment {
                memory.offeredForSentiment = true
                state = .asking(.handoff(reason: .upset))
                return dropping(resume, [.reply(.offerHandoffUpset, [:])])
            }
            state = .asking(.complaintDetails(opening: turn.text, orderID: orderID, failures: 0))
            return dropping(resume, [.reply(.askComplaintDetails, [:])])
        }
        return logComplaint(text: turn.text, orderID: orderID, sentiment: turn.sentiment, resume: resume)
    }

    private mutating func logComplaint(text: String, orderID: String?, sentiment: Double, resume: Question?)
        -> [DialogueAction]
    {
        state = .loggingComplaint(resume: resume)
        return [.logComplaint(ComplaintDraft(customerID: customer?.id, orderID: orderID, text: text, sentiment: sentiment))]
    }

    // MARK: - Failing, resuming, handing off

    /// A turn did not give what `question` asked for.
    private mutating func failedTry(at question: Question, failures: Int, malformedEmail: Bool) -> [DialogueAction] {
        let next: Question
        var actions: [DialogueAction] = []
        switch question {
        case .orderNumber:
            next = .orderNumber(failures: failures)
        case let .email(orderID, _):
            next = .email(orderID: orderID, failures: failures)
            if malformedEmail { actions.append(.reply(.malformedEmail, [:])) }
        case let .complaintDetails(opening, orderID, _):
            next = .complaintDetails(opening: opening, orderID: orderID, failures: failures)
        case .handoff:
            next = question
        }
        askOrOfferPerson(next, failures: failures, into: &actions)
        return actions
    }

    /// Asks `question` again, or offers a person once it has failed twice.
    private mutating func askOrOfferPerson(_ question: Question, failures: Int, into actions: inout [DialogueAction]) {
        if failures >= Self.maximumFailures, !memory.personInvolved {
            state = .asking(.handoff(reason: .stuck))
            actions.append(.reply(.offerHandoffStuck, ["flow": Self.flowName(question)]))
            return
        }
        state = .asking(question)
        actions.append(Self.askAgain(question))
    }

    private mutating func handOff(_ reason: HandoffReason) -> [DialogueAction] {
        state = .idle
        if memory.personInvolved { return [.reply(.alreadyHandedOff, [:])] }
        memory.personInvolved = true
        return [.handoff(reason), .reply(.handoff, [:])]
    }

    /// Strongly negative over the recent turns, and not yet offered (or handed to) a person.
    private var shouldOfferPersonForSentiment: Bool {
        memory.recentSentiment.count >= Self.upsetTurns
            && memory.recentSentiment.allSatisfy { $0 <= Self.strongNegative }
            && !memory.offeredForSentiment && !memory.personInvolved
    }

    /// Ends a flow: goes back to the set-aside question, or to idle, offering a person to an upset customer.
    private mutating func comeToRest(_ actions: inout [DialogueAction], resume: Question?) {
        if let resume {
            state = .asking(resume)
            actions.append(.reply(.resuming, ["flow": Self.flowName(resume)]))
            actions.append(Self.ask(resume))
            return
        }
        state = .idle
        if shouldOfferPersonForSentiment {
            memory.offeredForSentiment = true
            state = .asking(.handoff(reason: .upset))
            actions.append(.reply(.offerHandoffUpset, [:]))
        }
    }

    /// A new flow asked its own question: the set-aside one is dropped, and the customer told so.
    private func dropping(_ resume: Question?, _ actions: [DialogueAction]) -> [DialogueAction] {
        guard let resume else { return actions }
        return [.reply(.droppedFlow, ["flow": Self.flowName(resume)])] + actions
    }

    /// The question asked again after a digression.
    private static func ask(_ question: Question) -> DialogueAction {
        switch question {
        case .orderNumber: .reply(.resumeOrderNumber, [:])
        case let .email(orderID, _): .reply(.resumeEmail, ["order_id": orderID])
        case .complaintDetails: .reply(.resumeComplaintDetails, [:])
        case .handoff: .reply(.offerHandoffStuck, [:])
        }
    }

    private static func askAgain(_ question: Question) -> DialogueAction {
        switch question {
        case .orderNumber: .reply(.askOrderNumberAgain, [:])
        case let .email(orderID, _): .reply(.askEmailAgain, ["order_id": orderID])
        case .complaintDetails: .reply(.askComplaintDetails, [:])
        case .handoff: .reply(.offerHandoffStuck, [:])
        }
    }

    private static func flowName(_ question: Question) -> String {
        switch question {
        case .orderNumber, .email: "your order question"
        case .complaintDetails: "your complaint"
        case .handoff: "connecting you with a person"
        }
    }

    private static func wordCount(_ text: String) -> Int {
        text.split(whereSeparator: { $0.isWhitespace }).count
    }
}
