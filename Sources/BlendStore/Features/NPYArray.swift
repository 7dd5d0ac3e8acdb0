/// One array read from an `.npy` stream: its shape and its elements in row-major order.
public struct NPYArray: Equatable, Sendable {
    /// The elements, kept in the file's precision so a float64 matrix can be checked value by
    /// value before it is narrowed to the store's Float32.
    public enum Elements: Equatable, Sendable {
        case float32([Float])
        case float64([Double])
        case strings([String])
    }

    public let dataType: NPYDataType
    public let shape: [Int]
    public let elements: Elements

    public init(dataType: NPYDataType, shape: [Int], elements: Elements) {
        self.dataType = dataType
        self.shape = shape
        self.elements = elements
    }

    /// The shape as numpy prints it, e.g. `(3050, 1024)`.
    public var shapeDescription: String { formatShape(shape) }
}
