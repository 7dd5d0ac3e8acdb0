import BlendCore

extension ProjectSession {
    /// `compare`: two sources over the clips of the selection both have, each at its own
    /// thresholds, the same actor draws for both.
    ///
    /// - Throws: `AppError.emptySelection` when either side has no clip there,
    ///   `.nothingToCompare` when they share none.
    public func compare(_ a: SourceRef, at ta: Thresholds, with b: SourceRef, at tb: Thresholds,
                        in selection: ClipSelection = .all, settings: BootstrapSettings = .standard) throws -> PairedComparison {
        let clipsA = try selection.restrict(store.scoredClips(source: a))
        return try Self.compare(clipsA, a, at: ta, with: try selection.restrict(store.scoredClips(source: b)), b, at: tb,
                                scope: selection.description, settings: settings)
    }

    static func compare(_ clipsA: ScoredClips, _ a: SourceRef, at ta: Thresholds, with clipsB: ScoredClips, _ b: SourceRef,
                        at tb: Thresholds, scope: String, settings: BootstrapSettings) throws -> PairedComparison {
        guard let c = PairedComparison(a: clipsA, at: ta, b: clipsB, at: tb, settings: settings) else {
            throw AppError.nothingToCompare(a: a.description, b: b.description, scope: scope)
        }
        return c
    }
}
