import Foundation
@testable import BlendTUI

extension WorkbenchFixture {
    /// The fixture's project loaded and the Clips screen on show (key `2`).
    static func loadedOnClips(width: Int = 80, height: Int = 24) -> WorkbenchState {
        var state = loaded(width: width, height: height)
        send(&state, key("2"))
        return state
    }
}
