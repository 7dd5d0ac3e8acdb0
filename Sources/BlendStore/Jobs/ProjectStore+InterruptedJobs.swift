import Foundation
import GRDB

extension ProjectStore {
    /// Marks `interrupted` every running job whose process is gone (killed with SIGKILL,
    /// crashed, the machine restarted), so that no listing shows it running forever. Call it
    /// when opening a project or listing jobs; the job runner calls it before each job.
    ///
    /// A recycled process id can make a dead job look alive until that process ends too.
    ///
    /// - Returns: the ids of the jobs marked.
    @discardableResult
    public func markInterruptedJobs() throws -> [Int64] {
        try pool.write { db in
            var marked: [Int64] = []
            for var row in try JobRow.filter(Column("status") == JobStatus.running.rawValue).fetchAll(db) {
                guard let pid = row.pid, !ProcessLiveness.isAlive(pid) else { continue }
                row.status = JobStatus.interrupted.rawValue
                row.message = "interrupted: process \(pid) ended without finishing the job"
                row.finished = Date()
                try row.update(db)
                marked.append(row.id!)
            }
            return marked
        }
    }
}
