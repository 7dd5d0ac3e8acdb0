import BlendCore

/// Who acts what: actor ids, each actor's recorded clips with challenge file names, the split
/// and the actor-disjoint folds, mimicking the real BLEMORE metadata.
///
/// A complete actor records 54 clips: 5 emotions × 4 intensities (`A102_ang_int1_ver1`),
/// 4 neutral situations (`A102_neu_sit1_ver1`), and 10 emotion pairs × 3 salience splits
/// (`A102_mix_ang_disg_30_70_ver1`). As in the real data a few actors deviate: some recorded
/// singles only or blends only, some retook clips (`_ver2`, `_ver3`), some lost a few clips.
enum DemoRoster {
    /// How an actor's recordings deviate from the complete set.
    enum Profile: Equatable {
        case complete, singlesOnly, blendsOnly, retakes, incomplete
    }

    /// An actor-id series of the real data: ids drawn from `range`, `train` of them training
    /// actors and `test` test actors (the real split has 47 + 11).
    struct Series {
        let range: ClosedRange<Int>
        let train: Int
        let test: Int
    }

    static let series: [Series] = [
        Series(range: 10...99, train: 8, test: 2),
        Series(range: 100...119, train: 2, test: 1),
        Series(range: 200...229, train: 7, test: 3),
        Series(range: 2300...2319, train: 3, test: 1),
        Series(range: 300...339, train: 9, test: 0),
        Series(range: 400...439, train: 18, test: 4),
    ]

    /// Deviating training actors, as often as in the real training split; the rest are complete.
    static let trainingDeviations: [Profile] =
        [.singlesOnly, .singlesOnly, .singlesOnly, .blendsOnly,
         .retakes, .retakes, .retakes, .retakes, .retakes, .incomplete, .incomplete]
    static let testDeviations: [Profile] = [.retakes, .incomplete]

    static let foldCount = 5

    /// The conditions of a complete actor: the label and the name's middle part.
    static let conditions: [(label: Label, middle: String)] = {
        var list: [(Label, String)] = []
        for e in Emotion.blendable {
            for intensity in 1...4 { list.append((.single(e), "\(e.code)_int\(intensity)")) }
        }
        for situation in 1...4 { list.append((.single(.neu), "neu_sit\(situation)")) }
        let pairs = Emotion.blendable
        for i in pairs.indices {
            for j in pairs.indices where j > i {
                let a = pairs[i], b = pairs[j]
                for (sa, sb) in [(30, 70), (50, 50), (70, 30)] {
                    list.append((.blend(a, sa, b), "mix_\(a.code)_\(b.code)_\(sa)_\(sb)"))
                }
            }
        }
        return list
    }()

    /// Every clip, training actors first, each split sorted by file name as the real files are.
    static func build(_ random: inout DemoRandom) -> [DemoClip] {
        var trainIDs: [String] = [], testIDs: [String] = []
        for s in series {
            var numbers = Array(s.range)
            random.shuffle(&numbers)
            trainIDs += numbers.prefix(s.train).map { "A\($0)" }
            testIDs += numbers.dropFirst(s.train).prefix(s.test).map { "A\($0)" }
        }
        random.shuffle(&trainIDs)
        random.shuffle(&testIDs)

        let trainTakes = trainIDs.indices.map { i in
            takes(of: i < trainingDeviations.count ? trainingDeviations[i] : .complete, &random)
        }
        let testTakes = testIDs.indices.map { i in
            takes(of: i < testDeviations.count ? testDeviations[i] : .complete, &random)
        }
        let folds = assignFolds(sizes: trainTakes.map(\.count), &random)

        var clips: [DemoClip] = []
        for (i, actor) in trainIDs.enumerated() {
            clips += named(trainTakes[i], actor: actor, split: .train, fold: folds[i])
        }
        var test: [DemoClip] = []
        for (i, actor) in testIDs.enumerated() {
            test += named(testTakes[i], actor: actor, split: .test, fold: nil)
        }
        clips.sort { $0.name < $1.name }
        test.sort { $0.name < $1.name }
        return clips + test
    }

    /// One recorded take: an index into `conditions` and its version.
    typealias Take = (condition: Int, version: Int)

    static func takes(of profile: Profile, _ random: inout DemoRandom) -> [Take] {
        let singles = Array(0..<24), blends = Array(24..<conditions.count)
        var result: [Take]
        switch profile {
        case .complete:
            result = conditions.indices.map { ($0, 1) }
        case .singlesOnly:
            result = singles.map { ($0, 1) }
            result += pick(2, from: singles, &random).map { ($0, 2) }
        case .blendsOnly:
            let kept = pick(blends.count - 4, from: blends, &random)
            result = kept.map { ($0, 1) } + pick(1, from: kept, &random).map { ($0, 2) }
        case .retakes:
            result = conditions.indices.map { ($0, 1) }
            let again = pick(2 + random.int(below: 9), from: Array(conditions.indices), &random)
            for c in again {
                result.append((c, 2))
                if random.chance(0.2) { result.append((c, 3)) }
            }
        case .incomplete:
            let kept = pick(conditions.count - 3 - random.int(below: 6), from: Array(conditions.indices), &random)
            result = kept.map { ($0, 1) }
        }
        return result
    }

    /// `count` distinct items of `items`, in their original order.
    static func pick(_ count: Int, from items: [Int], _ random: inout DemoRandom) -> [Int] {
        var shuffled = items
        random.shuffle(&shuffled)
        return shuffled.prefix(count).sorted()
    }

    /// Each actor to the fold with the fewest clips so far (ties to the lower fold), the
    /// actors with the most clips first and equal ones in random order: folds come out within
    /// a few clips of each other.
    static func assignFolds(sizes: [Int], _ random: inout DemoRandom) -> [Int] {
        var order = Array(sizes.indices)
        random.shuffle(&order)
        order = order.enumerated().sorted { a, b in
            sizes[a.element] != sizes[b.element] ? sizes[a.element] > sizes[b.element] : a.offset < b.offset
        }.map(\.element)
        var load = [Int](repeating: 0, count: foldCount)
        var folds = [Int](repeating: 0, count: sizes.count)
        for actor in order {
            let fold = load.indices.min { load[$0] < load[$1] }!
            load[fold] += sizes[actor]
            folds[actor] = fold
        }
        return folds
    }

    static func named(_ takes: [Take], actor: String, split: Split, fold: Int?) -> [DemoClip] {
        takes.map { take in
            let condition = conditions[take.condition]
            let name = "\(actor)_\(condition.middle)_ver\(take.version)"
            return DemoClip(info: ClipInfo(name: name, actor: actor, split: split, fold: fold, label: condition.label),
                            version: take.version)
        }
    }
}
