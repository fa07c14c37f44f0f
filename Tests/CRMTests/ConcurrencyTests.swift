import Foundation
import XCTest
@testable import CRM
import GRDB

/// Several processes log complaints into one database file at once: none is lost, nothing is corrupted.
final class ConcurrencyTests: XCTestCase {
    static let writers = 4
    static let complaintsPerWriter = 250

    func testFourProcessesLoggingComplaintsLoseNone() throws {
        #if os(Linux)
        let path = try temporaryFolder(self).appendingPathComponent("shared.sqlite").path
        try CRMStore.create(at: path, from: twoCustomers)
        // The test binary runs itself: each child runs only `testWriteComplaintsWhenSpawned`, which
        // logs complaints when the environment tells it where.
        let executable = URL(fileURLWithPath: CommandLine.arguments[0])
        var processes: [Process] = []
        for writer in 0..<Self.writers {
            let process = Process()
            process.executableURL = executable
            process.arguments = ["CRMTests.ConcurrencyTests/testWriteComplaintsWhenSpawned"]
            var environment = ProcessInfo.processInfo.environment
            environment["CRM_TEST_WRITER_DB"] = path
            environment["CRM_TEST_WRITER_ID"] = "\(writer)"
            process.environment = environment
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            processes.append(process)
        }
        for process in processes { process.waitUntilExit() }
        XCTAssertEqual(processes.map(\.terminationStatus), Array(repeating: 0, count: Self.writers))
        try assertAllComplaintsStored(at: path)
        #else
        throw XCTSkip("spawns the xctest binary the Linux way; the threads test covers other platforms")
        #endif
    }

    /// The child's side of `testFourProcessesLoggingComplaintsLoseNone`; does nothing in a normal run.
    func testWriteComplaintsWhenSpawned() throws {
        let environment = ProcessInfo.processInfo.environment
        guard let path = environment["CRM_TEST_WRITER_DB"], let writer = environment["CRM_TEST_WRITER_ID"] else { return }
        try Self.logComplaints(into: path, writer: writer)
    }

    func testFourConnectionsOnSeparateThreadsLoseNone() throws {
        let path = try temporaryFolder(self).appendingPathComponent("shared.sqlite").path
        try CRMStore.create(at: path, from: twoCustomers)
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: Self.writers) { writer in
            do { try Self.logComplaints(into: path, writer: "\(writer)") } catch { failures.append("\(error)") }
        }
        XCTAssertEqual(failures.all, [])
        try assertAllComplaintsStored(at: path)
    }

    private static func logComplaints(into path: String, writer: String) throws {
        let store = try CRMStore(path: path)  // its own pool: its own connections
        for number in 0..<complaintsPerWriter {
            _ = try store.logComplaint(NewComplaint(
                customerID: number % 2 == 0 ? "C1" : "C2", orderID: number % 3 == 0 ? "500" : nil,
                text: "writer \(writer) complaint \(number) card 4111111111111111", sentiment: -0.7,
                date: Date(timeIntervalSince1970: 1_795_000_000 + Double(number))))
        }
    }

    private func assertAllComplaintsStored(at path: String) throws {
        let store = try CRMStore(path: path)
        XCTAssertEqual(try store.integrityCheck(), ["ok"])
        let complaints = try store.complaints()
        XCTAssertEqual(complaints.count, Self.writers * Self.complaintsPerWriter)
        XCTAssertEqual(Set(complaints.map(\.ticket)).count, complaints.count)
        for writer in 0..<Self.writers {
            let texts = Set(complaints.map(\.text).filter { $0.hasPrefix("writer \(writer) ") })
            XCTAssertEqual(texts.count, Self.complaintsPerWriter, "writer \(writer)")
        }
        XCTAssertTrue(complaints.allSatisfy { $0.text.hasSuffix("************1111") && $0.priority == .urgent })
    }
}

/// Errors collected from several threads.
private final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [String] = []
    func append(_ message: String) { lock.withLock { messages.append(message) } }
    var all: [String] { lock.withLock { messages } }
}

/// A database busy with another connection is waited for, not failed (SPEC §8).
final class BusyDatabaseTests: XCTestCase {
    func testFileDatabaseIsWALAndSyncsEveryCommit() throws {
        let path = try temporaryFolder(self).appendingPathComponent("crm.sqlite").path
        let store = try CRMStore(path: path)
        try store.database.writeWithoutTransaction { db in
            XCTAssertEqual(try String.fetchOne(db, sql: "PRAGMA journal_mode"), "wal")
            XCTAssertEqual(try Int.fetchOne(db, sql: "PRAGMA synchronous"), 2)  // FULL
            XCTAssertEqual(try Int.fetchOne(db, sql: "PRAGMA foreign_keys"), 1)
        }
    }

    func testComplaintWaitsForAnotherWriterInsteadOfFailing() throws {
        let path = try temporaryFolder(self).appendingPathComponent("crm.sqlite").path
        try CRMStore.create(at: path, from: twoCustomers)
        let holder = try CRMStore(path: path)
        let writer = try CRMStore(path: path)
        let locked = DispatchSemaphore(value: 0)
        let done = DispatchSemaphore(value: 0)
        // The other connection takes the write lock and holds it for a while.
        DispatchQueue.global().async {
            try? holder.database.writeWithoutTransaction { db in
                try db.execute(sql: "BEGIN IMMEDIATE")
                locked.signal()
                Thread.sleep(forTimeInterval: 0.3)
                try db.execute(sql: "COMMIT")
            }
            done.signal()
        }
        locked.wait()
        let complaint = try writer.logComplaint(NewComplaint(customerID: "C1", orderID: nil, text: "still waiting",
                                                             sentiment: -0.4, date: fixedDate))
        done.wait()
        XCTAssertEqual(try writer.complaint(ticket: complaint.ticket)?.text, "still waiting")
    }
}

final class DefaultDatabaseRaceTests: XCTestCase {
    func testSeveralFirstUsesAtOnceCreateOneDatabase() throws {
        let path = try temporaryFolder(self).appendingPathComponent("new/crm.sqlite").path
        let results = Failures()
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            do {
                let opened = try CRMStore.open(path: path, creatingFrom: .showcase)
                _ = try opened.store.logComplaint(NewComplaint(customerID: "C1001", orderID: "10023", text: "late",
                                                               sentiment: -0.3, date: fixedDate))
                results.append(opened.created ? "created" : "opened")
            } catch {
                results.append("\(error)")
            }
        }
        XCTAssertEqual(results.all.filter { $0 == "created" }.count + results.all.filter { $0 == "opened" }.count, 4,
                       "\(results.all)")
        XCTAssertEqual(results.all.filter { $0 == "created" }.count, 1)  // link(2) lets exactly one win
        // Every complaint landed in the one file that stayed, and no temporary copies are left behind.
        XCTAssertEqual(try CRMStore(path: path).complaintCount(), 4)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: (path as NSString).deletingLastPathComponent)
            .filter { $0.hasSuffix(".new") }
        XCTAssertEqual(leftovers, [])
    }
}
