import Foundation

extension ProjectStore {
    /// Runs `body` on the project at `url`, creating the file if it is missing. When the file
    /// did not exist and `body` throws, the new file (and its WAL and shared-memory companions)
    /// is removed, so a failed first command leaves the disk exactly as it was.
    public static func creating<T>(at url: URL, _ body: (ProjectStore) throws -> T) throws -> T {
        let existed = FileManager.default.fileExists(atPath: url.path)
        do {
            return try body(try ProjectStore(at: url, create: true))
        } catch {
            if !existed {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: url.path + suffix) }
            }
            throw error
        }
    }
}
