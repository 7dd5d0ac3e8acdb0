import Foundation
import XCTest
@testable import BlendTUI

final class EffectRunnerTests: XCTestCase {
    /// Collects delivered actions from any thread.
    final class Collector: @unchecked Sendable {
        private let lock = NSLock()
        private var items: [String] = []
        func add(_ s: String) { lock.lock(); items.append(s); lock.unlock() }
        var all: [String] { lock.lock(); defer { lock.unlock() }; return items }
    }

    /// What a task's last `send` answered (delivered or dropped), once the task has sent it.
    final class Outcome: @unchecked Sendable {
        private let done = DispatchSemaphore(value: 0)
        private(set) var delivered: Bool?
        func record(_ delivered: Bool) { self.delivered = delivered; done.signal() }
        func wait() -> Bool? { done.wait(timeout: .now() + 5) == .success ? delivered : nil }
    }

    private func waitUntil(_ condition: () -> Bool, timeout: TimeInterval = 5) {
        let deadline = Date().addingTimeInterval(timeout)
        while !condition() && Date() < deadline { Thread.sleep(forTimeInterval: 0.005) }
    }

    func testTaskDeliversItsAction() {
        let collector = Collector()
        let runner = EffectRunner<String> { collector.add($0) }
        runner.start(.task { "done" })
        waitUntil { collector.all == ["done"] }
        XCTAssertEqual(collector.all, ["done"])
    }

    func testANewerRequestSupersedesAnOlderOne() {
        let collector = Collector()
        let runner = EffectRunner<String> { collector.add($0) }
        // The first sweep ignores cancellation and finishes late; its result must be dropped.
        let release = DispatchSemaphore(value: 0)
        let old = Outcome()
        runner.start(.run(key: "sweep") { send in
            await withCheckedContinuation { continuation in
                DispatchQueue.global().async {
                    release.wait()
                    continuation.resume()
                }
            }
            old.record(send("old result"))
        })
        runner.start(.task(key: "sweep") { "new result" })
        waitUntil { collector.all.contains("new result") }
        release.signal()
        XCTAssertEqual(old.wait(), false, "the superseded task's send was refused")
        XCTAssertEqual(collector.all, ["new result"])
    }

    func testProgressThenCancel() {
        let collector = Collector()
        let last = Outcome()
        let runner = EffectRunner<String> { collector.add($0) }
        runner.start(.run(key: "job") { send in
            var step = 0
            while !Task.isCancelled {
                step += 1
                send("step \(step)")
                try? await Task.sleep(for: .milliseconds(5))
            }
            last.record(send("after cancel"))
        })
        waitUntil { collector.all.count >= 3 }
        runner.start(.cancel("job"))
        let count = collector.all.count
        XCTAssertEqual(last.wait(), false, "the cancelled task ran to its end and its send was refused")
        XCTAssertLessThanOrEqual(collector.all.count, count + 1, "at most one step was already on its way")
        XCTAssertFalse(collector.all.contains("after cancel"))
        waitUntil { runner.runningKeys.isEmpty }
        XCTAssertEqual(runner.runningKeys, [])
    }

    func testAfterAndStop() {
        let collector = Collector()
        let runner = EffectRunner<String> { collector.add($0) }
        runner.start(.after(.milliseconds(10), "soon"))
        runner.start(.after(.seconds(30), key: "later", "never"))
        waitUntil { collector.all == ["soon"] }
        runner.stop()
        runner.start(.task { "after stop" })
        // A stopped runner starts nothing: nothing is running that could still deliver.
        XCTAssertEqual(runner.runningKeys, [])
        XCTAssertEqual(collector.all, ["soon"])
    }

    func testMapKeepsKeysAndSupersession() {
        let collector = Collector()
        let runner = EffectRunner<String> { collector.add($0) }
        let inner: Effect<Int> = .task(key: "k") { 41 }
        runner.start(inner.map { "mapped \($0 + 1)" })
        waitUntil { !collector.all.isEmpty }
        XCTAssertEqual(collector.all, ["mapped 42"])
    }
}
