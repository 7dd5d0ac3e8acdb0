import XCTest
@testable import BlendEngine

final class EpochBenchmarkTests: XCTestCase {
    func testMeasuresTimedEpochsAndRestoresThreads() throws {
        let before = Gemm.threads
        let m = try EpochBenchmark.measure(architecture: .linear, rows: 40, columns: 6, batchSize: 8, threads: 1,
                                           epochs: 2)
        XCTAssertEqual(m.epochSeconds.count, 2)
        XCTAssertTrue(m.epochSeconds.allSatisfy { $0 > 0 && $0.isFinite })
        XCTAssertLessThanOrEqual(m.fastestEpochSeconds, m.meanEpochSeconds)
        XCTAssertEqual(Gemm.threads, before)
        XCTAssertThrowsError(try EpochBenchmark.measure(architecture: .mlp1024, rows: 4, columns: 2, batchSize: 1,
                                                        threads: 1, epochs: 1))
    }
}
