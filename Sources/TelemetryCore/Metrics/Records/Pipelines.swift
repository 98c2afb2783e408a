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
        Metric(
            orchestrator: ["ciDeletedPerDay"],
            description: "CI pipelines created in the last 24 hours and deleted since (not pipelines deleted in the window: the orchestrator's quirk, kept).",
            window: .last24Hours,
            reads: ["ci_pipeline": ["created_on", "deleted"]],
            sql: "SELECT count(*) FROM ci_pipeline WHERE created_on > $1::timestamptz AND deleted = true"
        ),
        Metric(
            orchestrator: ["cdDeletedPerDay"],
            description: "CD pipelines created in the last 24 hours and deleted since (the orchestrator's quirk, kept).",
            window: .last24Hours,
            reads: ["pipeline": ["created_on", "deleted"]],
            sql: "SELECT count(*) FROM pipeline WHERE created_on > $1::timestamptz AND deleted = true"
        ),
        Metric(
            orchestrator: ["ciTriggeredPerDay"],
            description: "CI pipelines that ran in the last 24 hours (pipelines, not runs).",
            window: .last24Hours,
            reads: ["ci_workflow": ["ci_pipeline_id", "started_on"]],
            sql: "SELECT count(DISTINCT ci_pipeline_id) FROM ci_workflow WHERE started_on > $1::timestamptz"
        ),
        Metric(
            orchestrator: ["cdTriggeredPerDay"],
            description: "CD pipelines with a deployment (a DEPLOY runner) started in the last 24 hours.",
            window: .last24Hours,
            reads: ["cd_workflow": ["id", "pipeline_id"], "cd_workflow_runner": ["cd_workflow_id", "workflow_type", "started_on"]],
            sql: """
                SELECT count(DISTINCT w.pipeline_id)
                FROM cd_workflow w
                JOIN cd_workflow_runner r ON r.cd_workflow_id = w.id
                WHERE r.workflow_type = 'DEPLOY' AND r.started_on > $1::timestamptz
                """
        ),
        Metric(
            orchestrator: ["jobPipelineCount"],
            description: "Active, not deleted job pipelines (ci_pipeline_type CI_JOB) of active apps.",
            reads: ["ci_pipeline": ["app_id", "active", "deleted", "ci_pipeline_type"], "app": ["id", "active"]],
            sql: """
                SELECT count(*)
                FROM ci_pipeline p
                JOIN app a ON a.id = p.app_id
                WHERE p.active = true AND p.deleted = false AND p.ci_pipeline_type = 'CI_JOB' AND a.active = true
                """
        ),
        jobPipelinesRun("jobPipelineTriggeredLast24h", succeeded: false),
        jobPipelinesRun("jobPipelineSucceededLast24h", succeeded: true),
    ] + buildOutcomes + [
        Metric(
            orchestrator: ["activeUsersLast30Days"],
            description: "Users with authenticated activity in the last 30 days (fixed: the orchestrator always sends 1).",
            window: .last30Days,
            reads: ["user_audit": ["user_id", "updated_on"]],
            sql: "SELECT count(DISTINCT user_id) FROM user_audit WHERE updated_on >= $1::timestamptz"
        ),
    ]

    /// `jobPipelineTriggeredLast24h` and `jobPipelineSucceededLast24h`: the job pipelines of
    /// `jobPipelineCount` with a run started in the window (`>=` its start), successful or any.
    static func jobPipelinesRun(_ key: String, succeeded: Bool) -> Metric {
        Metric(
            orchestrator: [key],
            description: succeeded
                ? "Active job pipelines of active apps with a successful run started in the last 24 hours."
                : "Active job pipelines of active apps with a run started in the last 24 hours.",
            window: .last24Hours,
            reads: [
                "ci_pipeline": ["id", "app_id", "active", "deleted", "ci_pipeline_type"], "app": ["id", "active"],
                "ci_workflow": ["ci_pipeline_id", "started_on"] + (succeeded ? ["status"] : []),
            ],
            sql: """
                SELECT count(*)
                FROM ci_pipeline p
                JOIN app a ON a.id = p.app_id
                WHERE p.active = true AND p.deleted = false AND p.ci_pipeline_type = 'CI_JOB' AND a.active = true
                  AND EXISTS (
                    SELECT 1
                    FROM ci_workflow w
                    WHERE w.ci_pipeline_id = p.id AND w.started_on >= $1::timestamptz\(succeeded ? " AND w.status = 'Succeeded'" : "")
                  )
                """
        )
    }

    /// The six `…SuccessCount`/`…FailureCount`: CI runs started in the last 24 hours that ended
    /// `Succeeded` or `Failed`, by build type. A NULL or empty build type is a self-managed Dockerfile.
    static let buildOutcomes: [Metric] = [
        buildOutcome("selfDockerfileSuccessCount", type: "self-dockerfile-build", how: "with the repository's own Dockerfile", succeeded: true),
        buildOutcome("selfDockerfileFailureCount", type: "self-dockerfile-build", how: "with the repository's own Dockerfile", succeeded: false),
        buildOutcome("managedDockerfileSuccessCount", type: "managed-dockerfile-build", how: "with a Dockerfile Devtron writes", succeeded: true),
        buildOutcome("managedDockerfileFailureCount", type: "managed-dockerfile-build", how: "with a Dockerfile Devtron writes", succeeded: false),
        buildOutcome("buildPackSuccessCount", type: "buildpack-build", how: "with buildpacks", succeeded: true),
        buildOutcome("buildPackFailureCount", type: "buildpack-build", how: "with buildpacks", succeeded: false),
    ]

    private static func buildOutcome(_ key: String, type: String, how: String, succeeded: Bool) -> Metric {
        let selfManaged = type == "self-dockerfile-build"
        let typeCondition = selfManaged
            ? "(ci_build_type IS NULL OR ci_build_type = '' OR ci_build_type = '\(type)')"
            : "ci_build_type = '\(type)'"
        return Metric(
            orchestrator: [key],
            description: "CI builds \(how) started in the last 24 hours that \(succeeded ? "succeeded" : "failed")."
                + (selfManaged ? " A build without a type counts here (fixed: the orchestrator overwrote instead of adding)." : ""),
            window: .last24Hours,
            reads: ["ci_workflow": ["started_on", "status", "ci_build_type"]],
            sql: """
                SELECT count(*)
                FROM ci_workflow
                WHERE started_on > $1::timestamptz AND status = \(succeeded ? "'Succeeded'" : "'Failed'")
                  AND \(typeCondition)
                """
        )
    }
}
