import BlendEngine

// Measurement harness kept outside the repository: one release run, as the brief asks.
let args = CommandLine.arguments
let which = args.count > 1 ? args[1] : "all"
let epochs = args.count > 2 ? Int(args[2])! : 3
var cases: [(Architecture, Int)] = []
if which == "all" || which == "512" { cases.append((.mlp512, 1024)) }
if which == "all" || which == "1024" { cases.append((.mlp1024, 7168)) }
for (arch, cols) in cases {
    for threads in [2, 1] {
        let m = try EpochBenchmark.measure(architecture: arch, rows: 2456, columns: cols, batchSize: 32,
                                           threads: threads, epochs: epochs)
        print("\(arch.rawValue) 2456x\(cols) batch 32 threads \(threads): mean \(m.meanEpochSeconds) s, fastest \(m.fastestEpochSeconds) s, epochs \(m.epochSeconds)")
    }
}
