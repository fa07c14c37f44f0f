import ArgumentParser
import CRM
import Foundation
import TextKit

extension Concierge {
    /// `concierge complaints [--db PATH] [--open] [--json]`: the logged complaints for staff, newest first.
    struct Complaints: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the logged complaints, newest first.")

        @OptionGroup var database: DatabaseOptions

        @Flag(name: .long, help: "Only complaints still open.")
        var open = false

        @OptionGroup var output: OutputOptions

        func run() throws {
            let store = try database.openCRMStore()
            let complaints: [CRM.Complaint]
            do {
                complaints = try store.complaints(openOnly: open)
            } catch {
                throw report(error, exit: ExitStatus.ioError)
            }
            if output.json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                encoder.dateEncodingStrategy = .iso8601
                let data = try encoder.encode(complaints.map(ComplaintJSON.init))
                print(String(decoding: data, as: UTF8.self))
                return
            }
            if complaints.isEmpty {
                print(open ? "No open complaints." : "No complaints.")
                return
            }
            for complaint in complaints {
                let when = complaint.createdAt.formatted(.iso8601)
                let who = [complaint.customerID ?? "anonymous", complaint.orderID.map { "order \($0)" }]
                    .compactMap { $0 }.joined(separator: ", ")
                // Customer text is shown without its control characters or escape sequences.
                let text = TerminalText.sanitized(complaint.text)
                print("\(complaint.ticket)  \(complaint.priority.rawValue.padding(toLength: 6, withPad: " ", startingAt: 0))  "
                      + "\(complaint.status.padding(toLength: 6, withPad: " ", startingAt: 0))  \(when)  "
                      + String(format: "%+.2f", complaint.sentiment) + "  \(who)")
                print("    \(text)")
            }
        }
    }
}

/// One complaint in `concierge complaints --json`.
private struct ComplaintJSON: Encodable {
    var ticket: String
    var customer: String?
    var order: String?
    var text: String
    var sentiment: Double
    var priority: String
    var status: String
    var created: Date

    init(_ complaint: CRM.Complaint) {
        ticket = complaint.ticket
        customer = complaint.customerID
        order = complaint.orderID
        text = complaint.text
        sentiment = complaint.sentiment
        priority = complaint.priority.rawValue
        status = complaint.status
        created = complaint.createdAt
    }
}
