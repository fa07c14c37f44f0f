import Foundation
import TextKit

extension Fixture {
    /// The small, hand-written data set that transcripts use (`dialogues/fixtures/demo.json`) and that the
    /// demo data starts with: five named customers, a few products and an order in every status.
    /// C1001 Alice Chen owns order 10023 (shipped by UPS); C1003 Carla Rossi is new and has no orders.
    public static let showcase: Fixture = {
        let names = ["Trail Running Shoes", "Running Socks (3-pack)", "Running Shorts", "Insulated Water Bottle",
                     "Energy Gels (12-pack)", "Sports GPS Watch", "Hydration Vest", "Chef's Knife 8-inch",
                     "Bamboo Cutting Board", "Espresso Machine", "Whole Bean Coffee 1kg", "27-inch 4K Monitor",
                     "Mechanical Keyboard", "Gaming Mouse", "Wireless Earbuds", "Grain-Free Dog Food 12kg",
                     "Rubber Chew Toy", "Reflective Dog Leash"]
        let products = DemoCatalog.products.filter { names.contains($0.name) }
        func sku(_ name: String) -> String { products.first { $0.name == name }?.sku ?? name }
        func items(_ names: [(String, Int)]) -> [Item] { names.map { Item(sku: sku($0.0), quantity: $0.1) } }
        let customers = [
            Customer(id: "C1001", name: "Alice Chen", email: "alice@example.com", tier: "gold"),
            Customer(id: "C1002", name: "Bob Martinez", email: "bob.martinez@example.com", tier: "silver"),
            Customer(id: "C1003", name: "Carla Rossi", email: "carla.rossi@example.com", tier: "standard"),
            Customer(id: "C1004", name: "Dev Patel", email: "dev.patel@example.com", tier: "platinum"),
            Customer(id: "C1005", name: "Emma Johansson", email: "emma.j@example.com", tier: "standard"),
        ]
        let orders = [
            Order(id: "10011", customer: "C1001", status: "delivered", placed: "2026-09-14", eta: "2026-09-19",
                  carrier: "FedEx", tracking: "612999AA1012", items: items([("Running Shorts", 1), ("Insulated Water Bottle", 1)])),
            Order(id: "10023", customer: "C1001", status: "shipped", placed: "2026-11-02", eta: "2026-11-25",
                  carrier: "UPS", tracking: "1Z999AA10123456784",
                  items: items([("Trail Running Shoes", 1), ("Running Socks (3-pack)", 2)])),
            Order(id: "10031", customer: "C1001", status: "pending", placed: "2026-11-22", eta: "2026-11-29",
                  items: items([("Energy Gels (12-pack)", 1)])),
            Order(id: "10024", customer: "C1002", status: "processing", placed: "2026-11-21", eta: "2026-11-27",
                  items: items([("Chef's Knife 8-inch", 1), ("Bamboo Cutting Board", 1)])),
            Order(id: "10025", customer: "C1002", status: "delivered", placed: "2026-10-03", eta: "2026-10-08",
                  carrier: "USPS", tracking: "9400111899223197428490", items: items([("Espresso Machine", 1)])),
            Order(id: "10033", customer: "C1002", status: "shipped", placed: "2026-11-20", eta: "2026-11-26",
                  carrier: "DHL", items: items([("Whole Bean Coffee 1kg", 2)])),
            Order(id: "10027", customer: "C1004", status: "cancelled", placed: "2026-11-10",
                  items: items([("27-inch 4K Monitor", 1)])),
            Order(id: "10028", customer: "C1004", status: "returned", placed: "2026-10-15", eta: "2026-10-20",
                  carrier: "UPS", tracking: "1Z999AA10198765432", items: items([("Mechanical Keyboard", 1)])),
            Order(id: "10029", customer: "C1004", status: "delivered", placed: "2026-08-30", eta: "2026-09-04",
                  carrier: "DHL", tracking: "3456789012", items: items([("Gaming Mouse", 1), ("Wireless Earbuds", 1)])),
            Order(id: "10030", customer: "C1005", status: "shipped", placed: "2026-11-19", eta: "2026-11-24",
                  carrier: "FedEx", tracking: "612999AA1077",
                  items: items([("Grain-Free Dog Food 12kg", 1), ("Rubber Chew Toy", 2)])),
            Order(id: "10032", customer: "C1005", status: "delivered", placed: "2026-07-12", eta: "2026-07-17",
                  carrier: "USPS", tracking: "9400111899223197428511", items: items([("Reflective Dog Leash", 1)])),
            Order(id: "10034", customer: "C1005", status: "processing", placed: "2026-11-22", eta: "2026-11-28",
                  items: items([("Grain-Free Dog Food 12kg", 1)])),
        ]
        return Fixture(customers: customers, products: products, orders: orders, complaints: [])
    }()

    /// The bundled demo data: the showcase plus 320 generated customers, the whole 136-product catalog and
    /// about 3,700 orders over the year up to 2026-11-23, generated from a fixed seed.
    public static let demo: Fixture = DemoGenerator(seed: 0xC0FFEE_2026, today: CivilDate(year: 2026, month: 11, day: 23))
        .generate(base: showcase)
}

/// Builds the demo order history: each customer has one to three shopping habits (`DemoCatalog.themes`)
/// and buys mostly within them, core items first, with some impulse purchases of popular items.
struct DemoGenerator {
    var seed: UInt64
    var today: CivilDate
    var customerCount = 320

    static let firstNames = [
        "James", "Maria", "Wei", "Fatima", "Lucas", "Sofia", "Noah", "Aisha", "Liam", "Yuki", "Mateo", "Olivia",
        "Arjun", "Chloe", "Ethan", "Priya", "Hugo", "Zoe", "Omar", "Grace", "Kenji", "Isabel", "Daniel", "Leila",
        "Samuel", "Hannah", "Tomas", "Mei", "Jonas", "Amara", "Felix", "Nora", "Ravi", "Elena", "Marcus", "Ingrid",
        "Diego", "Sara", "Kofi", "Anna",
    ]
    static let lastNames = [
        "Smith", "Garcia", "Nguyen", "Kim", "Okafor", "Muller", "Rossi", "Silva", "Cohen", "Tanaka", "Brown",
        "Novak", "Hansen", "Dubois", "Singh", "Lopez", "Wilson", "Haddad", "Petrov", "Andersson", "Murphy", "Costa",
        "Yamamoto", "Schmidt", "Khan", "Taylor", "Moreau", "Jensen", "Alvarez", "Walker",
    ]
    static let tiers = [("standard", 0.55), ("silver", 0.25), ("gold", 0.14), ("platinum", 0.06)]
    static let carriers = ["UPS", "FedEx", "USPS", "DHL"]

    func generate(base: Fixture) -> Fixture {
        var random = SplitMix64(seed: seed)
        let products = DemoCatalog.products
        let index = Dictionary(uniqueKeysWithValues: products.enumerated().map { ($1.name, $0) })
        let themes = DemoCatalog.themes.map { theme in theme.products.compactMap { index[$0] } }
        let themeWeights = DemoCatalog.themes.map(\.weight)
        // Impulse purchases follow a long tail: a few products are bought far more often than the rest.
        let impulseOrder = (0..<products.count).map { _ in random.next() }
        let impulseRank = impulseOrder.enumerated().sorted { $0.element < $1.element }.map(\.offset)
        var impulseWeights = [Double](repeating: 0, count: products.count)
        for (rank, product) in impulseRank.enumerated() { impulseWeights[product] = 1 / Double(rank + 3) }

        var customers = base.customers
        var drafts: [(placed: CivilDate, customer: String, items: [Fixture.Item])] = []
        for number in 0..<customerCount {
            let first = Self.firstNames[Int(random.next() % UInt64(Self.firstNames.count))]
            let last = Self.lastNames[Int(random.next() % UInt64(Self.lastNames.count))]
            let id = "C\(1006 + number)"
            let tier = Self.tiers[random.pick(weights: Self.tiers.map(\.1))].0
            customers.append(Customer(id: id, name: "\(first) \(last)",
                                      email: "\(first).\(last).\(1006 + number)@example.com".lowercased(), tier: tier))

            var habits: [Int] = []
            let habitCount = 1 + (random.unit() < 0.55 ? 1 : 0) + (random.unit() < 0.2 ? 1 : 0)
            while habits.count < habitCount {
                let habit = random.pick(weights: themeWeights)
                if !habits.contains(habit) { habits.append(habit) }
            }
            let orderCount = 4 + Int(random.unit() * 16)
            var days = (0..<orderCount).map { _ in today.adding(days: -Int(random.unit() * 365)) }
            days.sort()
            var owned = Set<Int>()
            for day in days {
                var basket: [Int] = []
                if random.unit() < 0.85 {
                    let theme = themes[habits[random.pick(weights: habits.map { _ in 1 })]]
                    let size = 1 + (random.unit() < 0.45 ? 1 : 0) + (random.unit() < 0.15 ? 1 : 0)
                    // Core items first: the weight falls with the item's place in the habit, and what the
                    // customer already has is rarely bought again unless it is used up.
                    let weights = theme.enumerated().map { place, product -> Double in
                        let base = 1 / (1 + 0.35 * Double(place))
                        let consumable = DemoCatalog.consumables.contains(products[product].name)
                        return owned.contains(product) ? base * (consumable ? 0.5 : 0.03) : base
                    }
                    for _ in 0..<size {
                        let product = theme[random.pick(weights: weights)]
                        if !basket.contains(product) { basket.append(product) }
                    }
                } else {
                    basket.append(random.pick(weights: impulseWeights))
                }
                owned.formUnion(basket)
                let items = basket.map { product -> Fixture.Item in
                    let consumable = DemoCatalog.consumables.contains(products[product].name)
                    return Fixture.Item(sku: products[product].sku, quantity: consumable ? 1 + Int(random.next() % 3) : 1)
                }
                drafts.append((day, id, items))
            }
        }
        drafts.sort { ($0.placed, $0.customer) < ($1.placed, $1.customer) }

        var orders = base.orders
        for (number, draft) in drafts.enumerated() {
            orders.append(order(id: "\(20_001 + number)", draft: draft, random: &random))
        }
        let baseSKUs = Set(base.products.map(\.sku))
        let allProducts = base.products + products.filter { !baseSKUs.contains($0.sku) }
        return Fixture(customers: customers, products: allProducts.sorted { $0.sku < $1.sku }, orders: orders,
                       complaints: base.complaints)
    }

    /// Status, dates and shipping follow from the order's age, with a few cancellations and returns.
    private func order(id: String, draft: (placed: CivilDate, customer: String, items: [Fixture.Item]),
                       random: inout SplitMix64) -> Fixture.Order {
        let age = today.dayNumber - draft.placed.dayNumber
        let transit = 3 + Int(random.next() % 5)
        var status: OrderStatus
        switch age {
        case ...1: status = random.unit() < 0.5 ? .pending : .processing
        case ...3: status = .processing
        case ...transit: status = .shipped
        default: status = .delivered
        }
        let roll = random.unit()
        if roll < 0.04 { status = .cancelled } else if roll < 0.07, age > 20 { status = .returned }
        let carrier = Self.carriers[Int(random.next() % UInt64(Self.carriers.count))]
        var order = Fixture.Order(id: id, customer: draft.customer, status: status.rawValue, placed: draft.placed.description,
                                  items: draft.items)
        switch status {
        case .cancelled:
            break
        case .pending, .processing:
            order.eta = draft.placed.adding(days: transit + 2).description
        case .shipped, .delivered, .returned:
            order.eta = draft.placed.adding(days: transit).description
            order.carrier = carrier
            order.tracking = tracking(for: carrier, random: &random)
        }
        return order
    }

    private func tracking(for carrier: String, random: inout SplitMix64) -> String {
        func digits(_ count: Int) -> String {
            String((0..<count).map { _ in Character(String(random.next() % 10)) })
        }
        switch carrier {
        case "UPS": return "1Z" + String(format: "%06X", Int(random.next() % 0xFFFFFF)) + digits(10)
        case "FedEx": return digits(12)
        case "USPS": return "9400" + digits(18)
        default: return digits(10)
        }
    }
}
