/// A customer of the shop.
public struct Customer: Codable, Sendable, Equatable, Hashable {
    public var id: String
    public var name: String
    public var email: String
    /// `standard`, `silver`, `gold` or `platinum`.
    public var tier: String

    public init(id: String, name: String, email: String, tier: String = "standard") {
        self.id = id
        self.name = name
        self.email = email
        self.tier = tier
    }

    enum CodingKeys: String, CodingKey { case id, name, email, tier }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        name = try container.decode(String.self, forKey: .name)
        email = try container.decode(String.self, forKey: .email)
        tier = try container.decodeIfPresent(String.self, forKey: .tier) ?? "standard"
    }
}
