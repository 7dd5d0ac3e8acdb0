import BlendCore

extension ProjectStore {
    /// The encoders a fusion may use by default: every encoder with probabilities that is
    /// not itself a fusion's output, in creation order.
    public func fusableEncoders() throws -> [String] {
        try encoders().filter { $0.probabilityCount > 0 && $0.source != .fused }.map(\.name)
    }

    /// The named encoders' probabilities (or the fusable ones when `names` is nil) over every
    /// clip of the project, ready for fusion.
    ///
    /// - Throws: `StoreError.unknownEncoder` for a name the project lacks,
    ///   `StoreError.invalid` for no encoders, a name given twice or an encoder without
    ///   probabilities.
    public func fusionInputs(encoders names: [String]? = nil) throws -> FusionInputs {
        let names = try names ?? fusableEncoders()
        guard !names.isEmpty else { throw StoreError.invalid("no encoders with probabilities to fuse") }
        guard Set(names).count == names.count else { throw StoreError.invalid("an encoder is named twice") }
        let table = try allProbabilities()
        var indices: [Int] = []
        for name in names {
            guard let e = table.index(of: name) else { throw StoreError.unknownEncoder(name) }
            guard table.present[e].contains(true) else { throw StoreError.invalid("encoder '\(name)' has no probabilities") }
            indices.append(e)
        }
        return FusionInputs(clips: table.clips, encoders: names, probabilities: indices.map { table.values[$0] },
                            present: indices.map { table.present[$0] })
    }
}
