@testable import Dialogue
import TextKit
import XCTest

final class ReplyTemplatesTests: XCTestCase {
    private let templates = ReplyTemplates.standard

    func testTheBundledRepliesCoverEveryKeyWithVariations() {
        XCTAssertEqual(templates.missingKeys, [])
        for key in ReplyKey.allCases {
            XCTAssertGreaterThanOrEqual(templates.variationCount(key), 2, key.rawValue)
        }
    }

    func testTheBundledRepliesUseOnlyFactsTheDialogueProvides() {
        let known: Set<String> = [
            "name", "order_id", "status", "items", "carrier", "tracking", "placed", "eta", "due", "list", "category",
            "budget", "ticket", "flow",
        ]
        for key in ReplyKey.allCases {
            XCTAssertTrue(templates.placeholders(key).isSubset(of: known), "\(key.rawValue): \(templates.placeholders(key))")
        }
    }

    /// Transcripts match on these words, so every variation keeps them.
    func testEveryVariationKeepsTheWordsTranscriptsMatch() throws {
        let facts: ReplyFacts = ["order_id": "10023", "ticket": "T-1", "flow": "your order question",
                                 "status": "shipped", "list": "x"]
        let expectations: [(ReplyKey, String)] = [
            (.greet, "Hello"), (.goodbye, "Goodbye"), (.askOrderNumber, "order number"),
            (.orderShipped, "10023"), (.orderShipped, "shipped"), (.askEmail, "email"),
            (.complaintLogged, "T-1"), (.complaintUrgent, "urgent"), (.complaintUrgent, "person will follow up"),
            (.handoff, "person"), (.offerHandoffStuck, "person"), (.offerHandoffUpset, "person"),
        ]
        for (key, words) in expectations {
            for seed in 0..<16 {
                var generator = SplitMix64(seed: UInt64(seed))
                let reply = templates.render(key, facts: facts, using: &generator)
                XCTAssertTrue(reply.localizedCaseInsensitiveContains(words), "\(key.rawValue): \(reply)")
            }
        }
    }

    func testOptionalSegmentsAreLeftOutWithoutTheirFacts() throws {
        let templates = try ReplyTemplates(json: Data(#"{"greet": ["Hello[ {name}]! Order[ {order_id}[ by {carrier}]]."]}"#.utf8))
        var generator = SplitMix64(seed: 1)
        XCTAssertEqual(templates.render(.greet, facts: [:], using: &generator), "Hello! Order.")
        XCTAssertEqual(templates.render(.greet, facts: ["name": "Alice", "order_id": "1"], using: &generator),
                       "Hello Alice! Order 1.")
        XCTAssertEqual(templates.render(.greet, facts: ["order_id": "1", "carrier": "UPS"], using: &generator),
                       "Hello! Order 1 by UPS.")
    }

    func testMalformedTemplatesAreRejectedWithTheirKey() {
        XCTAssertThrowsError(try ReplyTemplates(json: Data(#"{"greet": ["Hello {name"]}"#.utf8))) { error in
            XCTAssertEqual(String(describing: error), "error: replies.json: reply 'greet': '{' without '}'")
        }
        XCTAssertThrowsError(try ReplyTemplates(json: Data(#"{"greet": []}"#.utf8))) { error in
            XCTAssertEqual(String(describing: error), "error: replies.json: reply 'greet' has no variations")
        }
    }

    func testTheSameSeedChoosesTheSameVariations() {
        func replies(seed: UInt64) -> [String] {
            var generator = SplitMix64(seed: seed)
            return (0..<20).map { _ in templates.render(.greet, facts: [:], using: &generator) }
        }
        XCTAssertEqual(replies(seed: 42), replies(seed: 42))
        XCTAssertGreaterThan(Set(replies(seed: 42)).count, 1)
    }

    func testSplitMix64MatchesTheReferenceSequence() {
        // First outputs of the reference implementation for seed 1234567.
        var generator = SplitMix64(seed: 1_234_567)
        XCTAssertEqual(generator.next(), 6_457_827_717_110_365_317)
        XCTAssertEqual(generator.next(), 3_203_168_211_198_807_973)
        for bound in 1...10 {
            XCTAssertLessThan(generator.next(below: bound), bound)
        }
    }
}
