import BlendEngine
import BlendMedia
import BlendStore

// The lower layers' value types the front ends see through BlendApp: the one list of what
// crosses from BlendStore and BlendEngine to BlendTUI and blendscope (no `@_exported import`,
// so a front end that needs something new names it here). Pure domain values may later move
// to BlendCore; their names stay.

// Project and sources
public typealias SourceRef = BlendStore.SourceRef
public typealias ProjectSettings = BlendStore.ProjectSettings
public typealias EncoderInfo = BlendStore.EncoderInfo
public typealias EncoderSource = BlendStore.EncoderSource
public typealias Modality = BlendStore.Modality
public typealias CreationRace = BlendStore.CreationRace

// Errors a front end shows or matches
public typealias StoreError = BlendStore.StoreError
public typealias InputError = BlendStore.InputError
public typealias DatabaseProblem = BlendStore.DatabaseProblem
public typealias ExportError = BlendStore.ExportError
public typealias TrainingSetupError = BlendEngine.TrainingSetupError

// Fusions
public typealias FusionSpec = BlendStore.FusionSpec
public typealias FusionWeight = BlendStore.FusionWeight
public typealias SavedFusion = BlendStore.SavedFusion

// Jobs
public typealias JobRecord = BlendStore.JobRecord
public typealias JobStatus = BlendStore.JobStatus
public typealias JobContext = BlendStore.JobContext
public typealias JobProgress = BlendStore.JobProgress
public typealias JobMetrics = BlendStore.JobMetrics

// Notes
public typealias ClipAnnotation = BlendStore.ClipAnnotation
public typealias ClipNote = BlendStore.ClipNote
public typealias ClipTag = BlendStore.ClipTag

// Imports
public typealias MetadataImportSummary = BlendStore.MetadataImportSummary
public typealias ProbabilitiesImportSummary = BlendStore.ProbabilitiesImportSummary
public typealias FeaturesImportSummary = BlendStore.FeaturesImportSummary
public typealias VideoLinkSummary = BlendStore.VideoLinkSummary

public typealias Submission = BlendStore.Submission
public typealias SubmissionFile = BlendStore.SubmissionFile

// Training
public typealias TrainingRunInfo = BlendStore.TrainingRunInfo
public typealias TrainingEpoch = BlendStore.TrainingEpoch
public typealias TrainingConfig = BlendEngine.TrainingConfig
public typealias TrainingRequest = BlendEngine.TrainingRequest
public typealias TrainingOutcome = BlendEngine.TrainingOutcome
public typealias PreparedTraining = BlendEngine.PreparedTraining
public typealias Architecture = BlendEngine.Architecture
public typealias EarlyStopCriterion = BlendEngine.EarlyStopCriterion
public typealias TestPrediction = BlendEngine.TestPrediction
