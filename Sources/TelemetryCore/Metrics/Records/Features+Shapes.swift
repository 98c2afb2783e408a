/// The largest things of their kind (environments per app, apps per environment, …) and the
/// ConfigMaps read from their JSON documents.
extension FeatureMetrics {
    /// The `highest…` values: a largest group size, 0 when there is no group.
    static let maximums: [Metric] = [
        Metric(
            orchestrator: ["highestEnvironmentCountInApp"],
            description: "The most environments one active app deploys to (distinct environments of its CD pipelines not deleted); 0 when none.",
            kind: .maximum,
            reads: ["pipeline": ["app_id", "environment_id", "deleted"], "app": ["id", "active"]],
            sql: """
                SELECT coalesce(max(n), 0)
                FROM (
                  SELECT count(DISTINCT p.environment_id) AS n
                  FROM pipeline p
                  JOIN app a ON a.id = p.app_id
                  WHERE p.deleted = false AND a.active = true
                  GROUP BY p.app_id
                ) AS per_app
                """
        ),
        Metric(
            orchestrator: ["highestAppCountInEnvironment"],
            description: "The most active apps one environment has CD pipelines (not deleted) for; 0 when none.",
            kind: .maximum,
            reads: ["pipeline": ["app_id", "environment_id", "deleted"], "app": ["id", "active"]],
            sql: """
                SELECT coalesce(max(n), 0)
                FROM (
                  SELECT count(DISTINCT p.app_id) AS n
                  FROM pipeline p
                  JOIN app a ON a.id = p.app_id
                  WHERE p.deleted = false AND a.active = true AND p.environment_id IS NOT NULL
                  GROUP BY p.environment_id
                ) AS per_environment
                """
        ),
        Metric(
            orchestrator: ["highestWorkflowCountInApp"],
            description: "The most active workflows one active app has; 0 when none.",
            kind: .maximum,
            reads: ["app_workflow": ["app_id", "active"], "app": ["id", "active"]],
            sql: """
                SELECT coalesce(max(n), 0)
                FROM (
                  SELECT count(*) AS n
                  FROM app_workflow w
                  JOIN app a ON a.id = w.app_id
                  WHERE w.active = true AND a.active = true
                  GROUP BY w.app_id
                ) AS per_app
                """
        ),
        Metric(
            orchestrator: ["highestEnvironmentCountInWorkflow"],
            description: "The most environments one active workflow deploys to (its active CD-pipeline mappings to pipelines not deleted); 0 when none.",
            kind: .maximum,
            reads: [
                "app_workflow": ["id", "active"], "app_workflow_mapping": ["app_workflow_id", "component_id", "type", "active"],
                "pipeline": ["id", "environment_id", "deleted"],
            ],
            sql: """
                SELECT coalesce(max(n), 0)
                FROM (
                  SELECT count(DISTINCT p.environment_id) AS n
                  FROM app_workflow w
                  JOIN app_workflow_mapping m ON m.app_workflow_id = w.id
                  JOIN pipeline p ON p.id = m.component_id
                  WHERE w.active = true AND m.active = true AND m.type = 'CD_PIPELINE' AND p.deleted = false
                  GROUP BY w.id
                ) AS per_workflow
                """
        ),
        Metric(
            orchestrator: ["highestGitRepoCountInApp"],
            description: "The most active git repositories one active app has; 0 when none.",
            kind: .maximum,
            reads: ["git_material": ["app_id", "active"], "app": ["id", "active"]],
            sql: """
                SELECT coalesce(max(n), 0)
                FROM (
                  SELECT count(*) AS n
                  FROM git_material g
                  JOIN app a ON a.id = g.app_id
                  WHERE g.active = true AND a.active = true
                  GROUP BY g.app_id
                ) AS per_app
                """
        ),
    ]

    /// `externalConfigMapCount` and `internalConfigMapCount`: rows (not ConfigMaps) of active apps'
    /// app-level data and of not-deleted environment-level data on active environments whose
    /// `config_map_data` lists a map with `external` true (or false).
    static let configMaps: [Metric] = [
        rowsWithConfigMap("externalConfigMapCount", external: true),
        rowsWithConfigMap("internalConfigMapCount", external: false),
    ]

    /// A row whose data is not a JSON object, or whose `maps` is not an array, counts for neither.
    /// The JSON check costs the most, so it runs only on rows whose text holds `"external": true`
    /// (or false) at all; `OFFSET 0` keeps the planner from copying it into each use of `d.data`.
    static func rowsWithConfigMap(_ key: String, external: Bool) -> Metric {
        // The same filter on the rows of either level (each aliased `c`).
        let maps: SQLText = """
            CROSS JOIN LATERAL (SELECT \(jsonObject: "c.config_map_data") AS data OFFSET 0) d
            WHERE c.config_map_data ~ '"external"[ \\t\\n\\r]*:[ \\t\\n\\r]*"?\(external)'
              AND EXISTS (
                SELECT 1
                FROM json_array_elements(
                  CASE WHEN json_typeof(d.data -> 'maps') = 'array' THEN d.data -> 'maps' END
                ) AS m(map)
                WHERE m.map ->> 'external' = '\(external)'
              )
            """
        return Metric(
            orchestrator: [key],
            description: "App- and environment-level ConfigMap rows (not ConfigMaps) holding a\(external ? "n external" : "n internal") ConfigMap (external = \(external)), of active apps or active environments; the orchestrator's row count, kept.",
            reads: [
                "config_map_app_level": ["app_id", "config_map_data"], "app": ["id", "active"],
                "config_map_env_level": ["environment_id", "deleted", "config_map_data"], "environment": ["id", "active"],
            ],
            sql: """
                SELECT
                  (
                    SELECT count(*)
                    FROM config_map_app_level c
                    JOIN app a ON a.id = c.app_id AND a.active = true
                    \(maps)
                  )
                  + (
                    SELECT count(*)
                    FROM config_map_env_level c
                    JOIN environment e ON e.id = c.environment_id AND e.active = true AND c.deleted = false
                    \(maps)
                  )
                """
        )
    }
}
