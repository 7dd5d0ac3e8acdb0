import BlendApp

/// Everything wrong with one user file (a theme, a key map), each located as `FILE:LINE:
/// message`, so the user can fix them all in one go instead of one per run.
public struct InputProblems: Error, Equatable, Sendable, CustomStringConvertible {
    public let problems: [InputError]

    public init(_ problems: [InputError]) {
        // By line, so the list reads top to bottom like the file; whole-file problems last.
        self.problems = problems.enumerated().sorted { a, b in
            let la = a.element.line ?? Int.max, lb = b.element.line ?? Int.max
            return la != lb ? la < lb : a.offset < b.offset
        }.map(\.element)
    }

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
