import BlendStore

// Transitional, for DemoCommand alone (helper "product-modules" owns it and moves the demo
// generator into its own target): the demo still writes through the store. Every verb opens
// a `ProjectSession` instead (`ProjectOptions.session`). Delete this file once DemoCommand
// no longer calls `target.open()`.
extension ProjectOptions {
    func open(create: Bool = false) throws -> ProjectStore {
        try ProjectStore(path: project, create: create)
    }
}
