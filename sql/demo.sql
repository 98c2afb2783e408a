-- Demo rows: what a fresh Devtron install holds (users system and admin, project devtron-demo,
-- cluster default_cluster, environment devtron-demo), plus a small team's apps, pipelines, users,
-- clusters, builds, deployments and settings. Timestamps are relative to now(), so the 24-hour and
-- 30-day values mean something whenever it is loaded.
-- Expected Summary: cdCountPerDay 2, ciCountPerDay 1, clusterCount 2, environmentCount 3,
--                   nonProdAppCount 2, prodAppCount 1, userCount 4.
-- Expected orchestrator layout, besides those seven (the first two under cdCreatedPerDay and
-- ciCreatedPerDay), worked out from the rows below:
--   appCount = devtronAppCount 2 (storefront, payments), jobCount 1 (nightly-report), helmAppCount 1
--   (redis), physicalClusterCount 2, isolatedClusterCount 0, projectsWithZeroAppsCount 1 (platform);
--   cdDeletedPerDay 1 (payments-demo), ciDeletedPerDay 0, ciTriggeredPerDay 3 (the three CI
--   pipelines ran), cdTriggeredPerDay 2 (storefront-staging and payments-staging deployed;
--   storefront-prod 3 days ago), jobPipelineCount 1, jobPipelineTriggeredLast24h 1,
--   jobPipelineSucceededLast24h 1, selfDockerfileSuccessCount 1, selfDockerfileFailureCount 1,
--   managedDockerfileSuccessCount 1, managedDockerfileFailureCount 0 (its failure is 26 h old),
--   buildPackSuccessCount 0, buildPackFailureCount 0, activeUsersLast30Days 3 (admin, dev, ops);
--   gitAccountsCount 1, gitOpsCount 1, registryCount 1, hostURL true, ssoLogin false, build true,
--   deployment true, installedIntegrations ["argo-cd", "cicd"], installFailedIntegrations [],
--   installTimedOutIntegrations [], installingIntegrations ["security.trivy"], LastLoginTime 3 hours
--   before loading (admin), selfDockerfileCount 1, managedDockerfileCount 1, buildPackCount 1,
--   HelmAppAccessCounter "14", ChartStoreVisitCount "9", HelmAppUpdateCounter "0",
--   SkippedOnboarding true, helmChartSuccessfulDeploymentCount 1, userCreatedPluginCount 1,
--   deploymentWindowPolicyCount 0, approvalPolicyCount 1, pluginPolicyCount 0,
--   lockDeploymentConfigurationPolicyCount 0, tagsPolicyCount 1, filterConditionPolicyCount 0,
--   appliedPolicyRowCount 1, gitOpsPipelineCount 2 (storefront's two), helmPipelineCount 1
--   (payments-staging; payments-demo is deleted);
--   appsWithGitRepoConfigured 2, appsWithDockerConfigured 2, appsWithDeploymentTemplateConfigured 2,
--   appsWithCiPipelineConfigured 2, appsWithCdPipelineConfigured 2, appsWithPropagationTagsCount 1,
--   appsWithNonPropagationTagsCount 1, appsWithDescriptionCount 2 (nightly-report's description,
--   redis's notes), appsWithCatalogDataCount 1, appsWithReadmeDataCount 1,
--   highestEnvironmentCountInApp 2 (storefront), highestAppCountInEnvironment 2 (staging),
--   highestWorkflowCountInApp 1, highestEnvironmentCountInWorkflow 2 (storefront-wf),
--   highestGitRepoCountInApp 2 (payments), appsWithIncludeExcludeFilesCount 1 (payments),
--   dockerfileLanguagesList ["java"], buildpackLanguagesList ["go"], appsWithDeploymentChartCount 1,
--   appsWithRolloutChartCount 1, appsWithStatefulsetCount 0, appsWithJobsCronjobsCount 0,
--   environmentsWithPatchStrategyCount 1 (prod), environmentsWithReplaceStrategyCount 1 (staging),
--   externalConfigMapCount 1, internalConfigMapCount 1.

-- A fresh install.
INSERT INTO users (id, email_id, active, user_type, created_on, updated_on) VALUES
  (1, 'system', true, NULL, now() - interval '90 days', now() - interval '90 days'),
  (2, 'admin', true, NULL, now() - interval '90 days', now() - interval '90 days');
INSERT INTO team (id, name, active, created_on, created_by, updated_on, updated_by) VALUES
  (1, 'devtron-demo', true, now() - interval '90 days', 1, now() - interval '90 days', 1);
INSERT INTO cluster (id, cluster_name, active, server_url, created_on, created_by, updated_on, updated_by) VALUES
  (1, 'default_cluster', true, 'https://kubernetes.default.svc', now() - interval '90 days', 1, now() - interval '90 days', 1);
INSERT INTO environment (id, environment_name, cluster_id, active, "default", namespace, environment_identifier,
                         created_on, created_by, updated_on, updated_by) VALUES
  (1, 'devtron-demo', 1, true, false, 'devtron-demo', 'default_cluster__devtron-demo', now() - interval '90 days', 1, now() - interval '90 days', 1);

-- A small team's use of it.
INSERT INTO users (id, email_id, active, user_type, created_on, updated_on) VALUES
  (3, 'dev@example.com', true, NULL, now() - interval '30 days', now() - interval '30 days'),
  (4, 'ops@example.com', true, NULL, now() - interval '30 days', now() - interval '30 days'),
  (5, 'API-TOKEN:ci', true, 'apiToken', now() - interval '20 days', now() - interval '20 days');
INSERT INTO cluster (id, cluster_name, active, server_url, created_on, created_by, updated_on, updated_by) VALUES
  (2, 'production', true, 'https://prod.example.com:6443', now() - interval '60 days', 2, now() - interval '60 days', 2);
INSERT INTO environment (id, environment_name, cluster_id, active, "default", namespace, environment_identifier,
                         created_on, created_by, updated_on, updated_by) VALUES
  (2, 'staging', 1, true, false, 'staging', 'default_cluster__staging', now() - interval '60 days', 2, now() - interval '60 days', 2),
  (3, 'prod', 2, true, true, 'prod', 'production__prod', now() - interval '60 days', 2, now() - interval '60 days', 2);
INSERT INTO app (id, app_name, active, team_id, created_on, created_by, updated_on, updated_by) VALUES
  (1, 'storefront', true, 1, now() - interval '50 days', 3, now() - interval '50 days', 3),
  (2, 'payments', true, 1, now() - interval '2 hours', 3, now() - interval '2 hours', 3);
INSERT INTO ci_pipeline (id, app_id, name, active, deleted, created_on, created_by, updated_on, updated_by) VALUES
  (1, 1, 'storefront-ci', true, false, now() - interval '50 days', 3, now() - interval '50 days', 3),
  (2, 2, 'payments-ci', true, false, now() - interval '2 hours', 3, now() - interval '2 hours', 3);
INSERT INTO pipeline (id, app_id, ci_pipeline_id, environment_id, trigger_type, pipeline_name, deleted,
                      deployment_app_type, created_on, created_by, updated_on, updated_by) VALUES
  (1, 1, 1, 2, 'AUTOMATIC', 'storefront-staging', false, 'argo_cd', now() - interval '50 days', 3, now() - interval '50 days', 3),
  (2, 1, 1, 3, 'MANUAL', 'storefront-prod', false, 'argo_cd', now() - interval '50 days', 3, now() - interval '50 days', 3),
  (3, 2, 2, 2, 'AUTOMATIC', 'payments-staging', false, 'helm', now() - interval '2 hours', 3, now() - interval '2 hours', 3),
  (4, 2, 2, 1, 'AUTOMATIC', 'payments-demo', true, 'helm', now() - interval '1 hour', 3, now() - interval '1 hour', 3);

-- A job, a chart installed from the chart store, and a project without apps yet.
INSERT INTO team (id, name, active, created_on, created_by, updated_on, updated_by) VALUES
  (2, 'platform', true, now() - interval '20 days', 2, now() - interval '20 days', 2);
INSERT INTO app (id, app_name, active, team_id, app_type, app_store, description, created_on, created_by, updated_on, updated_by) VALUES
  (3, 'nightly-report', true, 1, 2, false, 'Builds the nightly sales report', now() - interval '40 days', 3, now() - interval '40 days', 3),
  (4, 'redis', true, 1, 1, true, NULL, now() - interval '30 days', 4, now() - interval '30 days', 4);
INSERT INTO app_store_application_version (id, name, version, app_version, values_yaml, chart_yaml, app_store_id, created_on, updated_on) VALUES
  (1, 'redis', '17.11.3', '7.0.11', '{}', '{}', 1, now() - interval '30 days', now() - interval '30 days');
INSERT INTO installed_apps (id, app_id, environment_id, active, status, deployment_app_type, notes, created_on, created_by, updated_on, updated_by) VALUES
  (1, 4, 2, true, 6, 'helm', 'Redis is reachable at redis-master.staging.svc', now() - interval '30 days', 4, now() - interval '30 days', 4);
INSERT INTO installed_app_versions (installed_app_id, app_store_application_version_id, active, created_on, updated_on) VALUES
  (1, 1, true, now() - interval '30 days', now() - interval '30 days');
INSERT INTO ci_pipeline (id, app_id, name, active, deleted, ci_pipeline_type, created_on, created_by, updated_on, updated_by) VALUES
  (3, 3, 'nightly-report-job', true, false, 'CI_JOB', now() - interval '40 days', 3, now() - interval '40 days', 3);

-- Builds: the last day's runs, and how each app builds.
INSERT INTO ci_workflow (name, ci_pipeline_id, triggered_by, started_on, finished_on, status, ci_build_type) VALUES
  ('storefront-ci-101', 1, 3, now() - interval '3 hours', now() - interval '170 minutes', 'Succeeded', 'managed-dockerfile-build'),
  ('storefront-ci-100', 1, 3, now() - interval '26 hours', now() - interval '25 hours 50 minutes', 'Failed', 'managed-dockerfile-build'),
  ('payments-ci-12', 2, 3, now() - interval '90 minutes', now() - interval '85 minutes', 'Succeeded', 'self-dockerfile-build'),
  ('payments-ci-13', 2, 3, now() - interval '1 hour', now() - interval '55 minutes', 'Failed', 'self-dockerfile-build'),
  ('nightly-report-job-40', 3, 1, now() - interval '6 hours', now() - interval '5 hours', 'Succeeded', 'skip-build');
INSERT INTO ci_build_config (id, type, build_metadata, created_on, updated_on) VALUES
  (1, 'managed-dockerfile-build', '{"language":"java","languageFramework":"maven","targetPlatform":"linux/amd64"}', now() - interval '50 days', now() - interval '50 days'),
  (2, 'self-dockerfile-build', '{"dockerfileRelativePath":"Dockerfile","dockerfileRepository":"payments"}', now() - interval '2 hours', now() - interval '2 hours'),
  (3, 'buildpack-build', '{"builderId":"paketobuildpacks/builder:base","language":"go","languageVersion":"1.21"}', now() - interval '40 days', now() - interval '40 days');
INSERT INTO docker_artifact_store (id, plugin_id, registry_url, registry_type, username, password, is_default, active, created_on, created_by, updated_on, updated_by) VALUES
  ('docker-hub', 'cd.go.artifact.docker.registry', 'docker.io', 'docker-hub', 'demo', 'not-a-real-password', true, true, now() - interval '60 days', 2, now() - interval '60 days', 2);
INSERT INTO ci_template (app_id, ci_build_config_id, docker_registry_id, docker_repository, active, created_on, created_by, updated_on, updated_by) VALUES
  (1, 1, 'docker-hub', 'demo/storefront', true, now() - interval '50 days', 3, now() - interval '50 days', 3),
  (2, 2, 'docker-hub', 'demo/payments', true, now() - interval '2 hours', 3, now() - interval '2 hours', 3),
  (3, 3, 'docker-hub', 'demo/nightly-report', true, now() - interval '40 days', 3, now() - interval '40 days', 3);
INSERT INTO git_provider (id, name, url, auth_mode, active, deleted, created_on, created_by, updated_on, updated_by) VALUES
  (1, 'github-public', 'https://github.com', 'ANONYMOUS', true, false, now() - interval '60 days', 2, now() - interval '60 days', 2);
INSERT INTO git_material (app_id, git_provider_id, active, name, url, checkout_path, filter_pattern, created_on, created_by, updated_on, updated_by) VALUES
  (1, 1, true, 'storefront', 'https://github.com/example/storefront.git', './', '[]', now() - interval '50 days', 3, now() - interval '50 days', 3),
  (2, 1, true, 'payments', 'https://github.com/example/payments.git', './', '["!docs/**"]', now() - interval '2 hours', 3, now() - interval '2 hours', 3),
  (2, 1, true, 'payments-lib', 'https://github.com/example/payments-lib.git', './lib', '[]', now() - interval '2 hours', 3, now() - interval '2 hours', 3);

-- Deployments: charts, overrides, workflows, ConfigMaps and the last runs.
INSERT INTO chart_ref (id, name, version, location, is_default, active) VALUES
  (1, 'Deployment', '4.18.0', 'deployment-chart_4-18-0', false, true),
  (2, 'Rollout Deployment', '4.18.0', 'reference-chart_4-18-0', true, true),
  (3, 'StatefulSet', '5.0.0', 'statefulset-chart_5-0-0', false, true),
  (4, 'Job & CronJob', '1.5.0', 'cronjob-chart_1-5-0', false, true);
INSERT INTO charts (id, app_id, chart_ref_id, active, chart_name, chart_version, chart_repo, chart_repo_url, status,
                    reference_template, values_yaml, global_override, release_override, created_on, created_by, updated_on, updated_by) VALUES
  (1, 1, 2, true, 'storefront', '4.18.0', 'devtron-charts', 'https://charts.example.com', 'DEPLOYED', 'reference-chart_4-18-0', '{}', '{}', '{}', now() - interval '50 days', 3, now() - interval '50 days', 3),
  (2, 2, 1, true, 'payments', '4.18.0', 'devtron-charts', 'https://charts.example.com', 'DEPLOYED', 'deployment-chart_4-18-0', '{}', '{}', '{}', now() - interval '2 hours', 3, now() - interval '2 hours', 3);
INSERT INTO chart_env_config_override (chart_id, target_environment, active, merge_strategy, env_override_yaml, status, reviewed, created_on, created_by, updated_on, updated_by) VALUES
  (1, 3, true, 'patch', '{"replicaCount": 3}', 'DEPLOYED', true, now() - interval '50 days', 3, now() - interval '50 days', 3),
  (2, 2, true, 'replace', '{"replicaCount": 1}', 'DEPLOYED', true, now() - interval '2 hours', 3, now() - interval '2 hours', 3);
INSERT INTO app_workflow (id, name, app_id, active, created_on, updated_on) VALUES
  (1, 'storefront-wf', 1, true, now() - interval '50 days', now() - interval '50 days'),
  (2, 'payments-wf', 2, true, now() - interval '2 hours', now() - interval '2 hours');
INSERT INTO app_workflow_mapping (app_workflow_id, type, component_id, parent_type, active) VALUES
  (1, 'CI_PIPELINE', 1, NULL, true), (1, 'CD_PIPELINE', 1, 'CI_PIPELINE', true), (1, 'CD_PIPELINE', 2, 'CD_PIPELINE', true),
  (2, 'CI_PIPELINE', 2, NULL, true), (2, 'CD_PIPELINE', 3, 'CI_PIPELINE', true);
INSERT INTO config_map_app_level (app_id, config_map_data, created_on, updated_on) VALUES
  (1, '{"maps":[{"name":"storefront-config","type":"environment","external":false,"data":{"LOG_LEVEL":"info"}}]}', now() - interval '50 days', now() - interval '50 days');
INSERT INTO config_map_env_level (app_id, environment_id, deleted, config_map_data, created_on, updated_on) VALUES
  (1, 3, false, '{"maps":[{"name":"storefront-prod","type":"environment","external":true,"data":{}}]}', now() - interval '50 days', now() - interval '50 days');
INSERT INTO cd_workflow (id, ci_artifact_id, pipeline_id, workflow_status, created_on, updated_on) VALUES
  (1, 1, 1, 'WORKFLOW_SUCCESSFUL', now() - interval '2 hours', now() - interval '2 hours'),
  (2, 2, 3, 'WORKFLOW_SUCCESSFUL', now() - interval '1 hour', now() - interval '1 hour'),
  (3, 1, 2, 'WORKFLOW_SUCCESSFUL', now() - interval '3 days', now() - interval '3 days');
INSERT INTO cd_workflow_runner (name, workflow_type, executor_type, status, started_on, finished_on, cd_workflow_id) VALUES
  ('storefront-staging-deploy', 'DEPLOY', 'AWF', 'Healthy', now() - interval '2 hours', now() - interval '115 minutes', 1),
  ('payments-staging-deploy', 'DEPLOY', 'AWF', 'Healthy', now() - interval '1 hour', now() - interval '55 minutes', 2),
  ('storefront-prod-deploy', 'DEPLOY', 'AWF', 'Healthy', now() - interval '3 days', now() - interval '3 days', 3);

-- Tags, notes and policies.
INSERT INTO app_label (app_id, key, value, propagate) VALUES
  (1, 'team', 'shop', true), (2, 'owner', 'payments', false);
INSERT INTO generic_note (identifier, identifier_type, description, created_on, created_by) VALUES
  (1, 1, 'Storefront: the public web shop. Owned by the shop team.', now() - interval '45 days', 3);
INSERT INTO plugin_parent_metadata (name, identifier, deleted, type, is_exposed, description, created_on, created_by, updated_on, updated_by) VALUES
  ('Slack notifier', 'slack-notifier', false, 'SHARED', true, 'Posts the build result to a channel', now() - interval '25 days', 4, now() - interval '25 days', 4);
INSERT INTO plugin_tag (name, deleted) VALUES ('Notification', false);
INSERT INTO global_policy (name, policy_of, version, deleted, enabled, policy_json, created_on, created_by, updated_on, updated_by) VALUES
  ('prod-approval', 'APPROVAL', 'v1', false, true, '{"approvers":1}', now() - interval '20 days', 2, now() - interval '20 days', 2);

-- Settings, integrations, logins and dashboard counters.
INSERT INTO gitops_config (provider, username, host, github_org_id, active, created_on, updated_on) VALUES
  ('GITHUB', 'demo-bot', 'https://github.com', 'example', true, now() - interval '60 days', now() - interval '60 days');
INSERT INTO attributes (key, value, active, created_on, updated_on) VALUES
  ('url', 'https://devtron.example.com', true, now() - interval '90 days', now() - interval '90 days'),
  ('HelmAppAccessCounter', '14', true, now() - interval '30 days', now() - interval '1 day'),
  ('ChartStoreVisitCount', '9', true, now() - interval '30 days', now() - interval '2 days');
INSERT INTO module (name, version, status, module_type, updated_on) VALUES
  ('cicd', '2.2.0', 'installed', NULL, now() - interval '90 days'),
  ('argo-cd', '2.2.0', 'installed', 'argo-cd', now() - interval '90 days'),
  ('security.trivy', '2.2.0', 'installing', 'security', now() - interval '5 minutes');
INSERT INTO user_attributes (email_id, user_data, created_on, updated_on) VALUES
  ('admin', '{"SkippedOnboarding":"true"}', now() - interval '90 days', now() - interval '90 days');
INSERT INTO user_audit (user_id, client_ip, created_on, updated_on) VALUES
  (2, '10.0.0.10', now() - interval '90 days', now() - interval '3 hours'),
  (3, '10.0.0.11', now() - interval '30 days', now() - interval '1 day'),
  (4, '10.0.0.12', now() - interval '30 days', now() - interval '10 days'),
  (3, '10.0.0.13', now() - interval '40 days', now() - interval '40 days');

-- Keep the sequences ahead of the explicit ids, as the orchestrator's inserts would leave them.
SELECT setval('users_id_seq', 5), setval('cluster_id_seq', 2), setval('environment_id_seq', 3),
       setval('app_id_seq', 4), setval('ci_pipeline_id_seq', 3), setval('pipeline_id_seq', 4),
       setval('team_id_seq', 2), setval('installed_apps_id_seq', 1), setval('app_store_application_version_id_seq', 1),
       setval('id_seq_ci_build_config', 3), setval('git_provider_id_seq', 1), setval('id_seq_chart_ref', 4),
       setval('charts_id_seq', 2), setval('cd_workflow_id_seq', 3), setval('app_workflow_id_seq', 2);
