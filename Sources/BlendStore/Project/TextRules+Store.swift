import BlendCore

extension TextRules {
    /// `check(_:as:)` with the violation turned into the caller's error (`StoreError.invalid`,
    /// or an `InputError` at a line), so each entry point keeps its own kind of refusal.
    static func check<E: Error>(_ text: String, as subject: String, lineFeeds: Bool = false,
                                or makeError: (String) -> E) throws(E) {
        do {
            try check(text, as: subject, lineFeeds: lineFeeds)
        } catch {
            throw makeError(error.description)
        }
    }
}
