extension Duration {
    /// The duration as a Double of seconds: how every elapsed time this package reports
    /// (training runs, fusion estimates, benchmarks) turns a clock reading into a number.
    public var inSeconds: Double {
        let c = components
        return Double(c.seconds) + Double(c.attoseconds) * 1e-18
    }
}
