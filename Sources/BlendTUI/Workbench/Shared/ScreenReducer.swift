import BlendCore

/// The few shared values a screen's reducer reads besides its own slice (it never writes
/// them): which screen shows, the project and its path, and the workbench's α/β.
struct ScreenContext {
    let screen: Screen
    let path: String
    let project: ProjectSnapshot?
    let thresholds: Thresholds

    init(_ state: WorkbenchState) {
        screen = state.app.screen
        path = state.path
        project = state.project
        thresholds = state.thresholds
    }
}

/// What a screen's reducer returns besides the changes to its own slice: the effects to run,
/// and the actions it asks of the rest of the workbench (a toast, another screen's request),
/// which `WorkbenchProgram.scoped` runs at once, in order.
struct ScreenUpdate {
    var effects: [Effect<WorkbenchAction>] = []
    var then: [WorkbenchAction] = []

    static let none = ScreenUpdate()

    init(effects: [Effect<WorkbenchAction>] = [], then: [WorkbenchAction] = []) {
        self.effects = effects
        self.then = then
    }

    /// Asks the app for a toast.
    static func toast(_ message: String, _ kind: ToastKind) -> ScreenUpdate {
        ScreenUpdate(then: [.app(.showToast(message, kind))])
    }
}

extension WorkbenchProgram {
    /// The one scoping step: a screen reducer ran over its slice; what it asked of the rest
    /// of the workbench runs now, through `update`.
    func scoped(_ state: inout WorkbenchState, _ result: ScreenUpdate) -> [Effect<WorkbenchAction>] {
        result.effects + result.then.flatMap { update(&state, $0) }
    }
}
