/// The line formats of `concierge sentiment`.
extension SentimentScore {
    /// `score<TAB>label`, the score with four decimals (SPEC §1).
    public var tabSeparatedLine: String {
        "\(Self.formatted(compound))\t\(label.rawValue)"
    }

    /// One JSON object: `{"score": 0.1234, "label": "positive", "contributions": [{"token": "great", "weight": 1.9}]}`.
    public var jsonLine: String {
        var out = "{\"score\": \(Self.formatted(compound)), \"label\": \"\(label.rawValue)\", \"contributions\": ["
        for (index, contribution) in contributions.enumerated() {
            if index > 0 { out += ", " }
            out += "{\"token\": \"\(Self.escaped(contribution.token))\", \"weight\": \(Self.formatted(contribution.weight))}"
        }
        return out + "]}"
    }

    /// Four decimals without Foundation's formatter (this runs once per line of a million-line stream).
    static func formatted(_ value: Double) -> String {
        guard value.isFinite else { return "0.0000" }
        let scaled = (abs(value) * 10_000).rounded()
        let whole = Int(scaled) / 10_000
        let fraction = Int(scaled) % 10_000
        let digits = String(fraction)
        let sign = value < 0 && scaled > 0 ? "-" : ""
        return "\(sign)\(whole).\(String(repeating: "0", count: 4 - digits.count))\(digits)"
    }

    static func escaped(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20: out += "\\u00" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
