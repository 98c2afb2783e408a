/// Which features the apps use: git repositories, charts, tags, ConfigMaps, languages.
enum FeatureMetrics {
    static let all: [Metric] = configured + [
        appsWithLabels("appsWithPropagationTagsCount", propagate: true),
        appsWithLabels("appsWithNonPropagationTagsCount", propagate: false),
        Metric(
            orchestrator: ["appsWithDescriptionCount"],
            description: "Active apps with a description together with active Helm apps with notes, their ids merged as the orchestrator merges them (kept: the two tables' ids may coincide).",
            reads: ["app": ["id", "active", "description"], "installed_apps": ["id", "active", "notes"]],
            sql: """
                SELECT count(*)
                FROM (
                  SELECT id FROM app WHERE active = true AND trim(description) <> ''
                  UNION
                  SELECT id FROM installed_apps WHERE active = true AND trim(notes) <> ''
                ) AS described
                """
        ),
        Metric(
            orchestrator: ["appsWithCatalogDataCount"],
            description: "Active Helm apps with an active installed version of a chart-store chart version that exists.",
            reads: [
                "installed_apps": ["id", "active"], "installed_app_versions": ["installed_app_id", "active", "app_store_application_version_id"],
                "app_store_application_version": ["id"],
            ],
            sql: """
                SELECT count(*)
                FROM installed_apps i
                WHERE i.active = true
                  AND EXISTS (
                    SELECT 1
                    FROM installed_app_versions v
                    JOIN app_store_application_version s ON s.id = v.app_store_application_version_id
                    WHERE v.installed_app_id = i.id AND v.active = true
                  )
                """
        ),
        Metric(
            orchestrator: ["appsWithReadmeDataCount"],
            description: "Active apps with a non-blank readme (an app note).",
            reads: ["app": ["id", "active"], "generic_note": ["identifier", "identifier_type", "description"]],
            sql: """
                SELECT count(*)
                FROM app a
                WHERE a.active = true
                  AND EXISTS (
                    SELECT 1
                    FROM generic_note n
                    WHERE n.identifier_type = 1 AND n.identifier = a.id AND trim(n.description) <> ''
                  )
                """
        ),
    ] + maximums + [
        Metric(
            orchestrator: ["appsWithIncludeExcludeFilesCount"],
            description: "Active apps with an active git repository filtering files (a non-empty JSON array of patterns). Fixed: a value that is not an array no longer fails the count.",
            reads: ["app": ["id", "active"], "git_material": ["app_id", "active", "filter_pattern"]],
            sql: """
                SELECT count(*)
                FROM app a
                WHERE a.active = true
                  AND EXISTS (
                    SELECT 1
                    FROM git_material g
                    WHERE g.app_id = a.id AND g.active = true
                      AND CASE WHEN json_typeof(g.filter_pattern) = 'array' THEN json_array_length(g.filter_pattern) > 0 ELSE false END
                  )
                """
        ),
        languages("dockerfileLanguagesList", type: "managed-dockerfile-build", how: "Dockerfiles Devtron writes"),
        languages("buildpackLanguagesList", type: "buildpack-build", how: "buildpack builds"),
        appsWithChart("appsWithDeploymentChartCount", names: ["Deployment"]),
        appsWithChart("appsWithRolloutChartCount", names: ["Rollout Deployment"]),
        appsWithChart("appsWithStatefulsetCount", names: ["StatefulSet"]),
        appsWithChart("appsWithJobsCronjobsCount", names: ["Job & CronJob", "CronJob & Job", "Cron Job & Job"]),
        environmentsWithStrategy("environmentsWithPatchStrategyCount", strategy: "patch"),
        environmentsWithStrategy("environmentsWithReplaceStrategyCount", strategy: "replace"),
    ] + configMaps

    /// The five `appsWith…Configured`: active Devtron apps (app_type 0) with a row in `table`.
    static let configured: [Metric] = [
        appsConfigured("appsWithGitRepoConfigured", table: "git_material", what: "an active git repository", activeOnly: true),
        appsConfigured("appsWithDockerConfigured", table: "ci_template", what: "a build configuration (active or not)"),
        appsConfigured("appsWithDeploymentTemplateConfigured", table: "charts", what: "a deployment template (active or not)"),
        appsConfigured("appsWithCiPipelineConfigured", table: "ci_pipeline", what: "a CI pipeline, deleted or not"),
        appsConfigured("appsWithCdPipelineConfigured", table: "pipeline", what: "a CD pipeline, deleted or not"),
    ]

    static func appsConfigured(_ key: String, table: String, what: String, activeOnly: Bool = false) -> Metric {
        Metric(
            orchestrator: [key],
            description: "Active Devtron apps (app_type 0) with \(what). Fixed: the orchestrator computes it only below 50 apps.",
            reads: ["app": ["id", "active", "app_type"], table: ["app_id"] + (activeOnly ? ["active"] : [])],
            sql: """
                SELECT count(*)
                FROM app a
                WHERE a.active = true AND a.app_type = 0
                  AND EXISTS (SELECT 1 FROM \(table) t WHERE t.app_id = a.id\(activeOnly ? " AND t.active = true" : ""))
                """
        )
    }

    static func appsWithLabels(_ key: String, propagate: Bool) -> Metric {
        Metric(
            orchestrator: [key],
            description: "Active apps with a tag (label) that is \(propagate ? "" : "not ")propagated to their Kubernetes resources.",
            reads: ["app": ["id", "active"], "app_label": ["app_id", "propagate"]],
            sql: """
                SELECT count(*)
                FROM app a
                WHERE a.active = true
                  AND EXISTS (SELECT 1 FROM app_label l WHERE l.app_id = a.id AND l.propagate = \(propagate))
                """
        )
    }

    /// The languages of build configurations of `type` used by active apps' active CI templates,
    /// read from `build_metadata` (JSON text). Rows whose metadata is not a JSON object are skipped;
    /// a missing, null or empty language is `unknown`, one that is not a short identifier `other`.
    /// `OFFSET 0` keeps the planner from inlining the lateral subquery, which would copy the JSON
    /// check into each use of `d.metadata`.
    static func languages(_ key: String, type: String, how: String) -> Metric {
        Metric(
            orchestrator: [key],
            description: "Languages of active apps' \(how): unknown when not given, other when not a short identifier. Fixed: the orchestrator looks for type names never stored, so never sends it.",
            kind: .list,
            reads: ["ci_build_config": ["id", "type", "build_metadata"], "ci_template": ["ci_build_config_id", "app_id", "active"], "app": ["id", "active"]],
            sql: """
                SELECT DISTINCT
                  CASE
                    WHEN l.language IS NULL OR l.language IN ('null', '""') THEN 'unknown'
                    WHEN l.language ~ '^"[A-Za-z0-9+#._-]{1,32}"$' THEN btrim(l.language, '"')
                    ELSE 'other'
                  END
                FROM ci_build_config b
                JOIN ci_template t ON t.ci_build_config_id = b.id
                JOIN app a ON a.id = t.app_id
                CROSS JOIN LATERAL (SELECT \(jsonObject: "b.build_metadata") AS metadata OFFSET 0) d
                CROSS JOIN LATERAL (SELECT (d.metadata -> 'language')::text AS language) l
                WHERE b.type = '\(type)' AND t.active = true AND a.active = true AND d.metadata IS NOT NULL
                """
        )
    }

    static func appsWithChart(_ key: String, names: [String]) -> Metric {
        let list = names.map { "'\($0)'" }.joined(separator: ", ")
        let quoted = names.map { "\"\($0)\"" }
        let shown = quoted.count > 1 ? quoted.dropLast().joined(separator: ", ") + " or " + (quoted.last ?? "") : quoted.joined()
        return Metric(
            orchestrator: [key],
            description: "Active apps with an active deployment template on the active chart named \(shown)."
                + (names.count > 1 ? " Fixed: the orchestrator looks only for the name no release uses." : ""),
            reads: ["app": ["id", "active"], "charts": ["app_id", "active", "chart_ref_id"], "chart_ref": ["id", "active", "name"]],
            sql: """
                SELECT count(*)
                FROM app a
                WHERE a.active = true
                  AND EXISTS (
                    SELECT 1
                    FROM charts c
                    JOIN chart_ref r ON r.id = c.chart_ref_id
                    WHERE c.app_id = a.id AND c.active = true AND r.active = true
                      AND r.name IN (\(list))
                  )
                """
        )
    }

    static func environmentsWithStrategy(_ key: String, strategy: String) -> Metric {
        Metric(
            orchestrator: [key],
            description: "Active environments with an active deployment-template override merged by \(strategy).",
            reads: ["environment": ["id", "active"], "chart_env_config_override": ["target_environment", "active", "merge_strategy"]],
            sql: """
                SELECT count(*)
                FROM environment e
                WHERE e.active = true
                  AND EXISTS (
                    SELECT 1
                    FROM chart_env_config_override o
                    WHERE o.target_environment = e.id AND o.active = true AND o.merge_strategy = '\(strategy)'
                  )
                """
        )
    }
}
