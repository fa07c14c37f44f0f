/// Where an order is in its life.
public enum OrderStatus: String, Codable, Sendable, CaseIterable {
    case pending, processing, shipped, delivered, cancelled, returned
}

/// One line of an order, with the product's name for the reply.
public struct OrderLine: Sendable, Equatable {
    public var sku: String
    public var name: String
    public var quantity: Int
    public var unitPrice: Double
}

/// An order as the customer sees it.
public struct OrderDetails: Sendable, Equatable {
    public var id: String
    public var customerID: String
    public var status: OrderStatus
    /// The day the order was placed, `YYYY-MM-DD`.
    public var placed: String
    /// The expected delivery day, `YYYY-MM-DD`, when known.
    public var eta: String?
    public var carrier: String?
    public var tracking: String?
    public var items: [OrderLine]

    public var total: Double { items.reduce(0) { $0 + Double($1.quantity) * $1.unitPrice } }
}

/// Who is asking for an order: a signed-in customer, or an anonymous visitor who gave an email.
public enum OrderAccess: Sendable, Equatable {
    case customer(id: String)
    case email(String)
}
