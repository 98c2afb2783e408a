/// Apps, users, clusters and environments: how big the installation is.
enum AppMetrics {
    static let all: [Metric] = [
        Metric(
            seed: "clusterCount", orchestrator: ["clusterCount"],
            description: "Active clusters (virtual clusters included).",
            reads: ["cluster": ["active"]],
            sql: "SELECT count(*) FROM cluster WHERE active = true"
        ),
        Metric(
            seed: "environmentCount", orchestrator: ["environmentCount"],
            description: "Active environments.",
            reads: ["environment": ["active"]],
            sql: "SELECT count(*) FROM environment WHERE active = true"
        ),
        appsWithCDPipeline(production: false),
        appsWithCDPipeline(production: true),
        Metric(
            seed: "userCount", orchestrator: ["userCount"],
            description: "Active users, API-token users excluded; the built-in admin and system users count.",
            reads: ["users": ["active", "user_type"]],
            sql: "SELECT count(*) FROM users WHERE active = true AND user_type IS DISTINCT FROM 'apiToken'"
        ),
    ]

    /// `nonProdAppCount` and `prodAppCount`: the same count on either side of Devtron's production
    /// mark (`environment."default"`). The environment's own `active` flag is not considered.
    static func appsWithCDPipeline(production: Bool) -> Metric {
        let key = production ? "prodAppCount" : "nonProdAppCount"
        return Metric(
            seed: key, orchestrator: [key],
            description: "Active apps with at least one CD pipeline, not deleted, on a \(production ? "" : "non-")production environment (\"default\" = \(production)).",
            reads: [
                "app": ["id", "active"], "pipeline": ["app_id", "environment_id", "deleted"],
                "environment": ["id", "default"],
            ],
            sql: """
                SELECT count(*) FROM app a WHERE a.active = true AND EXISTS (SELECT 1 FROM pipeline p \
                JOIN environment e ON e.id = p.environment_id \
                WHERE p.app_id = a.id AND p.deleted = false AND e."default" = \(production))
                """
        )
    }
}
