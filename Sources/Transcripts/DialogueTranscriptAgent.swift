import CRM
import Dialogue
import Foundation
import Intents
import Sentiment

/// Transcripts' fixtures as the CRM reads them (SPEC §4). With no fixture, the bundled demo data.
public struct CRMFixtureLoader: TranscriptFixtureLoader {
    public typealias FixtureData = Fixture

    private let customDefault: Fixture?

    /// `defaultFixture` nil: the bundled demo data (generated only when a transcript needs it).
    public init(defaultFixture: Fixture? = nil) {
        customDefault = defaultFixture
    }

    /// What a transcript with no fixture runs on: the data a fresh `concierge chat` starts with.
    public var defaultFixture: Fixture {
        customDefault ?? .demo
    }

    public func loadFixture(at url: URL) throws -> Fixture {
        try Fixture.load(from: url)
    }

    public func knowsCustomer(_ customerID: String, in fixture: Fixture?) -> Bool {
        (fixture ?? defaultFixture).customers.contains { $0.id == customerID }
    }
}

/// The real agent under test: Dialogue's `Session` on a fresh in-memory CRM per transcript.
///
/// The `Agent` (classifier, scorer, templates) is built once and shared by every conversation; it is an
/// immutable `Sendable` value. Each conversation gets its own store, so transcripts never see each
/// other's complaints or conversation logs.
public struct DialogueTranscriptAgent: TranscriptAgent {
    public typealias FixtureData = LoadedFixture

    public let agent: Agent
    public let fixtures: CRMFixtureLoader

    public init(agent: Agent, fixtures: CRMFixtureLoader = CRMFixtureLoader()) {
        self.agent = agent
        self.fixtures = fixtures
    }

    /// Trains the classifier once on the intents folder and builds the agent every transcript shares.
    public static func trained(intentsDirectory: URL) throws -> DialogueTranscriptAgent {
        let classifier = try IntentClassifier.train(on: TrainingSet.load(from: intentsDirectory))
        return DialogueTranscriptAgent(agent: Agent(classifier: classifier, scorer: .standard))
    }

    public func loadFixture(at url: URL) throws -> LoadedFixture {
        let fixture = try fixtures.loadFixture(at: url)
        return LoadedFixture(fixture: fixture, template: try CRMStore.inMemory(loading: fixture))
    }

    public func knowsCustomer(_ customerID: String, in fixture: LoadedFixture?) -> Bool {
        fixtures.knowsCustomer(customerID, in: fixture?.fixture)
    }

    public func startConversation(fixture: LoadedFixture?, customerID: String?, now: Date, seed: UInt64) throws
        -> any ConversationUnderTest {
        let store = try fixture.map { try $0.template.copyInMemory() }
            ?? CRMStore.inMemory(loading: fixtures.defaultFixture)
        let session = Session(agent: agent, store: store, customerID: customerID, now: { now }, seed: seed)
        return DialogueConversation(session: session)
    }
}

/// A fixture loaded once per run, with a database made from it that every transcript on it copies.
public final class LoadedFixture: Sendable {
    public let fixture: Fixture
    let template: CRMStore

    init(fixture: Fixture, template: CRMStore) {
        self.fixture = fixture
        self.template = template
    }
}

/// A `Session` as the runner drives it.
final class DialogueConversation: ConversationUnderTest {
    let session: Session

    init(session: Session) {
        self.session = session
    }

    func respond(to text: String) -> TurnOutcome {
        let result = session.respond(to: text)
        return TurnOutcome(
            replies: result.replies, intent: result.intent, confidence: result.confidence, slots: result.slots,
            actions: result.actions, sentiment: result.sentiment.label.rawValue, sentimentScore: result.sentiment.compound,
            ended: result.ended)
    }
}
