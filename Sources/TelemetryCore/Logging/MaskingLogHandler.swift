import Logging

/// Masks secrets learned after a logger was made (the API key fetched from Devtron's telemetry
/// service) in every record, then hands the record to the logger's own handler, which masks the
/// secrets it was made with. Message and metadata values are masked; the handler's persistent
/// metadata is not (the job sets none).
struct MaskingLogHandler: LogHandler {
    var inner: any LogHandler
    let redactor: Redactor

    func log(event: LogEvent) {
        var masked = event
        masked.message = "\(redactor.redact(event.message.description))"
        masked.metadata = event.metadata?.mapValues { .string(redactor.redact("\($0)")) }
        inner.log(event: masked)
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { inner[metadataKey: key] }
        set { inner[metadataKey: key] = newValue }
    }

    var metadata: Logger.Metadata {
        get { inner.metadata }
        set { inner.metadata = newValue }
    }

    var logLevel: Logger.Level {
        get { inner.logLevel }
        set { inner.logLevel = newValue }
    }
}

extension Logger {
    /// This logger, with `secrets` masked in every later record as well.
    package func masking(_ secrets: [String]) -> Logger {
        let handler = MaskingLogHandler(inner: self.handler, redactor: Redactor(secrets: secrets))
        return Logger(label: label) { _ in handler }
    }
}
