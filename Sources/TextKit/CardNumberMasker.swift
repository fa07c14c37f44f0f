/// Masks payment card numbers in free text before it is stored or recorded.
///
/// A card number is 13 to 19 digits, possibly grouped by single spaces or hyphens, that passes the
/// Luhn check. It is replaced by `*` for every digit but the last four (`**** **** **** 1111` keeps its
/// grouping), so staff can still tell cards apart.
public enum CardNumberMasker {
    public static func mask(_ text: String) -> String {
        var characters = Array(text)
        var index = 0
        var changed = false
        while index < characters.count {
            guard characters[index].isASCII, characters[index].isNumber,
                  index == 0 || !(characters[index - 1].isASCII && characters[index - 1].isNumber)
            else {
                index += 1
                continue
            }
            // Collect a run of digits with single space/hyphen separators between digits.
            var digitPositions: [Int] = []
            var groupStarts: [Int] = [0]
            var cursor = index
            while cursor < characters.count {
                let character = characters[cursor]
                if character.isASCII, character.isNumber {
                    digitPositions.append(cursor)
                    cursor += 1
                } else if (character == " " || character == "-"), cursor + 1 < characters.count,
                          characters[cursor + 1].isASCII, characters[cursor + 1].isNumber, !digitPositions.isEmpty {
                    groupStarts.append(digitPositions.count)
                    cursor += 1
                } else {
                    break
                }
            }
            if let span = cardSpan(in: digitPositions.map { characters[$0] }, groupStarts: groupStarts) {
                for position in digitPositions[span].dropLast(4) {
                    characters[position] = "*"
                }
                changed = true
            }
            index = cursor
        }
        return changed ? String(characters) : text
    }

    /// True when `text` holds a card number.
    public static func containsCardNumber(_ text: String) -> Bool {
        mask(text) != text
    }

    /// The longest stretch of whole digit groups that is a card number: the whole run when it is one,
    /// else consecutive groups ("order 10023 4111 1111 1111 1111" masks the last four groups only).
    private static func cardSpan(in digits: [Character], groupStarts: [Int]) -> Range<Int>? {
        guard digits.count >= 13 else { return nil }
        let values = digits.map { Int(($0.asciiValue ?? 48) - 48) }
        let boundaries = groupStarts + [values.count]
        var best: Range<Int>?
        for first in 0..<(boundaries.count - 1) {
            for last in (first + 1)..<boundaries.count {
                let span = boundaries[first]..<boundaries[last]
                guard (13...19).contains(span.count), span.count > (best?.count ?? 0) else { continue }
                if passesLuhn(values[span]) { best = span }
            }
        }
        return best
    }

    static func passesLuhn(_ digits: ArraySlice<Int>) -> Bool {
        var sum = 0
        for (offset, digit) in digits.reversed().enumerated() {
            if offset % 2 == 1 {
                let doubled = digit * 2
                sum += doubled > 9 ? doubled - 9 : doubled
            } else {
                sum += digit
            }
        }
        return sum % 10 == 0
    }
}
