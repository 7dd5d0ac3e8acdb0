import XCTest
@testable import BlendEngine

final class GemmTests: XCTestCase {
    /// Compares OpenBLAS with a plain triple loop on odd sizes, with and without transposes.
    func testMatchesNaiveProduct() {
        let m = 5, n = 7, k = 3
        let a = (0..<(m * k)).map { Float($0 % 5) - 2 }
        let b = (0..<(k * n)).map { Float($0 % 3) * 0.5 - 0.25 }
        var expected = [Float](repeating: 0, count: m * n)
        for i in 0..<m { for j in 0..<n { for p in 0..<k { expected[i * n + j] += a[i * k + p] * b[p * n + j] } } }

        var c = [Float](repeating: 0, count: m * n)
        Gemm.multiply(a, b, into: &c, m: m, n: n, k: k)
        XCTAssertEqual(c, expected)

        // Aᵀ stored k×m, Bᵀ stored n×k give the same product.
        var at = [Float](repeating: 0, count: m * k)
        for i in 0..<m { for p in 0..<k { at[p * m + i] = a[i * k + p] } }
        var bt = [Float](repeating: 0, count: k * n)
        for p in 0..<k { for j in 0..<n { bt[j * k + p] = b[p * n + j] } }
        var c2 = [Float](repeating: 0, count: m * n)
        Gemm.multiply(at, transposeA: true, bt, transposeB: true, into: &c2, m: m, n: n, k: k)
        XCTAssertEqual(c2, expected)
    }
}
