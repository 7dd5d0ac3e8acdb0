import Foundation
import XCTest
@testable import BlendTUI

/// Golden snapshots of every workbench screen at 80×24 and 160×48: the text a user sees
/// (no colour) and the styles (colour). BLENDSCOPE_UPDATE_GOLDEN=1 rewrites them after a
/// deliberate change and fails the run: review the diff, then run again.
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

    /// Under NO_COLOR only attributes reach the terminal: every screen's golden of them, and
    /// on the screens with a selection (the clip, the actor, the cell) it is still visible, as
    /// reverse video, and so is the status bar.
    func testEveryScreenWithoutColourKeepsItsSelectionVisible() throws {
        let mono = ColorMapper(theme: try ThemeLoader.defaultTheme(), mode: .monochrome)
        for (width, height) in [(80, 24), (160, 48)] {
            var state = F.loaded(width: width, height: height)
            for screen in WorkbenchCommands.screens {
                F.send(&state, F.key("\(screen.rawValue)"))
                let canvas = F.program.frame(state, width: width, height: height)
                var reversedInBody = false, reversedInStatus = false
                for y in 0..<height {
                    for x in 0..<width where mono.attributes(for: canvas[x, y].style).contains(.reverse) {
                        if y == height - 2 { reversedInStatus = true } else if y > 0 && y < height - 2 { reversedInBody = true }
                    }
                }
                let runs = canvas.styleRuns(legend: "attributes") { style in
                    let attributes = mono.attributes(for: style)
                    return attributes.isEmpty ? nil : Self.names(attributes)
                }
                XCTAssertTrue(reversedInStatus, "\(screen.title) \(width)×\(height): the status bar stands out without colour")
                switch screen {
                case .clips, .thresholds, .confusion:
                    XCTAssertTrue(reversedInBody, "\(screen.title) \(width)×\(height): the selection shows without colour")
                case .fusion:
                    // The selected encoder is marked by a glyph, colour or not.
                    XCTAssertTrue(canvas.text().contains("▸ synthetic"), "\(screen.title): the selected encoder is marked")
                case .overview, .jobs, .compare:
                    // Nothing selected (the fixture has no jobs; JobsScreenTests cover the list).
                    break
                }
                try F.assertGolden(runs, "\(screen.slug)-\(width)x\(height).mono")
            }
        }
    }

    private static func names(_ attributes: TextAttributes) -> String {
        [(TextAttributes.bold, "bold"), (.dim, "dim"), (.italic, "italic"), (.underline, "underline"), (.reverse, "reverse")]
            .filter { attributes.contains($0.0) }.map(\.1).joined(separator: "+")
    }

    /// At 80×24 every screen's key-hint line (the last row) still says how to quit and how
    /// to get help, whatever else it has to drop.
    func testEveryScreensKeyHintsKeepQuitAndHelpAt80Columns() {
        var state = F.loaded(width: 80, height: 24)
        for screen in WorkbenchCommands.screens {
            F.send(&state, F.key("\(screen.rawValue)"))
            let lines = F.program.frame(state, width: 80, height: 24).text().split(separator: "\n", omittingEmptySubsequences: false)
            let hints = lines.last(where: { !$0.allSatisfy(\.isWhitespace) }).map(String.init) ?? ""
            XCTAssertTrue(hints.contains("q quit"), "\(screen.title): \(hints)")
            XCTAssertTrue(hints.contains("? help"), "\(screen.title): \(hints)")
        }
    }

    func testTooSmallMessageAndTheLayoutReturns() {
        let state = F.loaded(width: 40, height: 12)
        XCTAssertTrue(F.program.frame(state, width: 40, height: 12).text().contains("(have 40×12, need 60×16)"))
        XCTAssertTrue(F.program.frame(state, width: 80, height: 24).text().contains("Project"))
    }
}
