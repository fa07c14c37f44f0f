import TextKit

/// The one place CRM reaches into TextKit's masking, so every stored text goes through the same rule.
enum TextKitBridge {
    static func mask(_ text: String) -> String { CardNumberMasker.mask(text) }
}
