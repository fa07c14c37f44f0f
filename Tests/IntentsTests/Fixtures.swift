import Foundation
@testable import Intents

/// A small, realistic training set: four intents and out_of_scope.
enum Fixtures {
    static let intents: [String: [String]] = [
        "greet": ["hi", "hello there", "hey", "good morning", "hiya", "hello", "hey there", "good evening"],
        "order_status": [
            "where is my order", "where is order 10023", "track my package", "has my order shipped",
            "when will my order arrive", "status of order 99817", "my parcel has not arrived", "track order 55555",
        ],
        "complaint": [
            "this is terrible service", "i want to complain", "the product broke after one day",
            "i am very unhappy with my purchase", "worst experience ever", "my item arrived damaged",
            "i am angry about the delay", "this is unacceptable",
        ],
        "thanks": ["thanks", "thank you", "thanks a lot", "cheers", "many thanks", "thank you so much",
                   "appreciate it", "thx"],
        "out_of_scope": ["what is the capital of france", "tell me a joke", "how tall is everest",
                         "who won the football game", "what is two plus two", "play some music",
                         "write me a poem", "what is the meaning of life"],
    ]

    static var trainingSet: TrainingSet {
        var examples: [Example] = []
        for name in intents.keys.sorted() {
            for (line, text) in intents[name, default: []].enumerated() {
                examples.append(Example(intent: name, text: text, file: "\(name).txt", line: line + 1))
            }
        }
        return TrainingSet(examples: examples)
    }

    /// Writes the fixture as an intents folder.
    static func write(to folder: TemporaryDirectory) throws {
        for (name, lines) in intents { try folder.write("\(name).txt", lines.joined(separator: "\n") + "\n") }
    }
}
