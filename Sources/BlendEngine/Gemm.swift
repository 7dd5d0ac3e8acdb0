import COpenBLAS

/// Row-major single-precision matrix products on OpenBLAS, the engine's one hot primitive.
public enum Gemm {
    /// `C = alpha·op(A)·op(B) + beta·C` with row-major `A` (m×k after op), `B` (k×n), `C` (m×n).
    public static func multiply(
        _ a: UnsafePointer<Float>, transposeA: Bool = false,
        _ b: UnsafePointer<Float>, transposeB: Bool = false,
        into c: UnsafeMutablePointer<Float>,
        m: Int, n: Int, k: Int, alpha: Float = 1, beta: Float = 0
    ) {
        multiply(a, transposeA: transposeA, leading: transposeA ? m : k,
                 b, transposeB: transposeB, leading: transposeB ? k : n,
                 into: c, leading: n, m: m, n: n, k: k, alpha: alpha, beta: beta)
    }

    /// The same on sub-matrices: each operand's `leading` dimension is the row stride of the
    /// matrix as stored (before op), so a block of columns is its first element plus a stride.
    public static func multiply(
        _ a: UnsafePointer<Float>, transposeA: Bool = false, leading lda: Int,
        _ b: UnsafePointer<Float>, transposeB: Bool = false, leading ldb: Int,
        into c: UnsafeMutablePointer<Float>, leading ldc: Int,
        m: Int, n: Int, k: Int, alpha: Float = 1, beta: Float = 0
    ) {
        cblas_sgemm(CblasRowMajor,
                    transposeA ? CblasTrans : CblasNoTrans,
                    transposeB ? CblasTrans : CblasNoTrans,
                    Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }

    /// Threads OpenBLAS uses for the following calls.
    public static func setThreads(_ n: Int) { openblas_set_num_threads(Int32(n)) }
    /// Threads OpenBLAS currently uses.
    public static var threads: Int { Int(openblas_get_num_threads()) }
}
