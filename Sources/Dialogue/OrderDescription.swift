import CRM
import Foundation

/// An order in plain words: the reply key for its status and the facts to fill it with.
///
/// Dates are calendar days (`yyyy-MM-dd`, as in the CRM) compared with `today` in UTC, and said the way a
/// person would: "today", "tomorrow, Thursday, November 26", "on Wednesday, November 25".
struct OrderDescription {
    let order: OrderFacts
    let today: Date

    var reply: DialogueAction {
        .reply(key, facts)
    }

    private var key: ReplyKey {
        switch order.status {
        case "pending": .orderPending
        case "processing": .orderProcessing
        case "shipped": .orderShipped
        case "delivered": .orderDelivered
        case "cancelled": .orderCancelled
        case "returned": .orderReturned
        default: .orderOtherStatus
        }
    }

    var facts: ReplyFacts {
        var facts: ReplyFacts = ["order_id": order.id, "status": order.status]
        if !order.items.isEmpty { facts["items"] = items }
        if let carrier = order.carrier, !carrier.isEmpty { facts["carrier"] = carrier }
        if let tracking = order.tracking, !tracking.isEmpty { facts["tracking"] = tracking }
        if let placed = order.placed.flatMap(CivilDate.init) { facts["placed"] = placed.spoken(relativeTo: todayDay) }
        if let eta = order.eta.flatMap(CivilDate.init) {
            // A date in the past is "was due" unless the order is done with; the templates say each their way.
            let done = ["delivered", "cancelled", "returned"].contains(order.status)
            facts[eta < todayDay && !done ? "due" : "eta"] = eta.spoken(relativeTo: todayDay)
        }
        return facts
    }

    private var todayDay: CivilDate { CivilDate(today) }

    private var items: String {
        EnglishList.join(order.items.map { $0.quantity == 1 ? $0.name : "\($0.quantity) × \($0.name)" })
    }
}

extension CivilDate {
    /// "today", "tomorrow (Thursday, November 26)", "yesterday (…)", or "Wednesday, November 25".
    func spoken(relativeTo today: CivilDate) -> String {
        let (year, month, day) = components
        let name = "\(Self.weekdays[((dayNumber % 7) + 7 + 4) % 7]), \(Self.months[month - 1]) \(day)"
        let withYear = year == today.components.year ? name : name + ", \(year)"
        switch dayNumber - today.dayNumber {
        case 0: return "today (\(withYear))"
        case 1: return "tomorrow (\(withYear))"
        case -1: return "yesterday (\(withYear))"
        default: return withYear
        }
    }

    // 1970-01-01 was a Thursday: index 4 counting from Sunday.
    private static let weekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
    private static let months = ["January", "February", "March", "April", "May", "June", "July", "August",
                                 "September", "October", "November", "December"]
}

/// Prices as customers read them: `$89.99`, `$50`.
enum Money {
    static func format(_ amount: Double) -> String {
        let cents = Int((amount * 100).rounded())
        let dollars = cents / 100, rest = cents % 100
        if rest == 0 { return "$\(dollars)" }
        return "$\(dollars)." + (rest < 10 ? "0\(rest)" : "\(rest)")
    }
}

/// "a", "a and b", "a, b and c".
enum EnglishList {
    static func join(_ parts: [String], separator: String = ", ") -> String {
        switch parts.count {
        case 0: ""
        case 1: parts[0]
        default: parts.dropLast().joined(separator: separator) + " and " + parts[parts.count - 1]
        }
    }
}
