import CRM
import Foundation
import XCTest
@testable import Transcripts

final class DataValidatorTests: XCTestCase {
    /// A validator whose default data is a tiny catalog, so slot checks do not depend on the demo data.
    private let validator = DataValidator(fixtures: CRMFixtureLoader(defaultFixture: Fixture(
        customers: [Customer(id: "C1", name: "Alice Chen", email: "alice@example.com")],
        products: [Product(sku: "P-1", name: "Trail Running Shoes", category: "shoes", price: 89.99)])))

    private func messages(intents: [String: String], dialogues: [String: String] = [:]) throws -> [String] {
        let folder = try ScratchFolder()
        for (name, text) in intents { try folder.write(text, to: "intents/\(name)") }
        for (name, text) in dialogues { try folder.write(text, to: "dialogues/\(name)") }
        let prefix = folder.url.path + "/"
        return validator.validate(intents: folder.url.appendingPathComponent("intents"),
                                  dialogues: [folder.url.appendingPathComponent("dialogues").path])
            .map { $0.description.replacingOccurrences(of: prefix, with: "") }
    }

    func testCleanDataHasNoIssues() throws {
        let issues = try messages(
            intents: ["greet.txt": "hi\nhello\n", "order_status.txt": "where is order [10023](order_id)\n"],
            dialogues: ["fixtures/demo.json": #"{"customers": [{"id": "C1", "name": "A", "email": "a@example.com"}]}"#,
                        "a.dialogue": "@customer C1\n> hi\n= intent greet\n= slot order_id 1\n= action lookup_order\n"])
        XCTAssertEqual(issues, [])
    }

    func testEveryIntentsProblemIsReportedWithFileAndLine() throws {
        let issues = try messages(intents: [
            "greet.txt": "hi\nhello there\n",
            "goodbye.txt": "bye\n  Hello   THERE \n",
            "empty.txt": "# nothing yet\n\n",
            "broken.txt": "ok line\nwhere is [10023(order_id)\n",
            "order_status.txt": "where is order [10023](order_id)\nwhere is order [abc](order_id)\nin [red](colour) please\n"
                + "recommend [shoes](category)\ni need [Trail Running Shoes](product)\nmail [bob@example.com](email)\n"
                + "under [$50](budget)\n",
        ], dialogues: ["a.dialogue": "> hi\n"])
        XCTAssertEqual(issues, [
            "intents/broken.txt:2: error: unclosed slot annotation: expected '[text](slot)'",
            "intents/empty.txt:1: error: intent 'empty' has no examples",
            "intents/greet.txt:2: error: 'hello there' is also an example of intent 'goodbye' (intents/goodbye.txt:2)",
            "intents/order_status.txt:2: error: slot annotation [abc](order_id): the extractors read no order_id",
            "intents/order_status.txt:3: error: slot annotation [red](colour): no extractor fills slot 'colour' (slots: order_id, email, category, product, budget)",
        ])
    }

    func testEveryTranscriptProblemIsReportedWithFileAndLine() throws {
        let issues = try messages(intents: ["greet.txt": "hi\n", "goodbye.txt": "bye\n"], dialogues: [
            "fixtures/small.json": #"{"customers": [{"id": "C7", "name": "A", "email": "a@example.com"}]}"#,
            "fixtures/broken.json": #"{"customers": [}"#,
            "parse.dialogue": "> hi\nhello\n",
            "stranger.dialogue": "@fixture fixtures/small.json\n@customer C8\n> hi\n",
            "missing.dialogue": "@fixture fixtures/none.json\n> hi\n",
            "broken.dialogue": "@fixture fixtures/broken.json\n> hi\n",
            "names.dialogue": "> hi\n= intent refund\n= intent out_of_scope\n= slot colour red\n= action refund\n= action handoff\n",
        ])
        XCTAssertEqual(issues.count, 7, issues.joined(separator: "\n"))
        XCTAssertTrue(issues[0].hasPrefix("dialogues/broken.dialogue:1: error: fixture 'fixtures/broken.json' does not load: "), issues[0])
        XCTAssertTrue(issues[1].hasPrefix("dialogues/missing.dialogue:1: error: fixture 'fixtures/none.json' not found"), issues[1])
        XCTAssertEqual(Array(issues[2...]), [
            "dialogues/names.dialogue:2: error: unknown intent 'refund': no intents/refund.txt",
            "dialogues/names.dialogue:4: error: unknown slot 'colour' (slots: order_id, email, category, product, budget)",
            "dialogues/names.dialogue:5: error: unknown action 'refund' (actions: lookup_order, recommend_products, log_complaint, handoff, none)",
            "dialogues/parse.dialogue:2: error: cannot parse 'hello': a line is a turn ('> text'), a check ('< glob', '<~ regex', '<! glob', '<!~ regex'), an assertion ('= intent|slot|action|sentiment ...'), a directive ('@fixture', '@customer', '@today') or a comment ('# ...')",
            "dialogues/stranger.dialogue:2: error: unknown customer 'C8': not in fixture 'fixtures/small.json'",
        ])
    }
}
