import BlendCore

/// The workbench's state: the shared app state, the loaded project, the shared results every
/// screen reads, and each screen feature's own slice (`ScreenSlices`, read as `state.clips`).
@dynamicMemberLookup
public struct WorkbenchState: Sendable {
    public var app: AppState
    /// The project file being opened or shown.
    public let path: String
    public var project: ProjectSnapshot?
    /// Why the project could not be read (shown instead of the screens).
    public var loadError: String?
    /// The thresholds the screens evaluate at (stored by "apply").
    public var thresholds = Thresholds(alpha: 0.1, beta: 0.2)
    /// The source's metrics at `thresholds`, recomputed on every step.
    public var metrics: Metrics?
    public var analysis: ThresholdAnalysis?
    /// Each encoder at its own best thresholds (nil until swept).
    public var encoderBests: [EncoderBest]?
    /// Every screen feature's own state.
    public var slices = ScreenSlices()

    public init(path: String, app: AppState) {
        self.path = path
        self.app = app
    }

    public subscript<T>(dynamicMember slice: WritableKeyPath<ScreenSlices, T>) -> T {
        get { slices[keyPath: slice] }
        set { slices[keyPath: slice] = newValue }
    }
}
