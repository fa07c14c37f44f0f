import Foundation
import XCTest
@testable import Transcripts

/// The QA suite in `dialogues/`, as `swift test` sees it.
final class SuiteTests: XCTestCase {
    /// The repository's `dialogues/` folder, found from this file's path.
    static let dialogues = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("dialogues")

    func testEveryTranscriptInDialoguesParses() throws {
        do {
            let transcripts = try TranscriptSuite.load([Self.dialogues.path])
            XCTAssertGreaterThanOrEqual(transcripts.count, 40)
        } catch {
            XCTFail("transcripts that do not parse:\n\(error)")
        }
    }
}
