import Foundation
import XCTest
@testable import BlendTUI

/// Golden snapshots of every workbench screen at 80×24 and 160×48: the text a user sees
/// (no colour) and the styles (colour). Set BLENDSCOPE_UPDATE_GOLDEN=1 to rewrite them after
/// a deliberate change, then review the diff.
final class WorkbenchSnapshotTests: XCTestCase {
    private typealias F = WorkbenchFixture

    func testEveryScreenAtBothSizesWithAndWithoutColour() throws {
        for (width, height) in [(80, 24), (160, 48)] {
            var state = F.loaded(width: width, height: height)
            for screen in WorkbenchCommands.screens {
                // Through the key, as a user gets there (the Clips screen scores its actors on arrival).
                F.send(&state, F.key("\(screen.rawValue)"))
                if screen == .clips { F.showClipNotes(&state) }
                XCTAssertEqual(state.app.screen, screen)
                let canvas = F.program.frame(state, width: width, height: height)
                try F.assertGolden(canvas, "\(screen.slug)-\(width)x\(height)")
            }
        }
    }

    func testTooSmallMessageAndTheLayoutReturns() {
        let state = F.loaded(width: 40, height: 12)
        XCTAssertTrue(F.program.frame(state, width: 40, height: 12).text().contains("(have 40×12, need 60×16)"))
        XCTAssertTrue(F.program.frame(state, width: 80, height: 24).text().contains("Project"))
    }
}
