import ArgumentParser
import BlendCore

/// Every number option is checked in its command's `validate()` through `UserLimits`, so a
/// bad value is a usage error naming the option and the range before any file is opened.
extension NumberLimit {
    /// A usage error when `value` is given and outside the limit.
    func validate(_ value: Value?, _ option: String) throws {
        guard let value else { return }
        do throws(NumberLimitError) {
            try check(value, name: option)
        } catch {
            throw ValidationError(error.description)
        }
    }
}

/// `--alpha` and `--beta`, wherever a verb takes them.
func validateThresholds(alpha: Double?, beta: Double? = nil) throws {
    try UserLimits.probability.validate(alpha, "--alpha")
    try UserLimits.probability.validate(beta, "--beta")
}
