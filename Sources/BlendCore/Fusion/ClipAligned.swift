/// The clip count of per-source arrays over one clip order: a presence mask of N clips and
/// N×6 values per source. A mismatch is the caller's bug, so it stops the program.
func clipAlignedCount(values: [[Double]], present: [[Bool]], per source: String) -> Int {
    precondition(values.count == present.count, "one presence mask per \(source)")
    let n = present.first?.count ?? 0
    precondition(present.allSatisfy { $0.count == n }, "every \(source) must share one clip order")
    precondition(values.allSatisfy { $0.count == n * Emotion.count }, "N×6 values per \(source) expected")
    return n
}
