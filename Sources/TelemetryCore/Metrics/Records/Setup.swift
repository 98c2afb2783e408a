/// How the installation is configured and used: git, registries, SSO, policies, counters.
enum SetupMetrics {
    static let all: [Metric] = [
        Metric(
            orchestrator: ["gitAccountsCount"],
            description: "Git accounts (git_provider rows) not deleted.",
            reads: ["git_provider": ["deleted"]],
            sql: "SELECT count(*) FROM git_provider WHERE deleted = false"
        ),
        Metric(
            orchestrator: ["gitOpsCount"],
            description: "GitOps configurations, inactive ones included (the orchestrator's quirk, kept).",
            reads: ["gitops_config": ["id"]],
            sql: "SELECT count(id) FROM gitops_config"
        ),
        Metric(
            orchestrator: ["registryCount"],
            description: "Active container registries.",
            reads: ["docker_artifact_store": ["active"]],
            sql: "SELECT count(*) FROM docker_artifact_store WHERE active = true"
        ),
        Metric(
            orchestrator: ["hostURL"],
            description: "Whether Devtron's host URL is set (an active `url` attribute; its value is never read). Fixed: two such rows no longer read as false.",
            kind: .flag,
            reads: ["attributes": ["key", "active"]],
            sql: "SELECT EXISTS (SELECT 1 FROM attributes WHERE key = 'url' AND active = true)"
        ),
        Metric(
            orchestrator: ["ssoLogin"],
            description: "Whether any SSO login is configured, active or not (the orchestrator's quirk, kept).",
            kind: .flag,
            reads: ["sso_login_config": ["id"]],
            sql: "SELECT EXISTS (SELECT id FROM sso_login_config)"
        ),
        Metric(
            orchestrator: ["build"],
            description: "Whether any CI build ever succeeded.",
            kind: .flag,
            reads: ["ci_workflow": ["status"]],
            sql: "SELECT EXISTS (SELECT 1 FROM ci_workflow WHERE status = 'Succeeded')"
        ),
        Metric(
            orchestrator: ["deployment"],
            description: "Whether any deployment ever became healthy.",
            kind: .flag,
            reads: ["cd_workflow_runner": ["status"]],
            sql: "SELECT EXISTS (SELECT 1 FROM cd_workflow_runner WHERE status = 'Healthy')"
        ),
        integrations("installedIntegrations", status: "installed", meaning: "installed"),
        integrations("installFailedIntegrations", status: "installFailed", meaning: "whose installation failed"),
        integrations("installTimedOutIntegrations", status: "timeout", meaning: "whose installation timed out"),
        integrations("installingIntegrations", status: "installing", meaning: "being installed"),
        Metric(
            orchestrator: ["LastLoginTime"],
            description: "When a user was last active (the latest user_audit update), 0001-01-01T00:00:00.000Z when never.",
            kind: .timestamp,
            reads: ["user_audit": ["updated_on"]],
            sql: """
                SELECT coalesce(
                  to_char(max(updated_on) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                  '0001-01-01T00:00:00.000Z'
                )
                FROM user_audit
                WHERE updated_on >= '0001-01-01T00:00:00Z' AND updated_on < '10000-01-01T00:00:00Z'
                """
        ),
        buildConfigurations("selfDockerfileCount", type: "self-dockerfile-build", how: "use the repository's own Dockerfile"),
        buildConfigurations("managedDockerfileCount", type: "managed-dockerfile-build", how: "use a Dockerfile Devtron writes"),
        buildConfigurations("buildPackCount", type: "buildpack-build", how: "use buildpacks"),
        counter("HelmAppAccessCounter", meaning: "How often Helm apps were opened"),
        counter("ChartStoreVisitCount", meaning: "How often the chart store was visited"),
        counter("HelmAppUpdateCounter", meaning: "How often Helm apps were updated"),
        Metric(
            orchestrator: ["SkippedOnboarding"],
            description: "Whether the admin skipped onboarding: SkippedOnboarding is \"true\" or true in the admin's user attributes. Fixed: JSON true was read as false.",
            kind: .flag,
            reads: ["user_attributes": ["email_id", "user_data"]],
            sql: """
                SELECT EXISTS (
                  SELECT 1 FROM user_attributes
                  WHERE lower(email_id) = 'admin'
                    AND CASE WHEN \(jsonDecodable: "user_data::text")
                      THEN json_typeof(user_data -> 'SkippedOnboarding') IN ('string', 'boolean')
                        AND user_data ->> 'SkippedOnboarding' = 'true'
                      ELSE false END
                )
                """
        ),
        Metric(
            orchestrator: ["helmChartSuccessfulDeploymentCount"],
            description: "Helm apps whose last deployment succeeded (status 6), inactive ones included (the orchestrator's quirk, kept).",
            reads: ["installed_apps": ["status"]],
            sql: "SELECT count(*) FROM installed_apps WHERE status = 6"
        ),
        Metric(
            orchestrator: ["userCreatedPluginCount"],
            description: "Shared plugins users created, exposed and not deleted.",
            reads: ["plugin_parent_metadata": ["deleted", "is_exposed", "type"]],
            sql: """
                SELECT count(*)
                FROM plugin_parent_metadata
                WHERE deleted = false AND is_exposed = true AND type = 'SHARED'
                """
        ),
        policies("deploymentWindowPolicyCount", of: "DEPLOYMENT_WINDOW", meaning: "Deployment-window policies"),
        policies("approvalPolicyCount", of: "APPROVAL", meaning: "Approval policies"),
        policies("pluginPolicyCount", of: "PLUGIN", meaning: "Plugin policies"),
        policies("lockDeploymentConfigurationPolicyCount", of: "LOCK_CONFIGURATION", meaning: "Configuration-lock policies"),
        Metric(
            orchestrator: ["tagsPolicyCount"],
            description: "Plugin tags not deleted, despite the name (the orchestrator's quirk, kept).",
            reads: ["plugin_tag": ["deleted"]],
            sql: "SELECT count(*) FROM plugin_tag WHERE deleted = false"
        ),
        Metric(
            orchestrator: ["filterConditionPolicyCount"],
            description: "Filter conditions (resource_filter rows) not deleted.",
            reads: ["resource_filter": ["deleted"]],
            sql: "SELECT count(*) FROM resource_filter WHERE deleted = false"
        ),
        Metric(
            orchestrator: ["appliedPolicyRowCount"],
            description: "Policies not deleted, plus the resources of active qualifier mappings found by joining unrelated ids as the orchestrator does (kept, to stay comparable).",
            reads: [
                "global_policy": ["id", "deleted"], "resource_qualifier_mapping": ["id", "resource_id", "active"],
                "resource_qualifier_mapping_criteria": ["id"],
            ],
            sql: """
                SELECT (SELECT count(*) FROM global_policy WHERE deleted = false)
                  + (
                    SELECT count(DISTINCT m.resource_id)
                    FROM resource_qualifier_mapping m
                    JOIN resource_qualifier_mapping_criteria c ON c.id = m.id
                    JOIN global_policy g ON g.id = c.id
                    WHERE m.active = true AND g.deleted = false
                  )
                """
        ),
        pipelines("gitOpsPipelineCount", type: "argo_cd", how: "through Argo CD (GitOps)"),
        pipelines("helmPipelineCount", type: "helm", how: "with Helm"),
    ]

    /// The four integration lists: names of the modules in `status`. A name that is not a short
    /// identifier (Devtron writes its own names) is sent as `other`.
    static func integrations(_ key: String, status: String, meaning: String) -> Metric {
        Metric(
            orchestrator: [key],
            description: "Names of the integrations (modules) \(meaning); a name that is not a short identifier is sent as \"other\".",
            kind: .list,
            reads: ["module": ["name", "status"]],
            sql: """
                SELECT DISTINCT CASE WHEN name ~ '^[A-Za-z0-9+#._-]{1,64}$' THEN name::text ELSE 'other' END
                FROM module
                WHERE status = '\(status)'
                """
        )
    }

    /// `selfDockerfileCount`, `managedDockerfileCount`, `buildPackCount`: every build
    /// configuration of the type, templates, overrides and those of deleted apps alike.
    static func buildConfigurations(_ key: String, type: String, how: String) -> Metric {
        Metric(
            orchestrator: [key],
            description: "Build configurations that \(how), every row (overrides and deleted apps' included: the orchestrator's quirk, kept).",
            reads: ["ci_build_config": ["type"]],
            sql: "SELECT count(*) FROM ci_build_config WHERE type = '\(type)'"
        )
    }

    /// The dashboard's counters in `attributes`: the largest decimal value of the active rows of
    /// `key`, as text; "0" when there is none. Other values are never read out.
    static func counter(_ key: String, meaning: String) -> Metric {
        Metric(
            orchestrator: [key],
            description: "\(meaning) (the active attribute's decimal value, the largest of several; \"0\" when none).",
            kind: .textCounter,
            reads: ["attributes": ["key", "value", "active"]],
            sql: """
                SELECT coalesce(max(value::numeric), 0)::text
                FROM attributes
                WHERE key = '\(key)' AND active = true AND value ~ '^[0-9]+$'
                """
        )
    }

    static func policies(_ key: String, of kind: String, meaning: String) -> Metric {
        Metric(
            orchestrator: [key],
            description: "\(meaning) not deleted (global_policy rows of \(kind)).",
            reads: ["global_policy": ["deleted", "policy_of"]],
            sql: "SELECT count(*) FROM global_policy WHERE deleted = false AND policy_of = '\(kind)'"
        )
    }

    static func pipelines(_ key: String, type: String, how: String) -> Metric {
        Metric(
            orchestrator: [key],
            description: "CD pipelines not deleted that deploy \(how).",
            reads: ["pipeline": ["id", "deleted", "deployment_app_type"]],
            sql: "SELECT count(DISTINCT id) FROM pipeline WHERE deleted = false AND deployment_app_type = '\(type)'"
        )
    }
}
