import CRM
@testable import Dialogue
import XCTest

/// The trainers' `[text](slot)` annotations in intents/ are test cases for the extractors (SPEC §2):
/// with the demo catalog, every annotated slot is filled, and order numbers, emails and budgets are
/// read exactly as annotated.
final class TrainingAnnotationTests: XCTestCase {
    func testEveryAnnotatedSlotInTheTrainingDataIsFilled() throws {
        let root = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let catalog = ProductCatalog(Fixture.demo.products.map {
            ProductCatalog.Item(sku: $0.sku, name: $0.name, category: $0.category, price: $0.price)
        })
        let extractor = SlotExtractor(catalog: catalog)
        let annotation = try NSRegularExpression(pattern: #"\[([^\]]*)\]\((\w+)\)"#)
        let folder = root.appendingPathComponent("intents")
        var checked = 0
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() where file.hasSuffix(".txt") {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for (number, line) in text.components(separatedBy: "\n").enumerated() where line.contains("](") {
                let whole = NSRange(line.startIndex..., in: line)
                let plain = annotation.stringByReplacingMatches(in: line, range: whole, withTemplate: "$1")
                let values = extractor.extract(from: plain).values(in: catalog)
                for match in annotation.matches(in: line, range: whole) {
                    guard let valueRange = Range(match.range(at: 1), in: line),
                          let slotRange = Range(match.range(at: 2), in: line) else { continue }
                    let value = String(line[valueRange]), slot = String(line[slotRange])
                    let place = "intents/\(file):\(number + 1)"
                    checked += 1
                    switch slot {
                    case "order_id":
                        XCTAssertEqual(values[slot], value, place)
                    case "email":
                        XCTAssertEqual(values[slot], value.lowercased(), place)
                    case "budget":
                        let digits = value.filter { $0.isNumber || $0 == "." }
                        XCTAssertEqual(values[slot].flatMap(Double.init), Double(digits), place)
                    default:
                        XCTAssertNotNil(values[slot], "\(place): \(slot) '\(value)' in '\(plain)'")
                    }
                }
            }
        }
        XCTAssertGreaterThan(checked, 100)
    }
}
