import ArgumentParser

/// The `concierge` command: a thin shell over the library modules, one file per subcommand.
@main
struct Concierge: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "concierge",
        abstract: "A customer-service agent you talk to in a terminal.",
        subcommands: [Sentiment.self, DB.self, Complaints.self, Recommend.self, Bench.self]
    )
}
