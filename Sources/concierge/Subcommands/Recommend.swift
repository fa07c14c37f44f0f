import ArgumentParser
import CRM
import Foundation

extension Concierge {
    /// `concierge recommend --customer ID [--category C]` and `concierge recommend --evaluate`.
    struct Recommend: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Recommend products to a customer, or evaluate the recommender on the demo data.")

        @OptionGroup var database: DatabaseOptions

        @Option(name: .long, help: ArgumentHelp("The customer to recommend to.", valueName: "id"))
        var customer: String?

        @Option(name: .long, help: ArgumentHelp("Only products of this category.", valueName: "category"))
        var category: String?

        @Option(name: .customLong("max-price"), help: ArgumentHelp("Only products up to this price.", valueName: "amount"))
        var maxPrice: Double?

        @Option(name: .long, help: "How many products to suggest.")
        var limit = 5

        @Flag(name: .long, help: "Hold out each demo customer's last purchase and report hit rate@5 (CF and popularity).")
        var evaluate = false

        @OptionGroup var output: OutputOptions

        func validate() throws {
            if !evaluate, customer == nil { throw ValidationError("give --customer ID, or --evaluate") }
            if evaluate, customer != nil || category != nil { throw ValidationError("--evaluate takes no --customer or --category") }
            if limit < 1 { throw ValidationError("--limit must be at least 1") }
        }

        func run() throws {
            if evaluate {
                let result = RecommenderEvaluation.evaluate(.demo)
                if output.json {
                    let encoder = JSONEncoder()
                    encoder.outputFormatting = [.sortedKeys]
                    print(String(decoding: try encoder.encode(result), as: UTF8.self))
                } else {
                    print("customers: \(result.customers)")
                    print("hit_rate_at_5: " + String(format: "%.3f", result.hitRateAt5))
                    print("popularity_hit_rate_at_5: " + String(format: "%.3f", result.popularityHitRateAt5))
                }
                return
            }
            let store = try database.openCRMStore()
            let customerID = customer ?? ""
            let suggestions: [Recommendation]
            do {
                guard try store.customer(id: customerID) != nil else {
                    throw report(CRMError.unknownCustomer(customerID), exit: ExitStatus.checksFailed)
                }
                suggestions = try store.recommendations(for: customerID, category: category, maxPrice: maxPrice, limit: limit)
            } catch let error as ExitCode {
                throw error
            } catch {
                throw report(error, exit: ExitStatus.ioError)
            }
            if output.json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                let items = suggestions.map {
                    RecommendationJSON(sku: $0.product.sku, name: $0.product.name, category: $0.product.category,
                                       price: $0.product.price, score: ($0.score * 1000).rounded() / 1000, reason: $0.reason)
                }
                print(String(decoding: try encoder.encode(RecommendationsJSON(customer: customerID, recommendations: items)),
                             as: UTF8.self))
                return
            }
            if suggestions.isEmpty {
                print("Nothing to recommend" + (category.map { " in \($0)" } ?? "") + ".")
            }
            for (rank, suggestion) in suggestions.enumerated() {
                print("\(rank + 1). \(suggestion.product.name) (\(suggestion.product.category), "
                      + String(format: "$%.2f", suggestion.product.price) + ") — \(suggestion.reason)")
            }
        }
    }
}

private struct RecommendationsJSON: Encodable {
    var customer: String
    var recommendations: [RecommendationJSON]
}

private struct RecommendationJSON: Encodable {
    var sku: String
    var name: String
    var category: String
    var price: Double
    var score: Double
    var reason: String
}
