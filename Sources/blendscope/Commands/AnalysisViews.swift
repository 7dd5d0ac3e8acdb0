import BlendCore

/// Metrics as `--json` shows them: the accuracies beside the counts they come from.
struct MetricsView: Encodable {
    let accPresence: Double
    let accSalience: Double
    let score: Double
    let clips: Int
    let blends: Int

    init(_ m: Metrics) {
        accPresence = m.accPresence
        accSalience = m.accSalience
        score = m.score
        clips = m.clips
        blends = m.blends
    }
}

/// Thresholds and the metrics there, as `--json` shows them: one flat object.
struct CellView: Encodable {
    let alpha: Double
    let beta: Double
    let metrics: MetricsView

    init(_ thresholds: Thresholds, _ metrics: Metrics) {
        alpha = thresholds.alpha
        beta = thresholds.beta
        self.metrics = MetricsView(metrics)
    }

    init(_ c: SweepCell) { self.init(c.thresholds, c.metrics) }

    private enum CodingKeys: String, CodingKey { case alpha, beta }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(alpha, forKey: .alpha)
        try container.encode(beta, forKey: .beta)
        try metrics.encode(to: encoder)
    }
}

/// Two views encoded into one flat object (`{"group": …, "alpha": …}`): JSON keeps the
/// shape scripts read while each view stays defined once.
struct Flat<Head: Encodable, Body: Encodable>: Encodable {
    let head: Head
    let body: Body

    init(_ head: Head, _ body: Body) {
        self.head = head
        self.body = body
    }

    func encode(to encoder: Encoder) throws {
        try head.encode(to: encoder)
        try body.encode(to: encoder)
    }
}
