/// A fixed-size Float buffer owned by one layer or optimiser, allocated once and zeroed.
///
/// Layers keep their activations and gradients in these so that the training loop never
/// allocates: every batch writes into the same memory.
final class FloatBuffer {
    let pointer: UnsafeMutablePointer<Float>
    let count: Int

    init(count: Int) {
        self.count = count
        pointer = .allocate(capacity: max(count, 1))
        pointer.initialize(repeating: 0, count: max(count, 1))
    }

    deinit { pointer.deallocate() }

    var buffer: UnsafeMutableBufferPointer<Float> { UnsafeMutableBufferPointer(start: pointer, count: count) }

    func copy(from values: [Float]) {
        precondition(values.count == count, "expected \(count) values, got \(values.count)")
        values.withUnsafeBufferPointer { pointer.update(from: $0.baseAddress!, count: count) }
    }

    var array: [Float] { Array(buffer) }
}

/// A contiguous region inside the network's parameter (or gradient) block.
struct ParameterSlice {
    let pointer: UnsafeMutablePointer<Float>
    let count: Int
}
