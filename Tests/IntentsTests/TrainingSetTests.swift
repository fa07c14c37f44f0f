import Foundation
import XCTest
@testable import Intents

final class TrainingSetTests: XCTestCase {
    private func message(_ files: [String: String]) throws -> String? {
        let folder = try TemporaryDirectory()
        for (name, text) in files { try folder.write(name, text) }
        do {
            _ = try TrainingSet.load(from: folder.url)
            return nil
        } catch let error as IntentsError {
            // Paths are the temporary folder's; compare from the file name on.
            return String(describing: error).replacingOccurrences(of: folder.url.path + "/", with: "")
        }
    }

    func testLoadsExamplesSkippingCommentsAndBlankLinesAndTrimming() throws {
        let folder = try TemporaryDirectory()
        try folder.write("greet.txt", "# greetings\n\n  hello there  \nhi\r\n\t\n")
        try folder.write("order_status.txt", "where is order [10023](order_id)\n[alice@example.com](email) here, order [7](order_id)")
        try folder.write("README.md", "not an intent")
        let set = try TrainingSet.load(from: folder.url)
        XCTAssertEqual(set.intentNames, ["greet", "order_status"])
        XCTAssertEqual(set.examples.map(\.text), [
            "hello there", "hi", "where is order 10023", "alice@example.com here, order 7",
        ])
        XCTAssertEqual(set.examples.map(\.line), [3, 4, 1, 2])
        XCTAssertEqual(set.examples[2].annotations, [SlotAnnotation(slot: "order_id", value: "10023", offset: 15)])
        XCTAssertEqual(set.examples[3].annotations, [
            SlotAnnotation(slot: "email", value: "alice@example.com", offset: 0),
            SlotAnnotation(slot: "order_id", value: "7", offset: 30),
        ])
        XCTAssertTrue(set.examples[0].file.hasSuffix("/greet.txt"))
    }

    func testBracketsWithoutSlotAreText() throws {
        let folder = try TemporaryDirectory()
        try folder.write("travel_alert.txt", "is there a travel alert for [country]\n")
        try folder.write("greet.txt", "hi\n")
        let set = try TrainingSet.load(from: folder.url)
        XCTAssertEqual(set.examples.last?.text, "is there a travel alert for [country]")
        XCTAssertEqual(set.examples.last?.annotations, [])
    }

    func testByteOrderMarkIsIgnored() throws {
        let folder = try TemporaryDirectory()
        try folder.write("greet.txt", Data([0xEF, 0xBB, 0xBF]) + Data("hello\n".utf8))
        try folder.write("thanks.txt", "thanks\n")
        XCTAssertEqual(try TrainingSet.load(from: folder.url).examples.first?.text, "hello")
    }

    func testErrorsNameFileAndLine() throws {
        let cases: [(files: [String: String], expected: String)] = [
            (["Greet.txt": "hi\n", "bye.txt": "bye\n"],
             "Greet.txt:1: error: 'Greet' is not an intent name: use lowercase letters, digits and '_'"),
            (["order-status.txt": "hi\n"],
             "order-status.txt:1: error: 'order-status' is not an intent name: use lowercase letters, digits and '_'"),
            (["greet.txt": "hi\n", "empty.txt": "# nothing yet\n\n"],
             "empty.txt:1: error: intent 'empty' has no examples"),
            (["order_status.txt": "hi\nwhere is [10023(order_id)\n"],
             "order_status.txt:2: error: unclosed slot annotation: expected '[text](slot)'"),
            (["order_status.txt": "# c\n\norder [x]()\n"],
             "order_status.txt:3: error: slot annotation '[x]' has an empty slot name"),
            (["order_status.txt": "order [10023](order_id\n"],
             "order_status.txt:1: error: unclosed slot name after '[10023]': expected ')'"),
            (["order_status.txt": "order [10023](Order-ID)\n"],
             "order_status.txt:1: error: 'Order-ID' is not a slot name: use lowercase letters and '_'"),
            (["order_status.txt": "order [ ](order_id)\n"],
             "order_status.txt:1: error: slot annotation for 'order_id' has no text"),
        ]
        for (files, expected) in cases {
            XCTAssertEqual(try message(files), expected, "\(files)")
        }
    }

    func testInvalidUTF8NamesFileAndLine() throws {
        let folder = try TemporaryDirectory()
        try folder.write("greet.txt", Data("hello\n# fine\n".utf8) + Data([0x68, 0xC3, 0x28, 0x0A]))
        XCTAssertThrowsError(try TrainingSet.load(from: folder.url)) { error in
            XCTAssertEqual(String(describing: error), folder.path("greet.txt") + ":3: error: the line is not valid UTF-8")
        }
    }

    func testMissingOrEmptyFolder() throws {
        let folder = try TemporaryDirectory()
        XCTAssertThrowsError(try TrainingSet.load(from: folder.url)) { error in
            XCTAssertEqual(String(describing: error),
                           folder.url.path + ": error: no intent files (<intent>.txt) in this folder")
        }
        let missing = folder.url.appendingPathComponent("nowhere")
        XCTAssertThrowsError(try TrainingSet.load(from: missing)) { error in
            XCTAssertTrue(String(describing: error).hasPrefix(missing.path + ": error: cannot read the intents folder"))
        }
    }

    func testFingerprintIsStableAndFollowsContents() throws {
        let folder = try TemporaryDirectory()
        try folder.write("greet.txt", "hi\n")
        try folder.write("thanks.txt", "thanks\n")
        let first = try TrainingSet.load(from: folder.url).fingerprint
        XCTAssertEqual(first.count, 16)
        XCTAssertEqual(try TrainingSet.load(from: folder.url).fingerprint, first)
        try folder.write("thanks.txt", "thanks a lot\n")
        XCTAssertNotEqual(try TrainingSet.load(from: folder.url).fingerprint, first)
    }
}
