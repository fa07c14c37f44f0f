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
        if let placed = order.placed.flatMap(CalendarDay.init) { facts["placed"] = placed.spoken(relativeTo: todayDay) }
        if let eta = order.eta.flatMap(CalendarDay.init) {
            // A date in the past is "was due" unless the order is done with; the templates say each their way.
            let done = ["delivered", "cancelled", "returned"].contains(order.status)
            facts[eta < todayDay && !done ? "due" : "eta"] = eta.spoken(relativeTo: todayDay)
        }
        return facts
    }

    private var todayDay: CalendarDay { CalendarDay(today) }

    private var items: String {
        EnglishList.join(order.items.map { $0.quantity == 1 ? $0.name : "\($0.quantity) × \($0.name)" })
    }
}

/// A calendar day in the proleptic Gregorian calendar, UTC.
struct CalendarDay: Comparable {
    let year: Int, month: Int, day: Int

    init?(_ text: String) {
        let parts = text.prefix(10).split(separator: "-")
        guard parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        (self.year, self.month, self.day) = (year, month, day)
    }

    init(_ date: Date) {
        // Days since 1970-01-01, then the civil-from-days algorithm (Howard Hinnant's).
        let days = Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// Days since 1970-01-01 (days-from-civil).
    var ordinal: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool { lhs.ordinal < rhs.ordinal }

    /// "today", "tomorrow (Thursday, November 26)", "yesterday (…)", or "Wednesday, November 25".
    func spoken(relativeTo today: CalendarDay) -> String {
        let name = "\(Self.weekdays[((ordinal % 7) + 7 + 4) % 7]), \(Self.months[month - 1]) \(day)"
        let withYear = year == today.year ? name : name + ", \(year)"
        switch ordinal - today.ordinal {
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
