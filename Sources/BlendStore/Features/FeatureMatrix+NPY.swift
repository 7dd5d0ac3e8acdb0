extension FeatureMatrix {
    /// Builds a matrix from a 2-D float array and its row names, refusing what the store must
    /// never hold: a shape that is not clips × features, a row count that differs from the
    /// names, NaN or infinite values, float64 values beyond Float32's range.
    ///
    /// - Parameters:
    ///   - file: the matrix file, named in errors.
    ///   - arrayName: how errors call the array (`X` in an `.npz`, `the array` for an `.npy`).
    ///   - namesSource: where the names came from, for the row-count error (`filenames`, `names.txt`).
    /// - Throws: `InputError`; for a bad value its line is the 1-based row and the message names
    ///   the row, the clip and the 0-based numpy index.
    init(validating array: NPYArray, names: [String], file: String, arrayName: String, namesSource: String)
        throws(InputError)
    {
        guard array.shape.count == 2 else {
            throw InputError(
                file: file,
                "\(arrayName) has shape \(array.shapeDescription); expected a 2-D array of clips × features "
                    + "(X.reshape(-1, 1) for a single feature)")
        }
        let (rows, columns) = (array.shape[0], array.shape[1])
        guard rows > 0, columns > 0 else {
            throw InputError(file: file, "\(arrayName) has shape \(array.shapeDescription); it holds no features")
        }
        guard rows == names.count else {
            throw InputError(
                file: file, "\(arrayName) has \(rows) rows but \(namesSource) has \(names.count) names; they must match row for row")
        }
        let location = { (index: Int) in
            (row: index / columns + 1, text: "row \(index / columns + 1) (clip \(names[index / columns])): "
                + "\(arrayName)[\(index / columns), \(index % columns)]")
        }
        switch array.elements {
        case let .float32(values):
            try Self.checkFinite(values, location: location, file: file)
            self.init(names: names, columns: columns, values: values)
        case let .float64(values):
            try Self.checkFinite(values, location: location, file: file)
            self.init(names: names, columns: columns, values: try Self.narrow(values, location: location, file: file))
        case .strings:
            throw InputError(
                file: file, "\(arrayName) holds strings (\(array.dataType.descr)); expected float32 or float64 features")
        }
    }

    private static func checkFinite<T: BinaryFloatingPoint>(
        _ values: [T], location: (Int) -> (row: Int, text: String), file: String
    ) throws(InputError) {
        // One tight pass; only a failing file pays for the count in the message.
        guard let first = values.firstIndex(where: { !$0.isFinite }) else { return }
        let (row, text) = location(first)
        let what = values[first].isNaN ? "NaN" : (values[first] > 0 ? "+inf" : "-inf")
        let others = values[(first + 1)...].lazy.filter { !$0.isFinite }.count
        let tally = others == 0 ? "" : " (and \(others) more non-finite value\(others == 1 ? "" : "s"))"
        throw InputError(file: file, line: row, "\(text) is \(what); features must be finite\(tally)")
    }

    private static func narrow(
        _ values: [Double], location: (Int) -> (row: Int, text: String), file: String
    ) throws(InputError) -> [Float] {
        var overflow: Int?
        let narrowed = [Float](unsafeUninitializedCapacity: values.count) { buffer, initialized in
            values.withUnsafeBufferPointer { source in
                for index in 0..<source.count {
                    buffer[index] = Float(source[index])
                    if overflow == nil && buffer[index].isInfinite { overflow = index }
                }
            }
            initialized = values.count
        }
        if let overflow {
            let (row, text) = location(overflow)
            throw InputError(
                file: file, line: row,
                "\(text) = \(values[overflow]) is beyond float32's range (±\(Float.greatestFiniteMagnitude)); scale the features")
        }
        return narrowed
    }
}
