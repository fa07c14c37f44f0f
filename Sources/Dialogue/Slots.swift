/// The details a customer gave in one turn, as the slot extractors read them.
///
/// Every field is optional: a turn fills only what it mentions. `references` records words that point
/// back at earlier turns ("my other order", "something cheaper"), which only the dialogue can resolve.
public struct Slots: Sendable, Equatable {
    /// An order number, digits only (`10023`).
    public var orderID: String?
    /// An email address, folded to lower case.
    public var email: String?
    /// A catalog category (`shoes`), whichever word the customer used for it.
    public var category: String?
    /// A catalog product's SKU (`P-100`), when the customer named a product.
    public var productSKU: String?
    /// A kind of product the customer named without naming one product ("my headphones", "socks").
    public var productKind: String?
    /// A price ceiling in the catalog's currency (`under $50` is 50).
    public var budget: Double?
    /// Words that refer back to earlier turns.
    public var references: Set<ContextReference>
    /// True when the text holds an `@` word that is not a valid email address.
    public var malformedEmail: Bool

    public init(
        orderID: String? = nil, email: String? = nil, category: String? = nil, productSKU: String? = nil,
        productKind: String? = nil, budget: Double? = nil, references: Set<ContextReference> = [], malformedEmail: Bool = false
    ) {
        self.orderID = orderID
        self.email = email
        self.category = category
        self.productSKU = productSKU
        self.productKind = productKind
        self.budget = budget
        self.references = references
        self.malformedEmail = malformedEmail
    }

    /// The slots by their SPEC §6 names, as transcripts (`= slot budget 50`), `classify` and `--debug`
    /// show them: `product` is the catalog name of the product named, else the kind of product as typed
    /// ("headphones"); `budget` is a plain number.
    public func values(in catalog: ProductCatalog) -> [String: String] {
        var values: [String: String] = [:]
        if let orderID { values["order_id"] = orderID }
        if let email { values["email"] = email }
        if let category { values["category"] = category }
        if let productSKU {
            values["product"] = catalog.item(sku: productSKU)?.name ?? productSKU
        } else if let productKind {
            values["product"] = productKind
        }
        if let budget {
            let whole = budget == budget.rounded() && abs(budget) < 1e15
            values["budget"] = whole ? String(Int(budget)) : String(budget)
        }
        return values
    }

    /// True when no slot was filled and nothing was referred back to.
    public var isEmpty: Bool {
        orderID == nil && email == nil && category == nil && productSKU == nil && productKind == nil && budget == nil
            && references.isEmpty
    }
}

/// A phrase that only makes sense with what came before.
public enum ContextReference: String, Sendable, Hashable, CaseIterable {
    /// "what about my other order?"
    case otherOrder = "other_order"
    /// "something cheaper", "that's too expensive"
    case cheaper
    /// "recommend something similar", "more like that"
    case similar
}
