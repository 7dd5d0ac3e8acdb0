import XCTest
import BlendCore
import Foundation
@testable import BlendStore

extension TestProject {
    /// A project holding `inputs`' clips and every encoder's probabilities, imported through
    /// the real CSV importers (rows normalised: the synthetic values are rounded).
    static func fusion(_ test: XCTestCase, _ inputs: FusionInputs) throws -> TestProject {
        let project = try TestProject(test)
        var meta = "filename,fold\n"
        for c in inputs.clips { meta += "\(c.name),\(c.fold.map(String.init) ?? "-1")\n" }
        try project.store.importMetadata(from: project.file("meta.csv", meta))
        for (m, name) in inputs.encoders.enumerated() {
            var csv = "filename,ang,disg,fea,hap,sad,neu\n"
            for (i, c) in inputs.clips.enumerated() where inputs.present[m][i] {
                csv += c.name + "," + (0..<6).map { String(inputs.probabilities[m][i * 6 + $0]) }.joined(separator: ",") + "\n"
            }
            try project.store.importProbabilities(from: project.file("\(name).csv", csv), encoder: name, normalize: true)
        }
        return project
    }
}
