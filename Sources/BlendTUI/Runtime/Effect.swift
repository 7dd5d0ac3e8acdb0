/// Hands actions from a running effect back to the UI loop. Once a newer effect with the same
/// key has started (or the effect was cancelled), sending does nothing: a superseded
/// computation can never overwrite a newer result.
public struct Send<Action: Sendable>: Sendable {
    let deliver: @Sendable (Action) -> Bool

    /// Reports `action`; returns false (and drops it) when this effect has been superseded.
    @discardableResult
    public func callAsFunction(_ action: Action) -> Bool { deliver(action) }
}

/// Work the reducer asks for: it runs off the UI thread as a Swift task and reports back
/// through actions. Effects with a key supersede each other: starting one cancels the
/// previous one of the same key, whose later actions are then dropped.
public struct Effect<Action: Sendable>: Sendable {
    enum Operation: Sendable {
        case run(key: String?, body: @Sendable (Send<Action>) async -> Void)
        case cancel(key: String)
        /// Runs on the UI thread with the terminal handed to it (see `foreground`).
        case foreground(body: @Sendable () -> Action?)
    }

    let operation: Operation

    /// Runs `body`, which may send any number of actions (progress, then a result).
    public static func run(key: String? = nil, _ body: @escaping @Sendable (Send<Action>) async -> Void) -> Effect {
        Effect(operation: .run(key: key, body: body))
    }

    /// Runs `body` and sends the action it returns, if any.
    public static func task(key: String? = nil, _ body: @escaping @Sendable () async -> Action?) -> Effect {
        .run(key: key) { send in
            if let action = await body() { send(action) }
        }
    }

    /// Sends `action` after `delay` (e.g. to dismiss a toast), unless cancelled first.
    public static func after(_ delay: Duration, key: String? = nil, _ action: Action) -> Effect {
        .run(key: key) { send in
            do {
                try await Task.sleep(for: delay)
            } catch {
                return
            }
            send(action)
        }
    }

    /// Runs `body` with the terminal handed over: the workbench's screen is put away, `body`
    /// runs another program on the terminal and waits for it, the screen comes back whole and
    /// the action `body` returns, if any, is sent. The loop waits meanwhile, so keep it to
    /// programs the user is looking at (a terminal video player).
    public static func foreground(_ body: @escaping @Sendable () -> Action?) -> Effect {
        Effect(operation: .foreground(body: body))
    }

    /// Cancels the running effect with `key`, if any; its later actions are dropped.
    public static func cancel(_ key: String) -> Effect { Effect(operation: .cancel(key: key)) }

    /// The same work reporting a different action type (to embed a part's effects in the app's).
    public func map<Other: Sendable>(_ transform: @escaping @Sendable (Action) -> Other) -> Effect<Other> {
        switch operation {
        case .cancel(let key):
            return .cancel(key)
        case .foreground(let body):
            return .foreground { body().map(transform) }
        case .run(let key, let body):
            return .run(key: key) { send in
                await body(Send { action in send(transform(action)) })
            }
        }
    }
}
