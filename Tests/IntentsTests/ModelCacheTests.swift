import Foundation
import XCTest
@testable import Intents

final class ModelCacheTests: XCTestCase {
    func testEditedIntentFileRetrains() throws {
        let intents = try TemporaryDirectory()
        let cache = try TemporaryDirectory()
        try Fixtures.write(to: intents)

        let first = try ModelCache.load(intentsDirectory: intents.url, cacheDirectory: cache.url)
        XCTAssertTrue(first.trained)
        XCTAssertTrue(FileManager.default.fileExists(atPath: first.modelURL.path))

        let second = try ModelCache.load(intentsDirectory: intents.url, cacheDirectory: cache.url)
        XCTAssertFalse(second.trained, "an unchanged folder loads the saved model")
        XCTAssertEqual(second.classifier.serialized(), first.classifier.serialized())

        try intents.write("greet.txt", "hi\nhello\nhowdy partner\n")
        let third = try ModelCache.load(intentsDirectory: intents.url, cacheDirectory: cache.url)
        XCTAssertTrue(third.trained, "an edited file retrains")
        XCTAssertNotEqual(third.modelURL, first.modelURL)
        XCTAssertNotEqual(third.classifier.fingerprint, first.classifier.fingerprint)
        XCTAssertEqual(third.classifier.classify("howdy partner").intent, "greet")
    }

    func testUnreadableSavedModelIsRetrainedOver() throws {
        let intents = try TemporaryDirectory()
        let cache = try TemporaryDirectory()
        try Fixtures.write(to: intents)
        let first = try ModelCache.load(intentsDirectory: intents.url, cacheDirectory: cache.url)
        try Data("garbage".utf8).write(to: first.modelURL)
        let second = try ModelCache.load(intentsDirectory: intents.url, cacheDirectory: cache.url)
        XCTAssertTrue(second.trained)
        XCTAssertNoThrow(try IntentClassifier.load(from: second.modelURL))
    }

    func testBadDataIsReportedNotCached() throws {
        let intents = try TemporaryDirectory()
        let cache = try TemporaryDirectory()
        try intents.write("greet.txt", "hi [there(slot)\n")
        XCTAssertThrowsError(try ModelCache.load(intentsDirectory: intents.url, cacheDirectory: cache.url)) { error in
            XCTAssertEqual(String(describing: error),
                           intents.path("greet.txt") + ":1: error: unclosed slot annotation: expected '[text](slot)'")
        }
    }

    func testCacheDirectoryFollowsXDG() {
        XCTAssertEqual(ModelCache.directory(environment: ["XDG_CACHE_HOME": "/x/cache", "HOME": "/home/a"]).path,
                       "/x/cache/concierge")
        XCTAssertEqual(ModelCache.directory(environment: ["HOME": "/home/a"]).path, "/home/a/.cache/concierge")
        // A relative XDG path is invalid by the XDG spec and ignored.
        XCTAssertEqual(ModelCache.directory(environment: ["XDG_CACHE_HOME": "rel", "HOME": "/home/a"]).path,
                       "/home/a/.cache/concierge")
    }
}
