/// The facts behind one actor's best β, and the sentence they add up to.
struct BetaEvidence {
    let actor: String
    let alpha: Double
    let betas: [Double]
    let blends: Int
    /// Blends whose labelled pair the rule does not keep at α.
    let pairNotKept: Int
    /// 70/30 blends whose pair is kept but with the weaker emotion on top.
    let wrongWay: Int
    let actorBeta: Double?
    let globalBeta: Double
    let actorEven: MarginDistribution
    let actorUneven: MarginDistribution
    let allEven: MarginDistribution
    let allUneven: MarginDistribution

    private func f(_ x: Double?) -> String { x.map { NumberText.fixed($0, places: 2) } ?? "n/a" }
    private func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
    private func agree(_ n: Int, _ one: String, _ many: String) -> String { n == 1 ? one : many }

    /// One sentence, chosen and filled from the numbers: which of the actor's margin
    /// distributions departs from everyone's in the direction its β moved, and by how much.
    var sentence: String {
        let a = actor
        if blends == 0 { return "\(a) has no blends: β does not change its score." }
        if actorEven.count + actorUneven.count == 0 {
            var why = [String]()
            if pairNotKept > 0 {
                why.append("\(pairNotKept) \(agree(pairNotKept, "does not have its", "do not have their")) labelled pair kept")
            }
            if wrongWay > 0 { why.append("\(wrongWay) \(agree(wrongWay, "has", "have")) the weaker emotion on top") }
            return "β decides none of \(a)'s \(count(blends, "blend")) at α \(f(alpha)): "
                + why.joined(separator: " and ") + "."
        }
        guard let actorBeta else {
            var why = [String]()
            if actorEven.count > 0 {
                why.append("its \(count(actorEven.count, "50/50 blend")) \(agree(actorEven.count, "has a margin", "have margins"))"
                    + " above \(f(betas.max()))")
            }
            if actorUneven.count > 0 {
                why.append("its \(count(actorUneven.count, "70/30 blend")) \(agree(actorUneven.count, "has a margin", "have margins"))"
                    + " of at most \(f(betas.min()))")
            }
            return "No β from \(f(betas.min())) to \(f(betas.max())) gets any of \(a)'s blends right: "
                + why.joined(separator: " and ") + "."
        }
        let medians = "50/50 \(f(actorEven.median)) against \(f(allEven.median)) overall, 70/30 \(f(actorUneven.median)) against \(f(allUneven.median))"
        if actorBeta == globalBeta {
            return "\(a)'s best β is the global \(f(globalBeta)) (median margins: \(medians))."
        }
        let lower = actorBeta < globalBeta
        // A kind explains the move when its median margin departs from everyone's the same way.
        func departure(_ mine: MarginDistribution, _ all: MarginDistribution) -> Double? {
            guard let m = mine.median, let o = all.median else { return nil }
            let d = lower ? o - m : m - o
            return d > 0 ? d : nil
        }
        let even = departure(actorEven, allEven)
        let uneven = departure(actorUneven, allUneven)
        if let u = uneven, u >= (even ?? 0), let m = actorUneven.median, let o = allUneven.median {
            let head = "\(a)'s 70/30 blends have a median margin of \(f(m)) against \(f(o)) overall: "
            return head + (lower ? "any β above \(f(m)) calls most of them 50/50."
                                 : "β can rise to \(f(m)) before most of them are called 50/50.")
        }
        if even != nil, let m = actorEven.median, let o = allEven.median {
            let head = "\(a)'s 50/50 blends have a median margin of \(f(m)) against \(f(o)) overall: "
            return head + (lower ? "a β of \(f(m)) already calls half of them 50/50."
                                 : "β must reach \(f(m)) to call most of them 50/50.")
        }
        return "\(a)'s best β \(f(actorBeta)) lies \(lower ? "below" : "above") the global \(f(globalBeta)) "
            + "although its median margins do not (\(medians)): it rests on "
            + "\(count(actorEven.count + actorUneven.count, "blend")) that β decides."
    }
}
