import Foundation
import TextKit

/// The agent's words: a few variations per ``ReplyKey``, loaded from a JSON resource so that they can
/// be reworded without touching the dialogue's logic.
///
/// The file maps each key to an array of variations. A variation holds `{placeholder}`s filled from
/// the reply's facts (and `{name}`, the customer's first name), and `[optional segments]` that are left
/// out when one of their placeholders has no value: `"Hello[ {name}]!"` greets Alice by name and an
/// anonymous customer without one. A variation is picked by the session's seeded generator.
public struct ReplyTemplates: Sendable {
    private enum Part: Sendable {
        case text(String)
        case placeholder(String)
        case optional([Part])
    }

    private let variations: [String: [[Part]]]

    /// Parses the JSON `{ "key": ["variation", ...], ... }`.
    public init(json: Data) throws {
        let raw: [String: [String]]
        do {
            raw = try JSONDecoder().decode([String: [String]].self, from: json)
        } catch {
            throw DialogueError.templates("replies must be a JSON object of string arrays (\(error))")
        }
        var variations: [String: [[Part]]] = [:]
        for (key, texts) in raw {
            guard !texts.isEmpty else { throw DialogueError.templates("reply '\(key)' has no variations") }
            variations[key] = try texts.map { try Self.parse(Substring($0), key: key) }
        }
        self.variations = variations
    }

    /// The templates bundled with the module (Resources/replies.json).
    public static let standard: ReplyTemplates = {
        if let url = Bundle.module.url(forResource: "replies", withExtension: "json"),
           let data = try? Data(contentsOf: url), let templates = try? ReplyTemplates(json: data) {
            return templates
        }
        // Only a broken build lacks the resource; the tests check that it loads and covers every key.
        return ReplyTemplates(variations: [:])
    }()

    private init(variations: [String: [[Part]]]) {
        self.variations = variations
    }

    /// The keys that have no variation in these templates.
    public var missingKeys: [ReplyKey] {
        ReplyKey.allCases.filter { variations[$0.rawValue] == nil }
    }

    /// How many variations `key` has.
    public func variationCount(_ key: ReplyKey) -> Int {
        variations[key.rawValue]?.count ?? 0
    }

    /// Every placeholder name used by `key`'s variations.
    public func placeholders(_ key: ReplyKey) -> Set<String> {
        var names: Set<String> = []
        func collect(_ parts: [Part]) {
            for part in parts {
                switch part {
                case .text: break
                case let .placeholder(name): names.insert(name)
                case let .optional(inner): collect(inner)
                }
            }
        }
        for variation in variations[key.rawValue] ?? [] { collect(variation) }
        return names
    }

    /// The reply for `key`, its variation chosen by `generator`, filled with `facts`.
    public func render(_ key: ReplyKey, facts: ReplyFacts, using generator: inout SplitMix64) -> String {
        guard let choices = variations[key.rawValue], !choices.isEmpty else {
            return "Sorry, I lost my words there. Could you say that again?"
        }
        let variation = choices[choices.count == 1 ? 0 : generator.next(below: choices.count)]
        var output = ""
        _ = Self.render(variation, facts: facts, into: &output)
        return output
    }

    /// Appends `parts` to `output`; false (and nothing appended) when a placeholder has no value.
    private static func render(_ parts: [Part], facts: ReplyFacts, into output: inout String) -> Bool {
        var rendered = ""
        for part in parts {
            switch part {
            case let .text(text):
                rendered += text
            case let .placeholder(name):
                guard let value = facts[name], !value.isEmpty else { return false }
                rendered += value
            case let .optional(inner):
                _ = render(inner, facts: facts, into: &rendered)
            }
        }
        output += rendered
        return true
    }

    private static func parse(_ text: Substring, key: String) throws -> [Part] {
        var parts: [Part] = []
        var literal = ""
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            switch character {
            case "{":
                guard let close = text[index...].firstIndex(of: "}") else {
                    throw DialogueError.templates("reply '\(key)': '{' without '}'")
                }
                if !literal.isEmpty { parts.append(.text(literal)); literal = "" }
                parts.append(.placeholder(String(text[text.index(after: index)..<close])))
                index = text.index(after: close)
            case "[":
                var depth = 0
                var close: Substring.Index?
                var cursor = index
                while cursor < text.endIndex {
                    if text[cursor] == "[" { depth += 1 }
                    if text[cursor] == "]" { depth -= 1; if depth == 0 { close = cursor; break } }
                    cursor = text.index(after: cursor)
                }
                guard let close else { throw DialogueError.templates("reply '\(key)': '[' without ']'") }
                if !literal.isEmpty { parts.append(.text(literal)); literal = "" }
                parts.append(.optional(try parse(text[text.index(after: index)..<close], key: key)))
                index = text.index(after: close)
            default:
                literal.append(character)
                index = text.index(after: index)
            }
        }
        if !literal.isEmpty { parts.append(.text(literal)) }
        return parts
    }
}

/// What can go wrong in the Dialogue module.
public enum DialogueError: Error, CustomStringConvertible, Equatable {
    /// The reply templates file is malformed.
    case templates(String)

    public var description: String {
        switch self {
        case let .templates(message): "error: replies.json: \(message)"
        }
    }
}
