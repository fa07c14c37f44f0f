import CRM
import Foundation
import XCTest

final class CivilDateTests: XCTestCase {
    func testParsesOnlyRealDaysWrittenWithASCIIDigits() {
        XCTAssertEqual(CivilDate("2024-02-29")?.description, "2024-02-29")
        for invalid in ["2026-02-30", "2026-13-01", "2026-+1-05", "2026-1-05", "２０２６-11-23", "2026-11-23x", ""] {
            XCTAssertNil(CivilDate(invalid), invalid)
        }
    }

    func testDayOfADateIsItsUTCDayAndNoonIsTwelveHoursIn() throws {
        let day = try XCTUnwrap(CivilDate("2024-02-29"))
        XCTAssertEqual(day.noonUTC, Date(timeIntervalSince1970: 1_709_208_000))
        XCTAssertEqual(CivilDate(day.noonUTC), day)
        XCTAssertEqual(CivilDate(Date(timeIntervalSince1970: 1_709_251_199)), day)  // 23:59:59 UTC
        XCTAssertEqual(CivilDate(Date(timeIntervalSince1970: -1)).description, "1969-12-31")
    }
}
