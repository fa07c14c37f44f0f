/// The outcome of a test run: one result per transcript, in the order they were given.
public struct TestReport: Sendable {
    public var results: [TranscriptResult]
    /// Wall-clock time of the run (parsing excluded), in seconds.
    public var seconds: Double

    public init(results: [TranscriptResult], seconds: Double) {
        self.results = results
        self.seconds = seconds
    }

    public var passed: Int { results.count { $0.passed } }
    public var failed: Int { results.count { !$0.passed } }
    public var allPassed: Bool { results.allSatisfy(\.passed) }
}

/// The outcome of one transcript.
public struct TranscriptResult: Sendable, Equatable {
    /// The transcript's path as shown in diagnostics.
    public var file: String
    /// How many turns ran.
    public var turns: Int
    /// Every check and assertion that did not hold, in file order.
    public var failures: [TranscriptFailure]
    public var seconds: Double

    public init(file: String, turns: Int, failures: [TranscriptFailure], seconds: Double) {
        self.file = file
        self.turns = turns
        self.failures = failures
        self.seconds = seconds
    }

    public var passed: Bool { failures.isEmpty }
}

/// One check or assertion that did not hold, with what a QA engineer needs to see why.
public struct TranscriptFailure: Sendable, Equatable {
    /// The line of the failed check or assertion.
    public var line: Int
    /// The turn it is about: 1-based index and the line of its `> text`; 0 when no turn ran.
    public var turn: Int
    public var turnLine: Int
    /// What the customer typed in that turn.
    public var turnText: String
    /// What went wrong, in words (`the reply does not match`, `expected intent 'complaint', got 'cancel'`).
    public var message: String
    /// The check or assertion as written (`< *order number*`, `= intent complaint`).
    public var expected: String
    /// What the agent did: the reply (messages joined, white space collapsed) or, for an assertion,
    /// the same assertion with the actual value (`= intent cancel`).
    public var actual: String
    /// The reply's messages, for the diff of a multi-message reply.
    public var replies: [String]

    public init(line: Int, turn: Int, turnLine: Int, turnText: String, message: String, expected: String,
                actual: String, replies: [String]) {
        self.line = line
        self.turn = turn
        self.turnLine = turnLine
        self.turnText = turnText
        self.message = message
        self.expected = expected
        self.actual = actual
        self.replies = replies
    }
}
