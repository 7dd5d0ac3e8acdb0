/// Weights typed by hand, `enc=0.2,other=0.5`, and their application to a fusion.
public enum FusionWeightEdit {
    /// Parses `name=weight` pairs separated by commas (spaces around either are ignored).
    ///
    /// - Throws: `FusionError.invalid` for an empty list, a pair without `=`, an empty name, a
    ///   weight that is not a finite number, a negative weight or a name given twice.
    public static func parse(_ text: String) throws -> [(encoder: String, weight: Double)] {
        let pairs = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingSpaces }
        guard !(pairs.count == 1 && pairs[0].isEmpty) else { throw FusionError.invalid("no weights given (expected e.g. face=0.2,audio=0.8)") }
        var result: [(encoder: String, weight: Double)] = []
        for pair in pairs {
            guard let eq = pair.lastIndex(of: "=") else {
                throw FusionError.invalid("'\(pair)' is not encoder=weight (expected e.g. face=0.2)")
            }
            let name = pair[..<eq].trimmingSpaces, value = pair[pair.index(after: eq)...].trimmingSpaces
            guard !name.isEmpty else { throw FusionError.invalid("'\(pair)' names no encoder") }
            guard let w = Double(value), w.isFinite else {
                throw FusionError.invalid("the weight of '\(name)' is not a number: '\(value)'")
            }
            guard w >= 0 else { throw FusionError.invalid("the weight of '\(name)' is negative: \(value)") }
            // Relative weights, but bounded so that their sum cannot overflow to infinity.
            guard UserLimits.fusionWeight.admits(w) else {
                throw FusionError.invalid(UserLimits.fusionWeight.message("the weight of '\(name)'", got: value))
            }
            guard !result.contains(where: { $0.encoder == name }) else {
                throw FusionError.invalid("'\(name)' is given twice")
            }
            result.append((name, w))
        }
        return result
    }

    /// `current` with `edits` applied (an edit may add an encoder), renormalised to sum to 1.
    ///
    /// - Throws: `FusionError.invalid` when every weight ends up 0.
    public static func apply(_ edits: [(encoder: String, weight: Double)],
                             to current: [(encoder: String, weight: Double)]) throws -> [(encoder: String, weight: Double)] {
        var result = current
        for edit in edits {
            if let i = result.firstIndex(where: { $0.encoder == edit.encoder }) {
                result[i].weight = edit.weight
            } else {
                result.append(edit)
            }
        }
        let total = result.reduce(0) { $0 + $1.weight }
        guard total > 0, total.isFinite else { throw FusionError.invalid("every weight would be 0: a fusion needs at least one positive weight") }
        return result.map { ($0.encoder, $0.weight / total) }
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces and tabs (no Foundation in the core).
    var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
