import Foundation

/// What the runtime needs from a terminal: the ncurses backend in the app, a scripted one in
/// tests. All calls come from the one thread that runs the loop.
public protocol TerminalBackend: AnyObject {
    /// Columns and rows now.
    var size: (width: Int, height: Int) { get }
    /// Shows `canvas` (the backend writes only what changed since the last frame).
    func draw(_ canvas: Canvas)
    /// Blocks until input arrives, `wake()` is called, or `timeout` passes; returns the input
    /// events that arrived (possibly none).
    func waitForInput(timeout: Duration?) -> [InputEvent]
    /// A thread-safe way to end a `waitForInput` early.
    var waker: @Sendable () -> Void { get }
    /// Hands the terminal to another program (its normal mode, the main screen) until `resume`.
    func suspend()
    /// Takes the terminal back after `suspend`; the next `draw` writes every cell.
    func resume()
}

extension TerminalBackend {
    /// A terminal nobody else can use (tests, benchmarks) has nothing to hand over.
    public func suspend() {}
    public func resume() {}
}

/// Actions delivered from effect tasks, waiting for the UI thread.
final class ActionInbox<Action: Sendable>: @unchecked Sendable {
    // Guarded by `lock`.
    private let lock = NSLock()
    private var pending: [Action] = []
    private let wake: @Sendable () -> Void

    init(wake: @escaping @Sendable () -> Void) { self.wake = wake }

    func post(_ action: Action) {
        lock.lock()
        pending.append(action)
        lock.unlock()
        wake()
    }

    func drain() -> [Action] {
        lock.lock()
        defer { lock.unlock() }
        let all = pending
        pending = []
        return all
    }
}

/// The loop: draw, wait for input or effect results (blocking, so an idle program uses no
/// CPU), update, repeat until the program says to quit. Effects are cancelled on the way out.
public final class TerminalRuntime<P: Program> {
    public let program: P
    public private(set) var state: P.State
    private let backend: TerminalBackend
    private let inbox: ActionInbox<P.Action>
    private let runner: EffectRunner<P.Action>
    private var lastFrame: Canvas?
    /// Frames drawn so far (for tests and benchmarks).
    public private(set) var framesDrawn = 0
    /// The pictures a frame places (`Canvas.images`) when the terminal draws pixels; nil draws
    /// cells only.
    public let graphics: GraphicsLayer?
    private var lastSize: (width: Int, height: Int)?

    public init(program: P, state: P.State, backend: TerminalBackend, graphics: GraphicsLayer? = nil) {
        self.program = program
        self.state = state
        self.backend = backend
        self.graphics = graphics
        let inbox = ActionInbox<P.Action>(wake: backend.waker)
        self.inbox = inbox
        runner = EffectRunner { action in inbox.post(action) }
    }

    /// Feeds `action` through `update` and starts its effects. A foreground effect runs here,
    /// on the UI thread, with the terminal handed over to it.
    public func dispatch(_ action: P.Action) {
        for effect in program.update(&state, action) {
            if case .foreground(let body) = effect.operation {
                runInForeground(body)
            } else {
                runner.start(effect)
            }
        }
    }

    /// Clears the pictures, gives the terminal to `body` (a player, say) and takes it back; the
    /// backend's resume and the graphics' invalidation make the next frame whole, since the
    /// other program has drawn over everything.
    private func runInForeground(_ body: @Sendable () -> P.Action?) {
        graphics?.clear()
        backend.suspend()
        let result = body()
        backend.resume()
        graphics?.invalidate()
        if let result { dispatch(result) }
    }

    /// Runs until the program quits. `initial` actions are dispatched first (e.g. a resize
    /// with the real size, or a load request).
    public func run(initial: [P.Action] = []) {
        initial.forEach(dispatch)
        defer {
            runner.stop()
            // No picture outlives the workbench on the terminal.
            graphics?.clear()
        }
        while !program.shouldQuit(state) {
            render()
            let events = backend.waitForInput(timeout: nil)
            for event in events {
                let region: String? = if case .mouse(let mouse) = event {
                    lastFrame?.region(atX: mouse.x, y: mouse.y)
                } else {
                    nil
                }
                program.actions(for: event, region: region, state: state).forEach(dispatch)
                if program.shouldQuit(state) { return }
            }
            inbox.drain().forEach(dispatch)
        }
    }

    /// Draws the current state at the backend's size.
    public func render() {
        let size = backend.size
        let frame = program.frame(state, width: size.width, height: size.height)
        if let last = lastSize, last != size { graphics?.invalidate() }
        lastSize = size
        backend.draw(frame)
        graphics?.show(frame.images)
        lastFrame = frame
        framesDrawn += 1
    }
}
