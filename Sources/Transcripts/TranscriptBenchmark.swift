import Dispatch
import Foundation

/// The throughput benchmark of `concierge bench transcripts`: writes `count` transcripts of six turns
/// on a handful of small fixtures into a folder, then times parsing and running them as `concierge test`
/// does (fixtures read once, transcripts in parallel, each on its own fresh database and session).
public enum TranscriptBenchmark {
    /// The figures, printed as JSON.
    public struct Result: Sendable, Encodable {
        public var transcripts: Int
        public var turns: Int
        public var fixtures: Int
        public var jobs: Int
        /// Parsing every transcript file.
        public var parseSeconds: Double
        /// Loading fixtures and running every transcript.
        public var runSeconds: Double
        /// Parsing plus running: what the 2-second target is about.
        public var seconds: Double
        public var transcriptsPerSecond: Double
        public var turnsPerSecond: Double
        public var passed: Int
        public var failed: Int
        /// The first failure, if any, so a broken benchmark is noticed rather than timed.
        public var firstFailure: String?
        /// Training the classifier, once, before the run (not part of `seconds`); set by the caller.
        public var trainSeconds: Double?

        enum CodingKeys: String, CodingKey {
            case transcripts, turns, fixtures, jobs, seconds, passed, failed
            case parseSeconds = "parse_seconds", runSeconds = "run_seconds"
            case transcriptsPerSecond = "transcripts_per_second", turnsPerSecond = "turns_per_second"
            case firstFailure = "first_failure", trainSeconds = "train_seconds"
        }
    }

    /// How many small fixtures the generated transcripts share.
    public static let fixtureCount = 10

    /// Writes the fixtures and `count` transcripts into `folder` (which must exist).
    public static func generate(count: Int, in folder: URL) throws {
        let fixtures = folder.appendingPathComponent("fixtures")
        try FileManager.default.createDirectory(at: fixtures, withIntermediateDirectories: true)
        for index in 0..<fixtureCount {
            try Data(fixture(index).utf8).write(to: fixtures.appendingPathComponent("small\(index).json"))
        }
        for index in 0..<count {
            let name = String(format: "bench%05d.dialogue", index)
            try Data(transcript(index).utf8).write(to: folder.appendingPathComponent(name))
        }
    }

    /// Generates `count` transcripts in a temporary folder, runs them with `runner`, removes the folder.
    public static func run<Agent: TranscriptAgent>(count: Int, runner: TranscriptRunner<Agent>) throws -> Result {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("concierge-bench-transcripts-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try generate(count: count, in: folder)

        let start = DispatchTime.now().uptimeNanoseconds
        let transcripts = try TranscriptSuite.load([folder.path])
        let parsed = DispatchTime.now().uptimeNanoseconds
        let report = try runner.run(transcripts)
        let end = DispatchTime.now().uptimeNanoseconds

        let seconds = Double(end - start) / 1e9
        let turns = transcripts.reduce(0) { $0 + $1.turns.count }
        let firstFailure = report.results.first { !$0.passed }.flatMap { result in
            result.failures.first.map { TextReporter.diff($0, file: URL(fileURLWithPath: result.file).lastPathComponent) }
        }
        return Result(
            transcripts: transcripts.count, turns: turns, fixtures: fixtureCount, jobs: runner.jobs,
            parseSeconds: Double(parsed - start) / 1e9, runSeconds: Double(end - parsed) / 1e9, seconds: seconds,
            transcriptsPerSecond: Double(transcripts.count) / seconds, turnsPerSecond: Double(turns) / seconds,
            passed: report.passed, failed: report.failed, firstFailure: firstFailure)
    }

    /// A small fixture: three customers, six products in two categories, two orders each.
    static func fixture(_ index: Int) -> String {
        let statuses = ["shipped", "processing", "delivered", "pending", "shipped", "delivered"]
        var customers: [String] = []
        var orders: [String] = []
        for customer in 0..<3 {
            let id = "C\(index)\(customer)"
            customers.append(#"{"id": "\#(id)", "name": "Customer \#(id)", "email": "\#(id.lowercased())@example.com", "tier": "standard"}"#)
            for order in 0..<2 {
                let orderID = orderNumber(fixture: index, customer: customer, order: order)
                let status = statuses[(customer * 2 + order) % statuses.count]
                orders.append(#"""
                {"id": "\#(orderID)", "customer": "\#(id)", "status": "\#(status)", "placed": "2026-11-0\#(order + 1)", \#
                "eta": "2026-11-2\#(order + 5)", "carrier": "UPS", "tracking": "1Z999AA1\#(orderID)", \#
                "items": [{"sku": "P-\#(index)\#(customer)", "quantity": 1}]}
                """#)
            }
        }
        let products = (0..<6).map { product in
            let category = product < 3 ? "shoes" : "bags"
            let name = product < 3 ? ["Trail Runner", "Road Racer", "Hiking Boot"][product] : ["Day Pack", "Tote Bag", "Duffel"][product - 3]
            return #"{"sku": "P-\#(index)\#(product)", "name": "\#(name) \#(index)", "category": "\#(category)", "price": \#(40 + product * 15).0}"#
        }
        return """
        {"customers": [\(customers.joined(separator: ",\n"))],
         "products": [\(products.joined(separator: ",\n"))],
         "orders": [\(orders.joined(separator: ",\n"))],
         "complaints": []}

        """
    }

    static func orderNumber(fixture: Int, customer: Int, order: Int) -> String {
        String(20000 + fixture * 100 + customer * 10 + order)
    }

    /// Six turns of an ordinary conversation: greeting, order status asked then given, a recommendation,
    /// thanks, goodbye.
    static func transcript(_ index: Int) -> String {
        let fixture = index % fixtureCount
        let customer = (index / fixtureCount) % 3
        let orderID = orderNumber(fixture: fixture, customer: customer, order: index % 2)
        let category = index % 2 == 0 ? "shoes" : "bags"
        return """
        # Generated by concierge bench transcripts.
        @fixture fixtures/small\(fixture).json
        @customer C\(fixture)\(customer)
        @today 2026-11-23

        > hi
        = intent greet
        < Hello*
        > where is my order?
        = intent order_status
        <~ order (number|id)
        > it's \(orderID)
        = action lookup_order
        <~ \(orderID)
        > can you recommend some \(category)?
        = action recommend_products
        > thanks
        = intent thanks
        > bye
        = intent goodbye
        < *

        """
    }
}
