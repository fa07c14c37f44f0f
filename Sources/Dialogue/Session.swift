import Foundation
import Sentiment
import TextKit

/// One conversation: understands each turn, runs the state machine, performs its store actions and
/// words the replies. Not shared between threads; every session has its own generator and state.
public final class Session {
    public let agent: Agent
    public let customerID: String?
    /// Identifies this conversation in the CRM's conversation log.
    public let sessionID: String

    private let records: any CustomerRecords
    private let now: @Sendable () -> Date
    private let extractor: SlotExtractor
    private let tokenizer = Tokenizer()
    private var machine: DialogueStateMachine
    private var generator: SplitMix64
    private var nameFacts: ReplyFacts = [:]
    private var turnIndex = 0

    /// Customer text longer than this (in UTF-8 bytes) is read only up to here; the complaint log and
    /// classifier have no use for a megabyte, and a reply must stay fast.
    public static let maximumInputBytes = 4_000

    public init(
        agent: Agent, records: any CustomerRecords, customerID: String?, now: @escaping @Sendable () -> Date,
        seed: UInt64
    ) {
        self.agent = agent
        self.records = records
        self.customerID = customerID
        self.now = now
        generator = SplitMix64(seed: seed)
        sessionID = "S" + String(seed, radix: 16) + "-" + String(UInt64(max(0, now().timeIntervalSince1970)), radix: 36)
        // A store that cannot answer now still gives a working session: no catalog, no name.
        extractor = SlotExtractor(catalog: ProductCatalog((try? records.catalog()) ?? []))
        var profile: DialogueStateMachine.Customer?
        if let customerID {
            let facts = try? records.customer(id: customerID)
            let orderIDs = (try? records.orderIDs(ofCustomer: customerID)) ?? []
            profile = DialogueStateMachine.Customer(id: customerID, firstName: facts?.firstName ?? "", orderIDs: orderIDs)
            if let name = facts?.firstName, !name.isEmpty { nameFacts["name"] = TerminalText.sanitized(name) }
        }
        machine = DialogueStateMachine(customer: profile)
    }

    /// What the agent says before the first turn.
    ///
    /// It draws its wording from a copy of the generator, so a session that shows the opening (the REPL)
    /// and one that does not (the transcript runner) word every later reply alike.
    public var opening: [String] {
        var copy = generator
        return machine.opening().compactMap { action in
            guard case let .reply(key, facts) = action else { return nil }
            return render(key, facts, using: &copy)
        }
    }

    /// What the agent says when the customer leaves without a goodbye of their own (end of input, /quit).
    public var farewell: [String] {
        [render(.goodbye, [:], using: &generator)]
    }

    /// The agent's answer to one line the customer typed.
    public func respond(to rawText: String) -> TurnResult {
        var replies: [String] = []
        var text = rawText
        if text.utf8.count > Self.maximumInputBytes {
            text = String(decoding: text.utf8.prefix(Self.maximumInputBytes), as: UTF8.self)
            replies.append(render(.longInput, [:], using: &generator))
        }
        text = TerminalText.sanitized(text).trimmingCharacters(in: .whitespacesAndNewlines)
        turnIndex += 1

        guard !text.isEmpty else {
            replies.append(render(.emptyInput, [:], using: &generator))
            let result = TurnResult(
                replies: replies, intent: "out_of_scope", confidence: 0, sentiment: .neutral,
                slots: [:], actions: [], state: machine.stateName, ended: machine.isEnded)
            log(result, text: text)
            return result
        }

        let tokens = tokenizer.tokenize(text)
        let slots = extractor.extract(from: tokens, text: text)
        let (intent, confidence) = agent.classifier.intent(of: text)
        let sentiment = agent.scorer.score(text)
        let turn = UnderstoodTurn(
            text: text, intent: intent, confidence: confidence, sentiment: sentiment.compound, slots: slots)

        var performed: [String] = []
        var pending = machine.receive(turn)
        while !pending.isEmpty {
            let action = pending.removeFirst()
            if let name = action.actionName { performed.append(name) }
            switch action {
            case let .reply(key, facts):
                replies.append(render(key, facts, using: &generator))
            case let .lookUpOrder(id, credential):
                let order: OrderFacts?
                do { order = try records.order(id: id, credential: credential) } catch {
                    pending += machine.recordsUnavailable()
                    continue
                }
                pending += machine.orderLookedUp(order, today: now())
            case let .recommend(request):
                do {
                    let products = try records.recommendations(
                        for: customerID, category: request.category, maxPrice: request.maxPrice, limit: request.limit)
                    pending += machine.recommendationsFound(products)
                } catch {
                    pending += machine.recordsUnavailable()
                }
            case let .logComplaint(draft):
                var masked = draft
                masked.text = CardNumberMasker.mask(draft.text)
                pending += machine.complaintLogged(try? records.logComplaint(masked))
            case .handoff:
                break
            }
        }

        let result = TurnResult(
            replies: replies, intent: machine.lastIntent, confidence: confidence, sentiment: sentiment,
            slots: slots.values(in: extractor.catalog), actions: performed, state: machine.stateName, ended: machine.isEnded)
        log(result, text: text)
        return result
    }

    // MARK: - Helpers

    /// A reply in words. Facts come from the CRM, whose text fields anyone with write access could fill,
    /// so the reply is made terminal-safe as a whole (SPEC §7), which costs a scan when nothing is wrong.
    private func render(_ key: ReplyKey, _ facts: ReplyFacts, using generator: inout SplitMix64) -> String {
        let allFacts = nameFacts.isEmpty ? facts : facts.merging(nameFacts) { fact, _ in fact }
        let reply = agent.templates.render(key, facts: allFacts, using: &generator)
        return TerminalText.needsSanitizing(reply) ? TerminalText.sanitized(reply) : reply
    }

    private func log(_ result: TurnResult, text: String) {
        let record = TurnRecord(
            sessionID: sessionID, customerID: customerID, index: turnIndex, at: now(),
            text: CardNumberMasker.mask(text), intent: result.intent, confidence: result.confidence,
            sentiment: result.sentiment.compound, slots: result.slots, actions: result.actions,
            reply: result.replies.joined(separator: " "), state: result.state)
        // The log is a record for staff; a failure to write it must not stop the conversation.
        try? records.logTurn(record)
    }
}
