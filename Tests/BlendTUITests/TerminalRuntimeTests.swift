import Foundation
import XCTest
@testable import BlendTUI

/// A scripted terminal: hands out prepared input batches and keeps every frame drawn.
final class ScriptedBackend: TerminalBackend {
    var size: (width: Int, height: Int)
    var script: [[InputEvent]]
    var frames: [Canvas] = []
    /// Draws, suspends and resumes in order, with whatever else a test writes into it.
    let log = EventLog()
    private let wakes = WakeCounter()

    final class EventLog: @unchecked Sendable {
        private let lock = NSLock()
        private var items: [String] = []
        func add(_ item: String) { lock.lock(); items.append(item); lock.unlock() }
        var value: [String] { lock.lock(); defer { lock.unlock() }; return items }
    }

    final class WakeCounter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        func add() { lock.lock(); count += 1; lock.unlock() }
        var value: Int { lock.lock(); defer { lock.unlock() }; return count }
    }

    init(width: Int, height: Int, script: [[InputEvent]]) {
        size = (width, height)
        self.script = script
    }

    func draw(_ canvas: Canvas) {
        frames.append(canvas)
        log.add("draw")
    }

    func suspend() { log.add("suspend") }
    func resume() { log.add("resume") }

    func waitForInput(timeout: Duration?) -> [InputEvent] {
        guard !script.isEmpty else {
            // The script is over: wait for an effect to wake us, as a real terminal would.
            let seen = wakes.value
            let deadline = Date().addingTimeInterval(2)
            while wakes.value == seen && Date() < deadline { Thread.sleep(forTimeInterval: 0.002) }
            return []
        }
        let batch = script.removeFirst()
        for event in batch {
            if case .resize(let width, let height) = event { size = (width, height) }
        }
        return batch
    }

    var waker: @Sendable () -> Void {
        let counter = wakes
        return { counter.add() }
    }
}

/// A tiny program: counts keys, quits on q, and on `s` starts an effect that reports back.
struct CounterProgram: Program {
    struct State {
        var keys = 0
        var reported: [String] = []
        var quit = false
        /// Written into by the foreground effect of `f`, to check where it ran.
        var log: ScriptedBackend.EventLog?
    }

    enum Action: Sendable {
        case key(KeyChord)
        case reported(String)
    }

    var minimumSize: (width: Int, height: Int) { (20, 5) }

    func update(_ state: inout State, _ action: Action) -> [Effect<Action>] {
        switch action {
        case .key(.char("q")):
            state.quit = true
        case .key(.char("s")):
            return [.task(key: "work") { .reported("done") }]
        case .key(.char("f")):
            let log = state.log
            return [.foreground {
                log?.add("player")
                return .reported("back")
            }]
        case .key:
            state.keys += 1
        case .reported(let text):
            state.reported.append(text)
            state.quit = true
        }
        return []
    }

    func view(_ state: State, into canvas: inout Canvas) {
        canvas.draw("keys \(state.keys)", x: 0, y: 0)
    }

    func actions(for event: InputEvent, region: String?, state: State) -> [Action] {
        if case .key(let chord) = event { return [.key(chord)] }
        return []
    }

    func shouldQuit(_ state: State) -> Bool { state.quit }
}

final class TerminalRuntimeTests: XCTestCase {
    func testLoopDrawsHandlesInputAndQuits() {
        let backend = ScriptedBackend(width: 30, height: 6, script: [[.key(.char("a")), .key(.char("b"))], [.key(.char("q"))]])
        let runtime = TerminalRuntime(program: CounterProgram(), state: .init(), backend: backend)
        runtime.run()
        XCTAssertEqual(runtime.state.keys, 2)
        XCTAssertTrue(runtime.state.quit)
        XCTAssertEqual(backend.frames.map { $0.text().components(separatedBy: "\n")[0] }, ["keys 0", "keys 2"])
    }

    func testTooSmallMessageAndTheLayoutReturns() {
        let backend = ScriptedBackend(width: 30, height: 6, script: [
            [.resize(width: 12, height: 4)], [.resize(width: 30, height: 6)], [.key(.char("q"))],
        ])
        let runtime = TerminalRuntime(program: CounterProgram(), state: .init(), backend: backend)
        runtime.run()
        XCTAssertEqual(backend.frames.count, 3)
        XCTAssertEqual(backend.frames[1].text(), """
            terminal too
               small
            (have 12×4,
             need 20×5)
            """)
        XCTAssertEqual(backend.frames[2].text().components(separatedBy: "\n")[0], "keys 0")
    }

    func testEffectResultsComeBackAsActions() {
        let backend = ScriptedBackend(width: 30, height: 6, script: [[.key(.char("s"))]])
        let runtime = TerminalRuntime(program: CounterProgram(), state: .init(), backend: backend)
        runtime.run()
        XCTAssertEqual(runtime.state.reported, ["done"])
    }

    func testAForegroundEffectRunsWithTheTerminalHandedOverAndReportsBack() {
        let backend = ScriptedBackend(width: 30, height: 6, script: [[.key(.char("a"))], [.key(.char("f"))]])
        var state = CounterProgram.State()
        state.log = backend.log
        let runtime = TerminalRuntime(program: CounterProgram(), state: state, backend: backend)
        runtime.run()
        XCTAssertEqual(runtime.state.reported, ["back"], "its result comes back as an action")
        XCTAssertEqual(backend.log.value, ["draw", "draw", "suspend", "player", "resume"])
    }

    func testTooSmallMessageOnOneLineWhenItFits() {
        let canvas = CounterProgram().frame(.init(), width: 70, height: 3)
        XCTAssertEqual(canvas.text(), "\n" + String(repeating: " ", count: 14) + "terminal too small (have 70×3, need 20×5)\n")
    }
}
