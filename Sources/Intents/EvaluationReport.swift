import Foundation
import TextKit

/// A self-contained HTML page of an evaluation: the confusion matrix as a heat map, per-intent
/// precision, recall and F1, and the misclassified examples. No scripts, no external resources;
/// every piece of text from the data is HTML-escaped.
public struct EvaluationReport: Sendable {
    public var evaluation: Evaluation
    public var title: String

    public init(evaluation: Evaluation, title: String) {
        self.evaluation = evaluation
        self.title = title
    }

    /// Text for the page (see `MarkupText`).
    public static func escape(_ text: String) -> String {
        MarkupText.escaped(text)
    }

    public func html() -> String {
        let e = evaluation
        let escape = Self.escape
        func percent(_ value: Double?) -> String {
            guard let value else { return "—" }
            return String(format: "%.1f %%", value * 100)
        }
        var page = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>\(escape(title))</title>
        <style>
        body { font: 14px/1.4 system-ui, sans-serif; margin: 2em; color: #222; }
        table { border-collapse: collapse; margin: 1em 0; }
        td, th { padding: 2px 6px; border: 1px solid #ddd; text-align: right; }
        th { background: #f4f4f4; } td.name, th.name { text-align: left; }
        .matrix td { width: 14px; height: 14px; padding: 0; border: 1px solid #eee; font-size: 9px; text-align: center; }
        .matrix th.col { writing-mode: vertical-rl; transform: rotate(180deg); font-weight: normal; font-size: 10px; }
        .matrix th.row { font-weight: normal; font-size: 10px; text-align: right; }
        .summary td { text-align: left; }
        </style></head><body>
        <h1>\(escape(title))</h1>
        <table class="summary">
        <tr><th class="name">examples</th><td>\(e.examples)</td></tr>
        <tr><th class="name">intents</th><td>\(e.intents)</td></tr>
        <tr><th class="name">accuracy</th><td>\(percent(e.accuracy))</td></tr>
        <tr><th class="name">macro F1</th><td>\(percent(e.macroF1))</td></tr>
        <tr><th class="name">in-scope accuracy</th><td>\(percent(e.inScopeAccuracy))</td></tr>
        <tr><th class="name">out-of-scope recall</th><td>\(percent(e.oosRecall))</td></tr>
        <tr><th class="name">out-of-scope precision</th><td>\(percent(e.oosPrecision))</td></tr>
        <tr><th class="name">threshold</th><td>\(String(format: "%.4f", e.threshold))</td></tr>
        </table>

        """
        // The heat map: each cell's shade is its share of the row (the expected intent's examples).
        page += "<h2>Confusion matrix</h2>\n<p>Rows: expected intent; columns: predicted. Darker is more.</p>\n"
        page += "<table class=\"matrix\"><tr><th></th>"
        for label in e.labels { page += "<th class=\"col\" title=\"\(escape(label))\">\(escape(label))</th>" }
        page += "</tr>\n"
        for (i, label) in e.labels.enumerated() {
            page += "<tr><th class=\"row\">\(escape(label))</th>"
            let total = max(1, e.matrix[i].reduce(0, +))
            for (j, count) in e.matrix[i].enumerated() {
                let share = Double(count) / Double(total)
                let hue = i == j ? 120 : 0
                let lightness = count == 0 ? 100 : Int(95 - 55 * share)
                let tip = "\(escape(label)) → \(escape(e.labels[j])): \(count)"
                page += "<td style=\"background:hsl(\(hue),70%,\(lightness)%)\" title=\"\(tip)\">"
                page += count > 0 && i != j ? "\(count)" : ""
                page += "</td>"
            }
            page += "</tr>\n"
        }
        page += "</table>\n"

        page += "<h2>Per intent</h2>\n<table><tr><th class=\"name\">intent</th><th>precision</th><th>recall</th>"
        page += "<th>F1</th><th>support</th></tr>\n"
        for (name, score) in e.perIntent.sorted(by: { ($0.value.f1, $0.key) < ($1.value.f1, $1.key) }) {
            page += "<tr><td class=\"name\">\(escape(name))</td>"
            page += String(format: "<td>%.3f</td><td>%.3f</td><td>%.3f</td>", score.precision, score.recall, score.f1)
            page += "<td>\(score.support)</td></tr>\n"
        }
        page += "</table>\n"

        page += "<h2>Misclassified examples (\(e.misclassified.count))</h2>\n"
        page += "<table><tr><th class=\"name\">example</th><th class=\"name\">expected</th>"
        page += "<th class=\"name\">predicted</th><th>confidence</th><th class=\"name\">where</th></tr>\n"
        for item in e.misclassified {
            page += "<tr><td class=\"name\">\(escape(item.text))</td><td class=\"name\">\(escape(item.expected))</td>"
            page += "<td class=\"name\">\(escape(item.predicted))</td>"
            page += String(format: "<td>%.3f</td>", item.confidence)
            page += "<td class=\"name\">\(escape(item.file)):\(item.line)</td></tr>\n"
        }
        page += "</table>\n</body></html>\n"
        return page
    }
}
