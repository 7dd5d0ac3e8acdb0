import ArgumentParser
import BlendCore
import BlendStore
import BlendEngine
import BlendMedia
import BlendTUI

import Foundation

// ArgumentParser's `main()`, except that messages are escaped for the terminal: errors quote
// clip names and paths from the user's files.
do {
    var command = try BlendscopeCommand.parseAsRoot()
    try command.run()
} catch {
    let code = BlendscopeCommand.exitCode(for: error)
    let text = BlendscopeCommand.fullMessage(for: error)
    if !text.isEmpty {
        if code == .success { Output.line(text) } else { Output.errorText(text) }
    }
    exit(code.rawValue)
}
