import BlendFiles
import Foundation

extension InputError {
    /// `FILE: is a directory`, `FILE: is a FIFO (named pipe), not a regular file`,
    /// `FILE: cannot read the file: no such file`.
    init(file: String, _ problem: InputFile.Problem) {
        switch problem.cause {
        case .notRegular: self.init(file: file, problem.reason)
        case .missing, .unreadable: self.init(file: file, "cannot read the file: \(problem.reason)")
        }
    }
}

extension InputFile {
    /// The regular-file check for an importer's input, as an `InputError` naming `url` as given.
    @discardableResult
    static func checkRegular(_ url: URL) throws(InputError) -> Int64 {
        do {
            return try checkRegular(url.path)
        } catch {
            throw InputError(file: url.relativePath, error)
        }
    }

    /// Opens `url` for reading (checked regular); the caller closes the descriptor.
    static func open(_ url: URL) throws(InputError) -> Int32 {
        do {
            return try openForReading(url.path)
        } catch {
            throw InputError(file: url.relativePath, error)
        }
    }
}
