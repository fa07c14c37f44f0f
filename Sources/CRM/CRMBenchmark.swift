import Foundation
import TextKit

/// `concierge bench crm`: how long the agent's database actions take on the demo database.
public struct CRMBenchmark: Codable, Sendable {
    public var database: String
    public var customers: Int
    public var orders: Int
    public var lookups: Int
    public var orderLookupP50Milliseconds: Double
    public var orderLookupP99Milliseconds: Double
    public var complaints: Int
    public var complaintLogP50Milliseconds: Double
    public var complaintLogP99Milliseconds: Double
    public var recommendations: Int
    public var recommendP50Milliseconds: Double
    public var recommendP99Milliseconds: Double

    enum CodingKeys: String, CodingKey {
        case database, customers, orders, lookups, complaints, recommendations
        case orderLookupP50Milliseconds = "order_lookup_p50_ms"
        case orderLookupP99Milliseconds = "order_lookup_p99_ms"
        case complaintLogP50Milliseconds = "complaint_log_p50_ms"
        case complaintLogP99Milliseconds = "complaint_log_p99_ms"
        case recommendP50Milliseconds = "recommend_p50_ms"
        case recommendP99Milliseconds = "recommend_p99_ms"
    }

    /// Builds the demo database in a new file at `path` (replacing one there), then times order lookups
    /// (half by signed-in customer, half by email), complaint logging (each durable on disk) and
    /// recommendations, one call at a time.
    public static func run(path: String, lookups: Int = 2_000, complaints: Int = 500,
                           recommendations: Int = 200) throws -> CRMBenchmark {
        let fixture = Fixture.demo
        try CRMStore.create(at: path, from: fixture, replacing: true)
        let store = try CRMStore(path: path)
        let emails = Dictionary(uniqueKeysWithValues: fixture.customers.map { ($0.id, $0.email) })
        var random = SplitMix64(seed: 42)
        func anyOrder() -> Fixture.Order { fixture.orders[Int(random.next() % UInt64(fixture.orders.count))] }

        for _ in 0..<100 { _ = try store.lookUpOrder(id: anyOrder().id, access: .customer(id: "C1001")) }  // warm-up
        var lookupTimes: [Double] = []
        for number in 0..<lookups {
            let order = anyOrder()
            let access: OrderAccess = number % 2 == 0 ? .customer(id: order.customer) : .email(emails[order.customer] ?? "")
            let start = DispatchTime.now().uptimeNanoseconds
            let found = try store.lookUpOrder(id: order.id, access: access)
            lookupTimes.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            if found == nil { throw CRMError.unknownOrder(order.id) }
        }

        var complaintTimes: [Double] = []
        for number in 0..<complaints {
            let order = anyOrder()
            let complaint = NewComplaint(customerID: order.customer, orderID: order.id,
                                         text: "order \(order.id) arrived broken, card 4111 1111 1111 1111 was charged twice",
                                         sentiment: -0.7, date: Date(timeIntervalSince1970: 1_795_000_000 + Double(number)))
            let start = DispatchTime.now().uptimeNanoseconds
            _ = try store.logComplaint(complaint)
            complaintTimes.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }

        var recommendTimes: [Double] = []
        for _ in 0..<recommendations {
            let customer = fixture.customers[Int(random.next() % UInt64(fixture.customers.count))].id
            let start = DispatchTime.now().uptimeNanoseconds
            _ = try store.recommendations(for: customer, category: nil, maxPrice: nil, limit: 5)
            recommendTimes.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }

        return CRMBenchmark(
            database: path, customers: fixture.customers.count, orders: fixture.orders.count,
            lookups: lookups, orderLookupP50Milliseconds: percentile(lookupTimes, 50),
            orderLookupP99Milliseconds: percentile(lookupTimes, 99),
            complaints: complaints, complaintLogP50Milliseconds: percentile(complaintTimes, 50),
            complaintLogP99Milliseconds: percentile(complaintTimes, 99),
            recommendations: recommendations, recommendP50Milliseconds: percentile(recommendTimes, 50),
            recommendP99Milliseconds: percentile(recommendTimes, 99))
    }

    /// The nearest-rank percentile, rounded to microseconds.
    static func percentile(_ values: [Double], _ percent: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let rank = Int((percent / 100 * Double(sorted.count)).rounded(.up)) - 1
        return (sorted[min(max(rank, 0), sorted.count - 1)] * 1000).rounded() / 1000
    }
}
