/// An Elm-shaped terminal program: a state value, actions that change it through `update`
/// (which may ask for effects), and a `view` that draws the state into a canvas. The runtime
/// owns the loop; everything here runs in tests without a terminal.
public protocol Program {
    associatedtype State
    associatedtype Action: Sendable

    /// The smallest terminal the view supports; below it the runtime shows a clear message.
    var minimumSize: (width: Int, height: Int) { get }

    /// Applies `action` to `state` and returns the effects to start.
    func update(_ state: inout State, _ action: Action) -> [Effect<Action>]

    /// Draws `state` into `canvas`, which has the terminal's size.
    func view(_ state: State, into canvas: inout Canvas)

    /// Turns terminal input into actions. `region` is the id of the clickable region under
    /// a mouse event in the last frame drawn, if any.
    func actions(for event: InputEvent, region: String?, state: State) -> [Action]

    /// Whether the loop should end after the current action.
    func shouldQuit(_ state: State) -> Bool
}

extension Program {
    /// The message shown when the terminal is smaller than `minimumSize`.
    public func tooSmallMessage(width: Int, height: Int) -> String {
        "terminal too small (have \(width)×\(height), need \(minimumSize.width)×\(minimumSize.height))"
    }

    /// The frame for a terminal of `width`×`height`: the view, or the too-small message.
    public func frame(_ state: State, width: Int, height: Int) -> Canvas {
        var canvas = Canvas(width: width, height: height)
        if width < minimumSize.width || height < minimumSize.height {
            let message = tooSmallMessage(width: width, height: height)
            // Split before the sizes first, then by words, so narrow terminals still read it.
            var lines: [String] = []
            for part in [String(message.prefix(while: { $0 != "(" })).trimmingCharacters(in: " "),
                         String(message.drop(while: { $0 != "(" }))] {
                if DisplayWidth.of(message) <= width {
                    lines = [message]
                    break
                }
                var line = ""
                for word in part.split(separator: " ") {
                    if !line.isEmpty && DisplayWidth.of(line) + 1 + DisplayWidth.of(word) > width {
                        lines.append(line)
                        line = ""
                    }
                    line += (line.isEmpty ? "" : " ") + word
                }
                if !line.isEmpty { lines.append(line) }
            }
            let top = max(0, (height - lines.count) / 2)
            for (i, text) in lines.enumerated() where top + i < height {
                canvas.draw(text, in: canvas.bounds.row(top + i), alignment: .center, style: Style(fg: .warning, .bold))
            }
        } else {
            view(state, into: &canvas)
        }
        return canvas
    }
}
