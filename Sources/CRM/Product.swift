/// A product in the catalog.
public struct Product: Codable, Sendable, Equatable, Hashable {
    public var sku: String
    public var name: String
    public var category: String
    public var price: Double

    public init(sku: String, name: String, category: String, price: Double) {
        self.sku = sku
        self.name = name
        self.category = category
        self.price = price
    }
}
