import XCTest

final class CRMPlaceholderTests: XCTestCase {}
