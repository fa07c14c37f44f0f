import Foundation
import TextKit

/// The CRM data a transcript or a fresh database starts from (SPEC §4): customers, products, orders
/// and complaints, as JSON.
public struct Fixture: Codable, Sendable, Equatable {
    public var customers: [Customer]
    public var products: [Product]
    public var orders: [Order]
    public var complaints: [LoggedComplaint]

    public init(customers: [Customer] = [], products: [Product] = [], orders: [Order] = [],
                complaints: [LoggedComplaint] = []) {
        self.customers = customers
        self.products = products
        self.orders = orders
        self.complaints = complaints
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        customers = try container.decodeIfPresent([Customer].self, forKey: .customers) ?? []
        products = try container.decodeIfPresent([Product].self, forKey: .products) ?? []
        orders = try container.decodeIfPresent([Order].self, forKey: .orders) ?? []
        complaints = try container.decodeIfPresent([LoggedComplaint].self, forKey: .complaints) ?? []
    }

    /// An order as a fixture writes it.
    public struct Order: Codable, Sendable, Equatable {
        public var id: String
        public var customer: String
        /// One of `OrderStatus`'s raw values; checked by `validate(file:)` so the error names the entry.
        public var status: String
        public var placed: String
        public var eta: String?
        public var carrier: String?
        public var tracking: String?
        public var items: [Item]

        public init(id: String, customer: String, status: String, placed: String, eta: String? = nil,
                    carrier: String? = nil, tracking: String? = nil, items: [Item]) {
            self.id = id
            self.customer = customer
            self.status = status
            self.placed = placed
            self.eta = eta
            self.carrier = carrier
            self.tracking = tracking
            self.items = items
        }
    }

    public struct Item: Codable, Sendable, Equatable {
        public var sku: String
        public var quantity: Int

        public init(sku: String, quantity: Int = 1) {
            self.sku = sku
            self.quantity = quantity
        }

        enum CodingKeys: String, CodingKey { case sku, quantity }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            sku = try container.decode(String.self, forKey: .sku)
            quantity = try container.decodeIfPresent(Int.self, forKey: .quantity) ?? 1
        }
    }

    /// A complaint already on file when the fixture is loaded.
    public struct LoggedComplaint: Codable, Sendable, Equatable {
        public var customer: String?
        public var order: String?
        public var text: String
        public var sentiment: Double?
        public var priority: String?
        /// `open` (default) or `closed`.
        public var status: String?
        /// `YYYY-MM-DD` or an ISO 8601 date and time.
        public var created: String

        public init(customer: String? = nil, order: String? = nil, text: String, sentiment: Double? = nil,
                    priority: String? = nil, status: String? = nil, created: String) {
            self.customer = customer
            self.order = order
            self.text = text
            self.sentiment = sentiment
            self.priority = priority
            self.status = status
            self.created = created
        }
    }

    // MARK: - Loading

    /// Reads and validates the fixture at `url`. Errors name the file and the offending entry.
    public static func load(from url: URL) throws -> Fixture {
        let file = url.isFileURL ? url.relativePath : url.absoluteString
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw FixtureError.unreadable(file: file, reason: Self.describe(error))
        }
        let fixture: Fixture
        do {
            fixture = try JSONDecoder().decode(Fixture.self, from: data)
        } catch let error as DecodingError {
            if case .dataCorrupted(let context) = error, context.codingPath.isEmpty {
                throw Self.syntaxError(in: data, file: file)
            }
            throw FixtureError.malformed(file: file, line: nil, reason: Self.describe(error))
        } catch {
            throw FixtureError.malformed(file: file, line: nil, reason: "\(error)")
        }
        try fixture.validate(file: file)
        return fixture
    }

    /// The fixture as pretty-printed JSON with sorted keys (stable across runs) (what `load(from:)` reads back).
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// Checks what JSON decoding cannot: unique identifiers, known statuses, real dates, and that
    /// every order and complaint names customers, products and orders that exist.
    public func validate(file: String) throws {
        func fail(_ entry: String, _ problem: String) -> FixtureError {
            .invalidEntry(file: file, entry: entry, problem: problem)
        }
        var customerIDs = Set<String>()
        for (index, customer) in customers.enumerated() {
            let entry = "customers[\(index)] (id \(customer.id))"
            guard !customer.id.isEmpty else { throw fail("customers[\(index)]", "empty id") }
            guard customerIDs.insert(customer.id).inserted else { throw fail(entry, "duplicate id '\(customer.id)'") }
            guard EmailAddress.isValid(customer.email) else { throw fail(entry, "invalid email '\(customer.email)'") }
        }
        var productPrices = [String: Double]()
        for (index, product) in products.enumerated() {
            let entry = "products[\(index)] (sku \(product.sku))"
            guard !product.sku.isEmpty else { throw fail("products[\(index)]", "empty sku") }
            guard productPrices[product.sku] == nil else { throw fail(entry, "duplicate sku '\(product.sku)'") }
            guard product.price >= 0, product.price.isFinite else { throw fail(entry, "invalid price \(product.price)") }
            guard !product.category.isEmpty else { throw fail(entry, "empty category") }
            productPrices[product.sku] = product.price
        }
        var orderIDs = Set<String>()
        for (index, order) in orders.enumerated() {
            let entry = "orders[\(index)] (id \(order.id))"
            guard !order.id.isEmpty else { throw fail("orders[\(index)]", "empty id") }
            guard orderIDs.insert(order.id).inserted else { throw fail(entry, "duplicate id '\(order.id)'") }
            guard customerIDs.contains(order.customer) else { throw fail(entry, "unknown customer '\(order.customer)'") }
            guard OrderStatus(rawValue: order.status) != nil else {
                let known = OrderStatus.allCases.map(\.rawValue).joined(separator: ", ")
                throw fail(entry, "unknown status '\(order.status)' (expected one of \(known))")
            }
            guard CivilDate(order.placed) != nil else { throw fail(entry, "invalid placed date '\(order.placed)' (expected YYYY-MM-DD)") }
            if let eta = order.eta, CivilDate(eta) == nil { throw fail(entry, "invalid eta '\(eta)' (expected YYYY-MM-DD)") }
            guard !order.items.isEmpty else { throw fail(entry, "no items") }
            var skus = Set<String>()
            for item in order.items {
                guard productPrices[item.sku] != nil else { throw fail(entry, "unknown product '\(item.sku)'") }
                guard skus.insert(item.sku).inserted else { throw fail(entry, "product '\(item.sku)' listed twice") }
                guard item.quantity > 0 else { throw fail(entry, "quantity \(item.quantity) of '\(item.sku)' is not positive") }
            }
        }
        for (index, complaint) in complaints.enumerated() {
            let entry = "complaints[\(index)]"
            if let customer = complaint.customer, !customerIDs.contains(customer) {
                throw fail(entry, "unknown customer '\(customer)'")
            }
            if let order = complaint.order, !orderIDs.contains(order) { throw fail(entry, "unknown order '\(order)'") }
            if let priority = complaint.priority, ComplaintPriority(rawValue: priority) == nil {
                throw fail(entry, "unknown priority '\(priority)'")
            }
            if let status = complaint.status, !["open", "closed"].contains(status) {
                throw fail(entry, "unknown status '\(status)' (expected open or closed)")
            }
            guard Self.parseTimestamp(complaint.created) != nil else {
                throw fail(entry, "invalid created '\(complaint.created)' (expected YYYY-MM-DD or ISO 8601)")
            }
        }
    }

    /// JSONDecoder only says the data is not JSON; JSONSerialization says where ("around character
    /// 312"), which becomes a line number for the message.
    private static func syntaxError(in data: Data, file: String) -> FixtureError {
        var reason = "does not parse: not valid JSON"
        var line: Int?
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            let detail = ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String) ?? "\(error)"
            reason = "does not parse: " + detail.trimmingCharacters(in: CharacterSet(charactersIn: "."))
                .replacingOccurrences(of: #" around character \d+"#, with: "", options: .regularExpression).lowercased()
            if let range = detail.range(of: #"character \d+"#, options: .regularExpression),
               let offset = Int(detail[range].dropFirst("character ".count)) {
                line = data.prefix(offset).reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
            } else if detail.contains("end of file") {
                line = data.reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
            }
        }
        return .malformed(file: file, line: line, reason: reason)
    }

    static func parseTimestamp(_ text: String) -> Date? {
        if let day = CivilDate(text) { return day.date }
        return try? Date(text, strategy: .iso8601)
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            var result = ""
            for key in keys {
                if let index = key.intValue { result += "[\(index)]" } else { result += (result.isEmpty ? "" : ".") + key.stringValue }
            }
            return result
        }
        switch error {
        case let .keyNotFound(key, context):
            let at = path(context.codingPath)
            return (at.isEmpty ? "" : at + ": ") + "missing '\(key.stringValue)'"
        case let .typeMismatch(type, context), let .valueNotFound(type, context):
            return path(context.codingPath) + ": expected \(describe(type))"
        case let .dataCorrupted(context):
            let at = path(context.codingPath)
            let underlying = (context.underlyingError as? NSError).map { Self.describe($0) } ?? context.debugDescription
            return (at.isEmpty ? "" : at + ": ") + "does not parse: " + underlying
        @unknown default:
            return "\(error)"
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Int.Type: return "an integer"
        case is Double.Type: return "a number"
        default:
            let name = "\(type)"
            return name.hasPrefix("Array") ? "a list" : name.contains("Dictionary") || name.contains("KeyedDecoding") ? "an object" : name
        }
    }

    private static func describe(_ error: any Error) -> String {
        let nsError = error as NSError
        if let debug = nsError.userInfo[NSDebugDescriptionErrorKey] as? String { return debug }
        return nsError.localizedDescription
    }
}

/// A fixture that cannot be used, described as `path: error: entry: problem`.
public enum FixtureError: Error, CustomStringConvertible, Equatable {
    /// The file cannot be read.
    case unreadable(file: String, reason: String)
    /// The file is not JSON of the fixture's shape (`line` when the JSON itself is broken).
    case malformed(file: String, line: Int?, reason: String)
    /// An entry breaks a rule: unknown customer or product, duplicate id, bad status or date...
    case invalidEntry(file: String, entry: String, problem: String)

    public var description: String {
        switch self {
        case let .unreadable(file, reason): return "\(file): error: cannot read the fixture: \(reason)"
        case let .malformed(file, line?, reason): return "\(file):\(line): error: \(reason)"
        case let .malformed(file, nil, reason): return "\(file): error: \(reason)"
        case let .invalidEntry(file, entry, problem): return "\(file): error: \(entry): \(problem)"
        }
    }
}
