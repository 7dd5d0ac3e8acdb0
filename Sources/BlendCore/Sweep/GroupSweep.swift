/// One group's sweep: its clips, its addable counts and every cell with its best thresholds.
public struct GroupSweep: Sendable {
    public let scope: ClipScope
    /// Indices into the swept clips.
    public let members: [Int]
    public let counts: SweepCounts
    public let result: SweepResult

    /// The group's best thresholds and metrics (the challenge's tie-break).
    public var best: SweepCell { result.best }
}

extension SweepPlan {
    /// A sweep per split, fold or actor, from one pass over the clips: the placement on the
    /// grid is shared, so no group is re-sorted or re-placed. Test clips belong to no fold.
    public func sweep(by grouping: ClipGrouping) -> [GroupSweep] {
        let (groups, groupOf) = grouping.partition(index.clips)
        let counts = counts(groupOf: groupOf, groupCount: groups.count)
        var members = [[Int]](repeating: [], count: groups.count)
        for (n, g) in groupOf.enumerated() { if let g { members[g].append(n) } }
        return groups.indices.map { g in
            GroupSweep(scope: groups[g], members: members[g], counts: counts[g], result: result(counts[g]))
        }
    }
}
