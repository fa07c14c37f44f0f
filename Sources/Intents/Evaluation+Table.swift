import Foundation

extension Evaluation {
    /// The human-readable summary `concierge evaluate` prints by default.
    public func table() -> String {
        func percent(_ value: Double?) -> String {
            guard let value else { return "—" }
            return String(format: "%.1f %%", value * 100)
        }
        var lines: [String] = []
        lines.append("examples            \(examples)")
        lines.append("intents             \(intents)")
        lines.append("accuracy            \(percent(accuracy))")
        lines.append("macro F1            \(percent(macroF1))")
        lines.append("in-scope accuracy   \(percent(inScopeAccuracy))")
        lines.append("out-of-scope recall \(percent(oosRecall))   precision \(percent(oosPrecision))")
        lines.append(String(format: "threshold           %.4f", threshold))
        lines.append(String(format: "train               %.3f s", trainSeconds))
        lines.append(String(format: "classify            %.1f µs per utterance", classifySecondsPerUtterance * 1e6))
        lines.append("")
        let width = max(6, perIntent.keys.map(\.count).max() ?? 6)
        func pad(_ text: String, _ count: Int) -> String {
            text.count >= count ? text : text + String(repeating: " ", count: count - text.count)
        }
        func left(_ text: String, _ count: Int) -> String {
            text.count >= count ? text : String(repeating: " ", count: count - text.count) + text
        }
        lines.append(pad("intent", width) + "  precision  recall      F1  support")
        // Worst first: what a trainer should look at.
        let rows = perIntent.sorted { ($0.value.f1, $0.key) < ($1.value.f1, $1.key) }
        for (name, score) in rows {
            lines.append(pad(name, width) + "  " + left(String(format: "%.3f", score.precision), 9)
                + "  " + left(String(format: "%.3f", score.recall), 6) + "  " + left(String(format: "%.3f", score.f1), 6)
                + "  " + left(String(score.support), 7))
        }
        if !confusions.isEmpty {
            lines.append("")
            lines.append("most frequent confusions (expected -> predicted):")
            for confusion in confusions.prefix(10) {
                lines.append("  \(confusion.count)× \(confusion.expected) -> \(confusion.predicted)")
            }
        }
        return lines.joined(separator: "\n")
    }
}
