import BlendCore
@testable import BlendStore
import Foundation
import XCTest
@testable import BlendTUI

extension WorkbenchFixture {
    /// Sends `actions`, runs every effect they ask for to the end and feeds the actions the
    /// effects send back in (and so on) until nothing is left, as the runtime would with
    /// nothing superseded. Toast dismissals are not waited for.
    static func settle(_ state: inout WorkbenchState, _ actions: WorkbenchAction...) async {
        var queue = actions
        while !queue.isEmpty {
            for effect in program.update(&state, queue.removeFirst()) { queue += await run(effect) }
        }
    }

    /// The actions `effect` sends (none for a cancel or a toast's dismissal).
    static func run(_ effect: Effect<WorkbenchAction>) async -> [WorkbenchAction] {
        guard case .run(let key, let body) = effect.operation, key?.hasPrefix("toast:") != true else { return [] }
        return await collect(body)
    }

    /// Runs those of `effects` whose key is `wanted` (every one when nil), in order, and
    /// returns the actions they sent.
    static func perform(_ effects: [Effect<WorkbenchAction>], key wanted: String? = nil) async -> [WorkbenchAction] {
        var sent: [WorkbenchAction] = []
        for effect in effects {
            guard case .run(let key, let body) = effect.operation, wanted == nil || key == wanted else { continue }
            sent += await collect(body)
        }
        return sent
    }

    private static func collect(_ body: @Sendable (Send<WorkbenchAction>) async -> Void) async -> [WorkbenchAction] {
        let sent = SentActions()
        await body(Send { action in
            sent.append(action)
            return true
        })
        return sent.actions
    }

    /// The keys of the effects `actions` ask for (the effects are not run).
    static func effectKeys(_ state: inout WorkbenchState, _ action: WorkbenchAction) -> [String?] {
        program.update(&state, action).map { effect in
            switch effect.operation {
            case .run(let key, _): key
            case .cancel(let key): "cancel:\(key)"
            case .foreground: "foreground"
            }
        }
    }

    /// Types `text` through the same path as keys from the terminal.
    static func type(_ state: inout WorkbenchState, _ text: String) {
        for character in text {
            for action in program.actions(for: .key(KeyChord(parsing: String(character))!), region: nil, state: state) {
                send(&state, action)
            }
        }
    }

    /// A key through the input path (so open editors get it), effects not run.
    static func press(_ state: inout WorkbenchState, _ key: String) {
        for action in program.actions(for: .key(KeyChord(parsing: key)!), region: nil, state: state) { send(&state, action) }
    }

    /// A left click at (`x`, `y`) as the runtime reads it: the region under it in a frame of
    /// the given size, drawn from `state` first. Effects not run.
    static func click(_ state: inout WorkbenchState, x: Int, y: Int, width: Int = 160, height: Int = 48) {
        let frame = program.frame(state, width: width, height: height)
        let press = InputEvent.mouse(MouseEvent(x: x, y: y, action: .press(.left)))
        for action in program.actions(for: press, region: frame.region(atX: x, y: y), state: state) { send(&state, action) }
    }

    /// A key through the input path, its effects run to the end.
    static func pressSettling(_ state: inout WorkbenchState, _ key: String) async {
        for action in program.actions(for: .key(KeyChord(parsing: key)!), region: nil, state: state) {
            await settle(&state, action)
        }
    }

    /// The clip pane's text in a frame of the given size.
    static func clipPaneText(_ state: WorkbenchState, width: Int = 160, height: Int = 48) -> String {
        let pane = ClipsLayout(state.app).clip
        let lines = program.frame(state, width: width, height: height).text().split(separator: "\n", omittingEmptySubsequences: false)
        return lines[pane.y..<pane.maxY].map { line in
            String(line.dropFirst(pane.x).prefix(pane.width))
        }.joined(separator: "\n")
    }

    /// The Clips table's filter line as shown.
    static func filterLine(_ state: WorkbenchState, width: Int, height: Int) -> String {
        let line = ClipsLayout(state.app).filterLine
        let lines = program.frame(state, width: width, height: height).text().split(separator: "\n", omittingEmptySubsequences: false)
        return String(lines[line.y].dropFirst(line.x).prefix(line.width))
    }

    /// A project on disk (removed when the test ends) with twelve clips of the public set and
    /// the face encoder's probabilities for them: enough for the store's notes and tags.
    static func storeProject(_ test: XCTestCase) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("clipnotes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        test.addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
        let publicSet = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/public_set")
        func head(_ name: String, _ rows: Int) throws -> [Substring] {
            Array(try String(contentsOf: publicSet.appendingPathComponent(name), encoding: .utf8)
                .split(whereSeparator: \.isNewline).prefix(rows + 1))
        }
        let train = try head("train_metadata.csv", 30).enumerated().filter { $0.offset == 0 || $0.offset % 3 == 1 }.map(\.element)
        let test = try head("test_metadata.csv", 2)
        let names = Set((train.dropFirst() + test.dropFirst()).map { $0.prefix { $0 != "," } })
        let probs = try String(contentsOf: publicSet.appendingPathComponent("probs_face.csv"), encoding: .utf8)
            .split(whereSeparator: \.isNewline)
        let kept = [probs[0]] + probs.dropFirst().filter { names.contains($0.prefix { $0 != "," }) }
        func write(_ name: String, _ lines: [Substring]) throws -> URL {
            let url = directory.appendingPathComponent(name)
            try Data(lines.joined(separator: "\n").utf8).write(to: url)
            return url
        }
        let path = directory.appendingPathComponent("project.sqlite")
        let store = try ProjectStore(at: path)
        try store.importMetadata(from: [write("train.csv", train), write("test.csv", test)])
        try store.importProbabilities(from: write("face.csv", kept), encoder: "face")
        return path.path
    }
}

/// Actions an effect sent, collected from whichever thread it ran on.
private final class SentActions: @unchecked Sendable {
    // Guarded by `lock`.
    private let lock = NSLock()
    private var collected: [WorkbenchAction] = []

    func append(_ action: WorkbenchAction) {
        lock.lock()
        collected.append(action)
        lock.unlock()
    }

    var actions: [WorkbenchAction] {
        lock.lock()
        defer { lock.unlock() }
        return collected
    }
}

extension WorkbenchFixture {
    /// Delivers made-up notes and tags for the selected clip, as the store read would (for the
    /// goldens: two notes, two tags, the project's tags).
    static func showClipNotes(_ state: inout WorkbenchState) {
        guard let selected = state.clips.selected else { return }
        let clip = scored.clips[selected].name
        let day = Date(timeIntervalSince1970: 1_795_000_000)
        let notes = [ClipNote(id: 1, clip: clip, text: "brows read as fear late in the clip", created: day),
                     ClipNote(id: 2, clip: clip, text: "label looks right; the model hedges between disgust and fear",
                              created: day.addingTimeInterval(86_400))]
        send(&state, .clips(.tagMapLoaded([clip: ["occluded", "suspect-label"], scored.clips[9].name: ["smile"]])),
             .clips(.notesLoaded(clip: clip, notes: notes, tags: ["occluded", "suspect-label"])))
    }
}
