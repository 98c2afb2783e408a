/// What one metric's statement returns, by the metric's kind: `int` for a count or maximum, `bool`
/// for a flag, `text` for a text counter or timestamp, `list` for a list (compared in code-point
/// order).
package enum ExpectedValue: Equatable, Sendable, CustomStringConvertible {
    case int(Int)
    case bool(Bool)
    case text(String)
    case list([String])

    package var description: String {
        switch self {
        case .int(let value): return "\(value)"
        case .bool(let value): return "\(value)"
        case .text(let value): return "\"\(value)\""
        case .list(let values): return "[\(values.map { "\"\($0)\"" }.joined(separator: ", "))]"
        }
    }
}

/// The seed layout's seven counts on Tests/Fixtures/tricky-rows.sql, worked out from its rows (each
/// row's comment there says whether and why it counts): the one place the tests take them from.
package enum TrickyFixtureExpectations {
    package static let seedCounts: [String: Int] = [
        "cdCountPerDay": 4, "ciCountPerDay": 2, "clusterCount": 2, "environmentCount": 3,
        "nonProdAppCount": 3, "prodAppCount": 2, "userCount": 5,
    ]
}

/// The value of every catalog record (by its `id`) on the two orchestrator fixtures, worked out by
/// hand from the rows, never copied from the program's output.
package enum OrchestratorFixtureExpectations {
    /// Tests/Fixtures/orchestrator-rows.sql on sql/schema.sql; the file's header comment says which
    /// rows make each value, and each row's comment what it counts toward.
    package static let orchestratorRows: [String: ExpectedValue] = [
        // Apps, users, clusters, environments
        "userCount": .int(3), "clusterCount": .int(3), "physicalClusterCount": .int(2), "isolatedClusterCount": .int(1),
        "environmentCount": .int(4), "prodAppCount": .int(2), "nonProdAppCount": .int(3), "appCount": .int(26),
        "jobCount": .int(1), "helmAppCount": .int(3), "projectsWithZeroAppsCount": .int(2),
        // Pipelines and runs in the window
        "cdCreatedPerDay": .int(4), "ciCreatedPerDay": .int(3), "cdDeletedPerDay": .int(1), "ciDeletedPerDay": .int(1),
        "ciTriggeredPerDay": .int(9), "cdTriggeredPerDay": .int(3), "jobPipelineCount": .int(2),
        "jobPipelineTriggeredLast24h": .int(2), "jobPipelineSucceededLast24h": .int(1),
        "selfDockerfileSuccessCount": .int(3), "selfDockerfileFailureCount": .int(2),
        "managedDockerfileSuccessCount": .int(1), "managedDockerfileFailureCount": .int(2),
        "buildPackSuccessCount": .int(1), "buildPackFailureCount": .int(1), "activeUsersLast30Days": .int(4),
        // Configuration and usage
        "gitAccountsCount": .int(2), "gitOpsCount": .int(2), "registryCount": .int(2), "hostURL": .bool(true),
        "ssoLogin": .bool(true), "build": .bool(true), "deployment": .bool(true),
        "installedIntegrations": .list(["argo-cd", "cicd", "other", "security.trivy"]),
        "installFailedIntegrations": .list(["Velero", "notifier"]),
        "installTimedOutIntegrations": .list(["monitoring.grafana"]),
        "installingIntegrations": .list(["security.clair"]),
        "LastLoginTime": .text("2999-01-02T03:04:05.678Z"),
        "selfDockerfileCount": .int(3), "managedDockerfileCount": .int(23), "buildPackCount": .int(4),
        "HelmAppAccessCounter": .text("12"), "ChartStoreVisitCount": .text("0"),
        "HelmAppUpdateCounter": .text("99999999999999999999999"), "SkippedOnboarding": .bool(true),
        "helmChartSuccessfulDeploymentCount": .int(4), "userCreatedPluginCount": .int(2),
        "deploymentWindowPolicyCount": .int(1), "approvalPolicyCount": .int(2), "pluginPolicyCount": .int(1),
        "lockDeploymentConfigurationPolicyCount": .int(1), "tagsPolicyCount": .int(2), "filterConditionPolicyCount": .int(2),
        "appliedPolicyRowCount": .int(9), "gitOpsPipelineCount": .int(3), "helmPipelineCount": .int(5),
        // App features
        "appsWithGitRepoConfigured": .int(3), "appsWithDockerConfigured": .int(25),
        "appsWithDeploymentTemplateConfigured": .int(5), "appsWithCiPipelineConfigured": .int(4),
        "appsWithCdPipelineConfigured": .int(5), "appsWithPropagationTagsCount": .int(3),
        "appsWithNonPropagationTagsCount": .int(2), "appsWithDescriptionCount": .int(3),
        "appsWithCatalogDataCount": .int(1), "appsWithReadmeDataCount": .int(2),
        "highestEnvironmentCountInApp": .int(3), "highestAppCountInEnvironment": .int(2),
        "highestWorkflowCountInApp": .int(2), "highestEnvironmentCountInWorkflow": .int(3),
        "highestGitRepoCountInApp": .int(3), "appsWithIncludeExcludeFilesCount": .int(3),
        "dockerfileLanguagesList": .list(["C#", "Go", "c++", "java", "other", "unknown"]),
        "buildpackLanguagesList": .list(["node", "python"]),
        "appsWithDeploymentChartCount": .int(1), "appsWithRolloutChartCount": .int(1),
        "appsWithStatefulsetCount": .int(1), "appsWithJobsCronjobsCount": .int(3),
        "environmentsWithPatchStrategyCount": .int(1), "environmentsWithReplaceStrategyCount": .int(2),
        "externalConfigMapCount": .int(5), "internalConfigMapCount": .int(4),
    ]

    /// sql/demo.sql on sql/schema.sql, as its header works them out; `LastLoginTime` is left out
    /// (3 hours before loading: it moves) and checked on its own.
    package static let demo: [String: ExpectedValue] = [
        "userCount": .int(4), "clusterCount": .int(2), "physicalClusterCount": .int(2), "isolatedClusterCount": .int(0),
        "environmentCount": .int(3), "prodAppCount": .int(1), "nonProdAppCount": .int(2), "appCount": .int(2),
        "jobCount": .int(1), "helmAppCount": .int(1), "projectsWithZeroAppsCount": .int(1),
        "cdCreatedPerDay": .int(2), "ciCreatedPerDay": .int(1), "cdDeletedPerDay": .int(1), "ciDeletedPerDay": .int(0),
        "ciTriggeredPerDay": .int(3), "cdTriggeredPerDay": .int(2), "jobPipelineCount": .int(1),
        "jobPipelineTriggeredLast24h": .int(1), "jobPipelineSucceededLast24h": .int(1),
        "selfDockerfileSuccessCount": .int(1), "selfDockerfileFailureCount": .int(1),
        "managedDockerfileSuccessCount": .int(1), "managedDockerfileFailureCount": .int(0),
        "buildPackSuccessCount": .int(0), "buildPackFailureCount": .int(0), "activeUsersLast30Days": .int(3),
        "gitAccountsCount": .int(1), "gitOpsCount": .int(1), "registryCount": .int(1), "hostURL": .bool(true),
        "ssoLogin": .bool(false), "build": .bool(true), "deployment": .bool(true),
        "installedIntegrations": .list(["argo-cd", "cicd"]), "installFailedIntegrations": .list([]),
        "installTimedOutIntegrations": .list([]), "installingIntegrations": .list(["security.trivy"]),
        "selfDockerfileCount": .int(1), "managedDockerfileCount": .int(1), "buildPackCount": .int(1),
        "HelmAppAccessCounter": .text("14"), "ChartStoreVisitCount": .text("9"), "HelmAppUpdateCounter": .text("0"),
        "SkippedOnboarding": .bool(true), "helmChartSuccessfulDeploymentCount": .int(1), "userCreatedPluginCount": .int(1),
        "deploymentWindowPolicyCount": .int(0), "approvalPolicyCount": .int(1), "pluginPolicyCount": .int(0),
        "lockDeploymentConfigurationPolicyCount": .int(0), "tagsPolicyCount": .int(1), "filterConditionPolicyCount": .int(0),
        "appliedPolicyRowCount": .int(1), "gitOpsPipelineCount": .int(2), "helmPipelineCount": .int(1),
        "appsWithGitRepoConfigured": .int(2), "appsWithDockerConfigured": .int(2),
        "appsWithDeploymentTemplateConfigured": .int(2), "appsWithCiPipelineConfigured": .int(2),
        "appsWithCdPipelineConfigured": .int(2), "appsWithPropagationTagsCount": .int(1),
        "appsWithNonPropagationTagsCount": .int(1), "appsWithDescriptionCount": .int(2),
        "appsWithCatalogDataCount": .int(1), "appsWithReadmeDataCount": .int(1),
        "highestEnvironmentCountInApp": .int(2), "highestAppCountInEnvironment": .int(2),
        "highestWorkflowCountInApp": .int(1), "highestEnvironmentCountInWorkflow": .int(2),
        "highestGitRepoCountInApp": .int(2), "appsWithIncludeExcludeFilesCount": .int(1),
        "dockerfileLanguagesList": .list(["java"]), "buildpackLanguagesList": .list(["go"]),
        "appsWithDeploymentChartCount": .int(1), "appsWithRolloutChartCount": .int(1),
        "appsWithStatefulsetCount": .int(0), "appsWithJobsCronjobsCount": .int(0),
        "environmentsWithPatchStrategyCount": .int(1), "environmentsWithReplaceStrategyCount": .int(1),
        "externalConfigMapCount": .int(1), "internalConfigMapCount": .int(1),
    ]

    /// The rows a fresh install holds, as the orchestrator schema's header lists them.
    package static let freshInstallRows = """
        INSERT INTO users (id, email_id, active, user_type) VALUES (1, 'system', true, NULL), (2, 'admin', true, NULL);
        INSERT INTO team (id, name, active, created_on, created_by, updated_on, updated_by) VALUES (1, 'devtron-demo', true, now(), 1, now(), 1);
        INSERT INTO cluster (id, cluster_name, active, created_on, created_by, updated_on, updated_by) VALUES (1, 'default_cluster', true, now(), 1, now(), 1);
        INSERT INTO environment (id, environment_name, cluster_id, active, "default", environment_identifier, created_on, created_by, updated_on, updated_by)
          VALUES (1, 'devtron-demo', 1, true, false, 'devtron-demo', now(), 1, now(), 1);
        """

    /// `freshInstallRows` on the full orchestrator schema: the two built-in users, one physical
    /// cluster (is_virtual_cluster NULL), one environment, and the project devtron-demo without an
    /// app; no login yet, counters "0", flags false, lists empty, everything else 0.
    package static let freshInstall: [String: ExpectedValue] = {
        var values = orchestratorRows.mapValues { value -> ExpectedValue in
            switch value {
            case .int: return .int(0)
            case .bool: return .bool(false)
            case .text: return .text("0")
            case .list: return .list([])
            }
        }
        values["userCount"] = .int(2)
        values["clusterCount"] = .int(1)
        values["physicalClusterCount"] = .int(1)
        values["environmentCount"] = .int(1)
        values["projectsWithZeroAppsCount"] = .int(1)
        values["LastLoginTime"] = .text("0001-01-01T00:00:00.000Z")
        return values
    }()
}
