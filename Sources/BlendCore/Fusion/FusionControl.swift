/// How a long fusion run reports progress and learns that it should stop. The job runner
/// (BlendStore) and the TUI supply these; tests and benchmarks use ``none``.
public struct FusionControl: Sendable {
    /// Called with the fraction done (0–1), a one-line message and the best Score so far.
    public var progress: @Sendable (_ fraction: Double, _ message: String, _ bestScore: Double?) -> Void
    /// Polled between evaluations; true makes the run throw `CancellationError`.
    public var isCancelled: @Sendable () -> Bool

    public init(progress: @escaping @Sendable (Double, String, Double?) -> Void,
                isCancelled: @escaping @Sendable () -> Bool) {
        self.progress = progress
        self.isCancelled = isCancelled
    }

    /// No reporting, never cancelled.
    public static let none = FusionControl(progress: { _, _, _ in }, isCancelled: { false })

    /// Throws `CancellationError` when the run should stop.
    public func checkCancellation() throws {
        if isCancelled() { throw CancellationError() }
    }

    /// The same control for one part of a larger run: `fraction` 0–1 of the part maps onto
    /// `start ..< start + share` of the whole, and messages get `prefix`.
    public func part(start: Double, share: Double, prefix: String) -> FusionControl {
        let progress = self.progress
        return FusionControl(
            progress: { f, message, score in progress(start + share * min(max(f, 0), 1), prefix + message, score) },
            isCancelled: isCancelled)
    }
}
