/// A product suggested to a customer, with why.
public struct Recommendation: Sendable, Equatable {
    public var product: Product
    /// Higher is better; cosine-similarity sums for the collaborative filter, buyer counts for popularity.
    public var score: Double
    /// One short sentence for the customer ("people who bought Trail Running Shoes also bought this").
    public var reason: String
    /// The owned product the suggestion comes from, when it comes from the collaborative filter.
    public var because: Product?
}
