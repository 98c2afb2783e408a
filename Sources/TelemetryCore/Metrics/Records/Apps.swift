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
        appsWithCDPipeline("nonProdAppCount", production: false),
        appsWithCDPipeline("prodAppCount", production: true),
        Metric(
            seed: "userCount", orchestrator: ["userCount"],
            description: "Active users, API-token users excluded; the built-in admin and system users count.",
            reads: ["users": ["active", "user_type"]],
            sql: "SELECT count(*) FROM users WHERE active = true AND user_type IS DISTINCT FROM 'apiToken'"
        ),
        Metric(
            orchestrator: ["appCount", "devtronAppCount"],
            description: "Active Devtron CI/CD apps (app_type 0); the orchestrator sends the number under both keys.",
            reads: ["app": ["active", "app_type"]],
            sql: "SELECT count(*) FROM app WHERE active = true AND app_type = 0"
        ),
        Metric(
            orchestrator: ["jobCount"],
            description: "Active jobs (apps with app_type 2).",
            reads: ["app": ["active", "app_type"]],
            sql: "SELECT count(*) FROM app WHERE active = true AND app_type = 2"
        ),
        Metric(
            orchestrator: ["helmAppCount"],
            description: "Active Helm apps installed from the chart store (installed_apps rows).",
            reads: ["installed_apps": ["active"]],
            sql: "SELECT count(*) FROM installed_apps WHERE active = true"
        ),
        Metric(
            orchestrator: ["physicalClusterCount"],
            description: "Active clusters that are not virtual (a NULL mark counts as physical).",
            reads: ["cluster": ["active", "is_virtual_cluster"]],
            sql: "SELECT count(*) FROM cluster WHERE active = true AND is_virtual_cluster IS NOT TRUE"
        ),
        Metric(
            orchestrator: ["isolatedClusterCount"],
            description: "Active virtual (isolated) clusters.",
            reads: ["cluster": ["active", "is_virtual_cluster"]],
            sql: "SELECT count(*) FROM cluster WHERE active = true AND is_virtual_cluster IS TRUE"
        ),
        Metric(
            orchestrator: ["projectsWithZeroAppsCount"],
            description: "Active projects (teams) without any active app, of any type.",
            reads: ["team": ["id", "active"], "app": ["team_id", "active"]],
            sql: """
                SELECT count(*)
                FROM team t
                WHERE t.active = true
                  AND NOT EXISTS (SELECT 1 FROM app a WHERE a.team_id = t.id AND a.active = true)
                """
        ),
    ]

    /// `nonProdAppCount` and `prodAppCount`: the same count on either side of Devtron's production
    /// mark (`environment."default"`). The environment's own `active` flag is not considered.
    static func appsWithCDPipeline(_ key: String, production: Bool) -> Metric {
        Metric(
            seed: key, orchestrator: [key],
            description: "Active apps with at least one CD pipeline, not deleted, on a \(production ? "" : "non-")production environment (\"default\" = \(production)).",
            reads: [
                "app": ["id", "active"], "pipeline": ["app_id", "environment_id", "deleted"],
                "environment": ["id", "default"],
            ],
            sql: """
                SELECT count(*)
                FROM app a
                WHERE a.active = true
                  AND EXISTS (
                    SELECT 1
                    FROM pipeline p
                    JOIN environment e ON e.id = p.environment_id
                    WHERE p.app_id = a.id AND p.deleted = false AND e."default" = \(production)
                  )
                """
        )
    }
}
