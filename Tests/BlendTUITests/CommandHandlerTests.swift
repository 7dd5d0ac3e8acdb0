import XCTest
@testable import BlendTUI

/// Every command the workbench registers has a handler: the app's own commands are the
/// `AppReducer`'s, every other one belongs to exactly one screen feature whose `run` handles
/// it (returns effects, possibly none, rather than nil for "not mine").
final class CommandHandlerTests: XCTestCase {
    private typealias F = WorkbenchFixture

    func testEveryRegisteredCommandHasAHandler() {
        let appIDs = Set(AppCommands.all(screens: WorkbenchCommands.screens).map(\.id))
        let program = F.program
        // One loaded state, copied per command (it is a value): building it is most of the cost.
        let loaded = F.loaded(width: 120, height: 40)
        var owners: [CommandID: Int] = [:]
        for feature in program.features {
            for command in feature.commands {
                owners[command.id, default: 0] += 1
            }
        }
        for command in program.reducer.registry.commands where !appIDs.contains(command.id) {
            XCTAssertEqual(owners[command.id], 1, "\(command.id) is registered by \(owners[command.id] ?? 0) features")
            guard let index = program.commandOwners[command.id] else { continue }
            var state = loaded
            if case .screen(let screen) = command.scope { state.app.screen = screen }
            XCTAssertNotNil(program.features[index].run(program, &state, command.id), "\(command.id) has no handler")
        }
    }

    func testAFeatureRefusesCommandsThatAreNotItsOwn() {
        let program = F.program
        let loaded = F.loaded(width: 120, height: 40)
        for (i, feature) in program.features.enumerated() {
            let others = program.features.enumerated().filter { $0.offset != i }.flatMap(\.element.commands)
            for command in others {
                var state = loaded
                XCTAssertNil(feature.run(program, &state, command.id), "feature \(i) claims \(command.id)")
            }
        }
    }

    func testTheRegistryListsTheCommandsInTheHelpsOrder() {
        // Features come after the app's commands, each in its own order: the help and key-hint
        // goldens depend on it.
        let ids = WorkbenchCommands.all.map(\.id)
        XCTAssertEqual(Array(ids.prefix(AppCommands.all(screens: WorkbenchCommands.screens).count)),
                       AppCommands.all(screens: WorkbenchCommands.screens).map(\.id))
        XCTAssertEqual(Set(ids).count, ids.count, "no id twice")
    }
}
