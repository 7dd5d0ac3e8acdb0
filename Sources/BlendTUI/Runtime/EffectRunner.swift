import Foundation

/// Runs effects as Swift tasks and delivers their actions through `deliver` (which must be
/// safe to call from any thread). Keeps one generation number per key: each new effect
/// with a key bumps it and cancels the older task, and only the current generation may deliver.
public final class EffectRunner<Action: Sendable>: @unchecked Sendable {
    // Guarded by `lock`; the runner is shared between the UI thread and effect tasks.
    private let lock = NSLock()
    private var generations: [String: UInt64] = [:]
    private var tasks: [String: Task<Void, Never>] = [:]
    private var unkeyed: [UInt64: Task<Void, Never>] = [:]
    private var nextUnkeyed: UInt64 = 0
    private var stopped = false
    private let deliver: @Sendable (Action) -> Void

    public init(deliver: @escaping @Sendable (Action) -> Void) {
        self.deliver = deliver
    }

    /// Starts (or cancels) according to `effect`.
    public func start(_ effect: Effect<Action>) {
        switch effect.operation {
        case .cancel(let key):
            lock.lock()
            generations[key, default: 0] += 1
            let old = tasks.removeValue(forKey: key)
            lock.unlock()
            old?.cancel()
        case .run(let key?, let body):
            lock.lock()
            guard !stopped else { return lock.unlock() }
            generations[key, default: 0] += 1
            let generation = generations[key]!
            let old = tasks[key]
            let send = Send<Action> { [weak self] action in self?.deliver(action, key: key, generation: generation) ?? false }
            let task = Task.detached { await body(send) }
            tasks[key] = task
            lock.unlock()
            old?.cancel()
            Task.detached { [weak self] in
                await task.value
                self?.finished(key: key, generation: generation)
            }
        case .foreground(let body):
            // Without a terminal to hand over (the runtime runs these itself), it is plain work.
            start(.task { body() })
        case .run(nil, let body):
            lock.lock()
            guard !stopped else { return lock.unlock() }
            let id = nextUnkeyed
            nextUnkeyed += 1
            let send = Send<Action> { [weak self] action in self?.deliverUnkeyed(action) ?? false }
            let task = Task.detached { await body(send) }
            unkeyed[id] = task
            lock.unlock()
            Task.detached { [weak self] in
                await task.value
                self?.finishedUnkeyed(id)
            }
        }
    }

    /// Keys of effects still running, for tests and the status bar.
    public var runningKeys: Set<String> {
        lock.lock()
        defer { lock.unlock() }
        return Set(tasks.keys)
    }

    /// Cancels everything and delivers nothing more (on quit).
    public func stop() {
        lock.lock()
        stopped = true
        let all = Array(tasks.values) + Array(unkeyed.values)
        tasks = [:]
        unkeyed = [:]
        lock.unlock()
        all.forEach { $0.cancel() }
    }

    private func deliver(_ action: Action, key: String, generation: UInt64) -> Bool {
        lock.lock()
        let current = !stopped && generations[key] == generation
        lock.unlock()
        // Delivered outside the lock: `deliver` may wake the UI thread.
        if current { deliver(action) }
        return current
    }

    private func deliverUnkeyed(_ action: Action) -> Bool {
        lock.lock()
        let open = !stopped
        lock.unlock()
        if open { deliver(action) }
        return open
    }

    private func finished(key: String, generation: UInt64) {
        lock.lock()
        if generations[key] == generation { tasks[key] = nil }
        lock.unlock()
    }

    private func finishedUnkeyed(_ id: UInt64) {
        lock.lock()
        unkeyed[id] = nil
        lock.unlock()
    }
}
