/// Pipelines and their runs, mostly in the 24 hours before the run.
enum PipelineMetrics {
    static let all: [Metric] = [
        Metric(
            seed: "cdCountPerDay", orchestrator: ["cdCreatedPerDay"],
            description: "CD pipelines created in the last 24 hours, deleted ones included.",
            window: .last24Hours,
            reads: ["pipeline": ["created_on"]],
            sql: "SELECT count(*) FROM pipeline WHERE created_on > $1::timestamptz"
        ),
        Metric(
            seed: "ciCountPerDay", orchestrator: ["ciCreatedPerDay"],
            description: "CI pipelines created in the last 24 hours, deleted ones included.",
            window: .last24Hours,
            reads: ["ci_pipeline": ["created_on"]],
            sql: "SELECT count(*) FROM ci_pipeline WHERE created_on > $1::timestamptz"
        ),
    ]
}
