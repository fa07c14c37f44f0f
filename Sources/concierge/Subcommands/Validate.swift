import ArgumentParser
import Foundation
import Transcripts

extension Concierge {
    /// `concierge validate`: lints the training data and the transcripts (SPEC §1).
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "validate",
            abstract: "Check the intents and transcripts for mistakes, without training or running anything.",
            discussion: """
                Reports, with file and line: files that do not parse, intents with no examples, the same \
                example under two intents, slot annotations the extractors do not read as annotated, and \
                transcripts naming missing fixtures, unknown customers, or unknown intents, slots or actions. \
                Exits 1 when anything is found.
                """
        )

        @OptionGroup var intents: IntentsOptions

        @Option(name: .long, help: ArgumentHelp("The transcripts folder.", valueName: "dir"))
        var dialogues: String = "dialogues"

        func run() throws {
            let issues = DataValidator().validate(intents: URL(fileURLWithPath: intents.intents), dialogues: [dialogues])
            for issue in issues { print(issue) }
            guard issues.isEmpty else {
                print("\(issues.count) problem\(issues.count == 1 ? "" : "s") found")
                throw ExitStatus.checksFailed
            }
            print("ok: \(intents.intents) and \(dialogues) are valid")
        }
    }
}
