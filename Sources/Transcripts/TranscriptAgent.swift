import Foundation

/// Where transcripts' fixtures come from: loads a fixture file and knows its customers. Split from
/// `TranscriptAgent` so that `validate` checks fixtures and customers without training a classifier.
public protocol TranscriptFixtureLoader: Sendable {
    /// The CRM data of a fixture, loaded once per run and shared by every transcript that names it.
    associatedtype FixtureData: Sendable

    /// Loads (and checks) the fixture at `url`; throws a description of what is wrong with it.
    func loadFixture(at url: URL) throws -> FixtureData

    /// True when `customerID` is a customer of `fixture` (nil: the data used when no fixture is named).
    func knowsCustomer(_ customerID: String, in fixture: FixtureData?) -> Bool
}

/// The seam between the runner and the agent under test: the runner knows transcripts, checks and
/// reports; an agent knows how to open a fresh conversation on a fixture. `DialogueTranscriptAgent` is
/// the real one; tests of the runner use small scripted ones, so a runner bug and an agent bug never mix.
public protocol TranscriptAgent: TranscriptFixtureLoader {
    /// Opens one conversation, isolated from every other: its own database loaded from `fixture`, the
    /// customer signed in (nil: anonymous), the clock stopped at `now`, randomness seeded with `seed`.
    func startConversation(fixture: FixtureData?, customerID: String?, now: Date, seed: UInt64) throws
        -> any ConversationUnderTest
}

/// One conversation a transcript drives, turn by turn. Used by one thread at a time.
public protocol ConversationUnderTest: AnyObject {
    func respond(to text: String) -> TurnOutcome
}

/// What a transcript can observe of one turn: the reply and what the agent made of the text.
public struct TurnOutcome: Sendable, Equatable {
    /// The agent's messages, in order.
    public var replies: [String]
    /// The intent the turn was taken as (`out_of_scope` on fallback).
    public var intent: String
    /// The classifier's confidence in `intent`'s top guess.
    public var confidence: Double
    /// The slots this turn filled.
    public var slots: [String: String]
    /// The CRM actions that ran this turn.
    public var actions: [String]
    /// `negative`, `neutral` or `positive`.
    public var sentiment: String
    /// The compound sentiment score, for diagnostics.
    public var sentimentScore: Double
    /// True when the conversation is over (the customer said goodbye).
    public var ended: Bool

    public init(replies: [String], intent: String, confidence: Double = 1, slots: [String: String] = [:],
                actions: [String] = [], sentiment: String = "neutral", sentimentScore: Double = 0, ended: Bool = false) {
        self.replies = replies
        self.intent = intent
        self.confidence = confidence
        self.slots = slots
        self.actions = actions
        self.sentiment = sentiment
        self.sentimentScore = sentimentScore
        self.ended = ended
    }
}
