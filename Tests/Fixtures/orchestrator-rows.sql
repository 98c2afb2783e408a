-- Rows that trip naive definitions of the orchestrator layout's metrics, loaded on top of
-- sql/schema.sql. Every name, email, URL, description, note, label, token and password carries
-- LEAKCHECK so a test can prove none of them leaves the process. (Values the metrics match exactly
-- are Devtron's own identifiers and carry no marker: chart names such as 'Deployment', attribute keys,
-- policy kinds, module names, build types, statuses.) Times are relative to now(): "in" rows are 10
-- minutes inside a window, "out" rows 10 minutes outside, so the test must run within 10 minutes.
-- The comment beside each row says what it counts toward; the values below are worked out from them.
--
-- Expected values (key: value  <- the rows that make it):
--   userCount 3                        <- users 1, 2, 3 (4 is an API token, 5 inactive)
--   clusterCount 3                     <- clusters 1, 2, 3
--   physicalClusterCount 2             <- clusters 1 (NULL mark), 2
--   isolatedClusterCount 1             <- cluster 3
--   environmentCount 4                 <- environments 1, 2, 3, 5
--   prodAppCount 2                     <- apps 1 (pipeline 2), 4 (pipeline 7, on inactive environment 4)
--   nonProdAppCount 3                  <- apps 1, 2, 8
--   appCount = devtronAppCount 26      <- apps 1, 2, 4, 8, 9, 10, 11 and the 19 build apps 21-39
--   jobCount 1                         <- app 6
--   helmAppCount 3                     <- installed apps 1, 4, 5
--   projectsWithZeroAppsCount 2        <- teams 2 (only inactive app 3), 3 (no app)
--   cdCreatedPerDay 4                  <- pipelines 1, 3, 5, 9
--   ciCreatedPerDay 3                  <- CI pipelines 1, 3, 9
--   cdDeletedPerDay 1                  <- pipeline 3
--   ciDeletedPerDay 1                  <- CI pipeline 3
--   ciTriggeredPerDay 9                <- CI pipelines 1, 2, 3, 4, 5, 6, 7, 9, 10 (runs in the window)
--   cdTriggeredPerDay 3                <- pipelines 1, 3, 5 (DEPLOY runners in the window)
--   jobPipelineCount 2                 <- CI pipelines 5, 9
--   jobPipelineTriggeredLast24h 2      <- CI pipelines 5 (run 14), 9 (run 15)
--   jobPipelineSucceededLast24h 1      <- CI pipeline 5 (run 14)
--   selfDockerfileSuccessCount 3       <- runs 1 (NULL type), 2 (empty type), 3
--   selfDockerfileFailureCount 2       <- runs 4, 15 (NULL type)
--   managedDockerfileSuccessCount 1    <- run 6
--   managedDockerfileFailureCount 2    <- runs 7, 8
--   buildPackSuccessCount 1            <- run 9
--   buildPackFailureCount 1            <- run 13
--   activeUsersLast30Days 4            <- users 1, 2, 3, 4
--   gitAccountsCount 2                 <- git providers 1, 2
--   gitOpsCount 2                      <- GitOps configurations 1, 2 (inactive included)
--   registryCount 2                    <- registries docker-hub-LEAKCHECK, ecr-LEAKCHECK
--   hostURL true                       <- attributes 1 and 2 (two active url rows)
--   ssoLogin true                      <- SSO configuration 1 (inactive, still counts)
--   build true                         <- run 1 (and others)
--   deployment true                    <- runner 1
--   installedIntegrations ["argo-cd", "cicd", "other", "security.trivy"]
--   installFailedIntegrations ["Velero", "notifier"]     (code-point order: "V" < "n")
--   installTimedOutIntegrations ["monitoring.grafana"]
--   installingIntegrations ["security.clair"]
--   LastLoginTime "2999-01-02T03:04:05.678Z"            <- user_audit 6 (infinity and year 10000 left out)
--   selfDockerfileCount 3              <- build configurations 1, 2, 3
--   managedDockerfileCount 23          <- build configurations 4-22, 24, 25, 26, 28
--   buildPackCount 4                   <- build configurations 41-44
--   HelmAppAccessCounter "12"          <- attributes 4 (12) and 5 (9): compared as numbers
--   ChartStoreVisitCount "0"           <- no active row holds a decimal number
--   HelmAppUpdateCounter "99999999999999999999999"       <- attribute 14 (beyond 64 bits)
--   SkippedOnboarding true             <- user attributes of ADMIN (JSON true)
--   helmChartSuccessfulDeploymentCount 4                 <- installed apps 1, 2, 3, 5 (status 6)
--   userCreatedPluginCount 2           <- plugins 1, 5
--   deploymentWindowPolicyCount 1      <- policy 1
--   approvalPolicyCount 2              <- policies 3, 4
--   pluginPolicyCount 1                <- policy 8 (policy 5's deleted is NULL)
--   lockDeploymentConfigurationPolicyCount 1             <- policy 6
--   tagsPolicyCount 2                  <- plugin tags 1, 4
--   filterConditionPolicyCount 2       <- filters 1, 3
--   appliedPolicyRowCount 9            <- policies 1, 3, 4, 6, 7, 8 + resources 100, 101, 103
--   gitOpsPipelineCount 3              <- pipelines 1, 2, 11
--   helmPipelineCount 5                <- pipelines 5, 6, 7, 12, 13
--   appsWithGitRepoConfigured 3        <- apps 1, 2, 8
--   appsWithDockerConfigured 25        <- apps 1, 2, 4, 8, 9, 10 (inactive template), 21-39
--   appsWithDeploymentTemplateConfigured 5               <- apps 1, 2, 8, 9, 10 (inactive chart)
--   appsWithCiPipelineConfigured 4     <- apps 1, 2, 8 (deleted), 10 (deleted)
--   appsWithCdPipelineConfigured 5     <- apps 1, 2, 4, 8, 10 (deleted)
--   appsWithPropagationTagsCount 3     <- apps 1, 2, 8
--   appsWithNonPropagationTagsCount 2  <- apps 1, 6
--   appsWithDescriptionCount 3         <- ids {1, 6} of apps merged with ids {1, 5} of installed apps
--   appsWithCatalogDataCount 1         <- installed app 1
--   appsWithReadmeDataCount 2          <- apps 1, 6
--   highestEnvironmentCountInApp 3     <- app 1: environments 2, 3, 5
--   highestAppCountInEnvironment 2     <- environment 2: apps 1, 8; environment 5: apps 1, 8
--   highestWorkflowCountInApp 2        <- app 1: workflows 1, 2
--   highestEnvironmentCountInWorkflow 3                  <- workflow 1: pipelines 1, 2, 11
--   highestGitRepoCountInApp 3         <- app 1 (materials 1, 2, 3), app 8 (9, 10, 15)
--   appsWithIncludeExcludeFilesCount 3 <- apps 1 (material 2), 6 (material 8), 8 (material 15)
--   dockerfileLanguagesList ["C#", "Go", "c++", "java", "other", "unknown"]
--   buildpackLanguagesList ["node", "python"]
--   appsWithDeploymentChartCount 1     <- app 1
--   appsWithRolloutChartCount 1        <- app 2
--   appsWithStatefulsetCount 1         <- app 8
--   appsWithJobsCronjobsCount 3        <- apps 9, 6, 5 (the three names)
--   environmentsWithPatchStrategyCount 1                 <- environment 2
--   environmentsWithReplaceStrategyCount 2               <- environments 1, 3
--   externalConfigMapCount 5           <- app-level rows of apps 1, 2; environment-level rows 1, 6, 11
--   internalConfigMapCount 4           <- app-level rows of apps 2, 4; environment-level rows 3, 12

INSERT INTO users (id, email_id, fname, password, access_token, active, user_type, created_on, updated_on) VALUES
  (1, 'system', NULL, NULL, NULL, true, NULL, now(), now()),                                   -- userCount
  (2, 'admin', NULL, 'LEAKCHECK-password', NULL, true, NULL, now(), now()),                    -- userCount
  (3, 'alice.LEAKCHECK@example.com', 'Alice LEAKCHECK', NULL, NULL, true, NULL, now(), now()), -- userCount
  (4, 'API-TOKEN:bot-LEAKCHECK', NULL, NULL, 'LEAKCHECK-token', true, 'apiToken', now(), now()), -- API token: not a user
  (5, 'bob.LEAKCHECK@example.com', NULL, NULL, NULL, false, NULL, now(), now());               -- inactive

INSERT INTO team (id, name, active, created_on, created_by, updated_on, updated_by) VALUES
  (1, 'devtron-demo', true, now(), 1, now(), 1),           -- has active apps
  (2, 'payments-LEAKCHECK', true, now(), 1, now(), 1),     -- projectsWithZeroAppsCount: only inactive app 3
  (3, 'empty-LEAKCHECK', true, now(), 1, now(), 1),        -- projectsWithZeroAppsCount: no app
  (4, 'old-LEAKCHECK', false, now(), 1, now(), 1),         -- inactive team: not counted
  (5, 'jobs-LEAKCHECK', true, now(), 1, now(), 1),         -- its only app is a job (app_type 2): has an app
  (6, 'charts-LEAKCHECK', true, now(), 1, now(), 1);       -- its only app is a Helm app (app_type 1): has an app

INSERT INTO cluster (id, cluster_name, active, server_url, config, is_virtual_cluster, created_on, created_by, updated_on, updated_by) VALUES
  (1, 'default_cluster', true, 'https://kubernetes.default.svc', '{"bearer_token":"LEAKCHECK-token"}', NULL, now(), 1, now(), 1), -- physical (NULL mark)
  (2, 'prod-LEAKCHECK', true, 'https://prod.LEAKCHECK.example.com', NULL, false, now(), 1, now(), 1),      -- physical
  (3, 'virtual-LEAKCHECK', true, 'https://virtual.LEAKCHECK.example.com', NULL, true, now(), 1, now(), 1), -- isolated
  (4, 'old-LEAKCHECK', false, 'https://old.LEAKCHECK.example.com', NULL, false, now(), 1, now(), 1),       -- inactive
  (5, 'old-virtual-LEAKCHECK', false, NULL, NULL, true, now(), 1, now(), 1);                               -- inactive

INSERT INTO environment (id, environment_name, cluster_id, active, "default", namespace, environment_identifier,
                         created_on, created_by, updated_on, updated_by) VALUES
  (1, 'devtron-demo', 1, true, false, 'devtron-demo', 'devtron-demo', now(), 1, now(), 1),  -- non-production
  (2, 'staging-LEAKCHECK', 1, true, false, 'staging', 'staging-LEAKCHECK', now(), 1, now(), 1),
  (3, 'production-LEAKCHECK', 2, true, true, 'prod', 'production-LEAKCHECK', now(), 1, now(), 1),
  (4, 'retired-LEAKCHECK', 4, false, true, 'retired', 'retired-LEAKCHECK', now(), 1, now(), 1), -- inactive, production
  (5, 'sandbox-LEAKCHECK', 3, true, false, 'sandbox', 'sandbox-LEAKCHECK', now(), 1, now(), 1);

-- Apps: app_type 0 Devtron app, 1 Helm app, 2 job.
INSERT INTO app (id, app_name, active, app_store, app_type, team_id, description, created_on, created_by, updated_on, updated_by) VALUES
  (1, 'web-LEAKCHECK', true, false, 0, 1, 'Storefront LEAKCHECK', now(), 1, now(), 1),  -- appCount; description
  (2, 'api-LEAKCHECK', true, false, 0, 1, '   ', now(), 1, now(), 1),                   -- appCount; blank description
  (3, 'legacy-LEAKCHECK', false, false, 0, 2, 'Old LEAKCHECK', now(), 1, now(), 1),     -- inactive: nothing
  (4, 'worker-LEAKCHECK', true, false, 0, 1, NULL, now(), 1, now(), 1),                 -- appCount
  (5, 'helm-LEAKCHECK', true, true, 1, 6, NULL, now(), 1, now(), 1),                    -- Helm app: neither count
  (6, 'job-LEAKCHECK', true, false, 2, 5, 'Nightly job LEAKCHECK', now(), 1, now(), 1), -- jobCount; description
  (7, 'old-job-LEAKCHECK', false, false, 2, 1, NULL, now(), 1, now(), 1),               -- inactive job
  (8, 'reports-LEAKCHECK', true, false, 0, 1, '', now(), 1, now(), 1),                  -- appCount; empty description
  (9, 'search-LEAKCHECK', true, false, 0, 1, NULL, now(), 1, now(), 1),                 -- appCount
  (10, 'retired-pipelines-LEAKCHECK', true, false, 0, 1, NULL, now(), 1, now(), 1),     -- appCount; only deleted pipelines
  (11, 'bare-LEAKCHECK', true, false, 0, 1, NULL, now(), 1, now(), 1);                  -- appCount; nothing configured
-- Apps 21-39 carry one build configuration each (ci_template allows one per app): appCount and
-- appsWithDockerConfigured each.
INSERT INTO app (id, app_name, active, app_store, app_type, team_id, created_on, created_by, updated_on, updated_by)
SELECT g, 'build-' || g || '-LEAKCHECK', true, false, 0, 1, now(), 1, now(), 1 FROM generate_series(21, 39) AS g;

INSERT INTO installed_apps (id, app_id, environment_id, active, status, notes, git_ops_repo_url, created_on, created_by, updated_on, updated_by) VALUES
  (1, 5, 2, true, 6, 'Installed LEAKCHECK notes', 'https://git.LEAKCHECK.example.com/r', now(), 1, now(), 1), -- helmAppCount; success; notes (id 1)
  (2, 5, 3, false, 6, 'Old LEAKCHECK notes', NULL, now(), 1, now(), 1),  -- inactive: success only (inactive included)
  (3, 5, 1, NULL, 6, NULL, NULL, now(), 1, now(), 1),                    -- active NULL: success only
  (4, 5, 5, true, 1, '   ', NULL, now(), 1, now(), 1),                   -- helmAppCount; blank notes
  (5, 5, 2, true, 6, 'LEAKCHECK helm notes', NULL, now(), 1, now(), 1);  -- helmAppCount; success; notes (id 5)

INSERT INTO app_store_application_version (id, version, name, description, values_yaml, chart_yaml, app_store_id, created_on, updated_on) VALUES
  (1, '1.0.0', 'redis-LEAKCHECK', 'Chart LEAKCHECK', '{}', '{}', 1, now(), now());
INSERT INTO installed_app_versions (id, installed_app_id, app_store_application_version_id, active, values_yaml_raw, created_on, updated_on) VALUES
  (1, 1, 1, true, 'password: LEAKCHECK', now(), now()),   -- appsWithCatalogDataCount: installed app 1
  (2, 1, 1, true, NULL, now(), now()),                    -- the same app again: counted once
  (3, 2, 1, true, NULL, now(), now()),                    -- installed app 2 is inactive
  (4, 4, NULL, true, NULL, now(), now()),                 -- no chart version: installed app 4 not counted
  (5, 5, 1, false, NULL, now(), now()),                   -- inactive version: installed app 5 not counted
  (6, 5, 1, NULL, NULL, now(), now());                    -- active NULL: installed app 5 still not counted

INSERT INTO ci_pipeline (id, app_id, name, active, deleted, ci_pipeline_type, created_on, created_by, updated_on, updated_by) VALUES
  (1, 1, 'ci-web-LEAKCHECK', true, false, 'CI_BUILD', now() - interval '23 hours 50 minutes', 1, now(), 1), -- created in
  (2, 2, 'ci-api-LEAKCHECK', true, false, 'CI_BUILD', now() - interval '24 hours 10 minutes', 1, now(), 1), -- out
  (3, 1, 'ci-web2-LEAKCHECK', true, true, 'CI_BUILD', now() - interval '1 hour', 1, now(), 1),              -- created in, deleted
  (4, 8, 'ci-reports-LEAKCHECK', true, true, 'CI_BUILD', now() - interval '24 hours 10 minutes', 1, now(), 1), -- deleted, out
  (5, 6, 'job-LEAKCHECK', true, false, 'CI_JOB', now() - interval '3 days', 1, now(), 1),                   -- jobPipelineCount
  (6, 6, 'job-deleted-LEAKCHECK', true, true, 'CI_JOB', now() - interval '3 days', 1, now(), 1),            -- deleted job
  (7, 7, 'job-old-app-LEAKCHECK', true, false, 'CI_JOB', now() - interval '3 days', 1, now(), 1),           -- job of an inactive app
  (8, 6, 'job-off-LEAKCHECK', false, false, 'CI_JOB', now() - interval '3 days', 1, now(), 1),              -- inactive job
  (9, 6, 'job-new-LEAKCHECK', true, false, 'CI_JOB', now() - interval '23 hours 50 minutes', 1, now(), 1),  -- jobPipelineCount; created in
  (10, 6, 'ci-in-job-app-LEAKCHECK', true, false, 'CI_BUILD', now() - interval '3 days', 1, now(), 1),      -- not a job pipeline
  (11, 10, 'ci-retired-LEAKCHECK', true, true, NULL, now() - interval '50 days', 1, now(), 1);              -- deleted: app 10 CI-configured

-- CI runs: started_on against the 24-hour window, status, build type (NULL or '' = self-managed Dockerfile).
INSERT INTO ci_workflow (id, name, ci_pipeline_id, triggered_by, started_on, status, ci_build_type, message) VALUES
  (1, 'run-LEAKCHECK-1', 1, 1, now() - interval '1 hour', 'Succeeded', NULL, NULL),              -- self success
  (2, 'run-LEAKCHECK-2', 1, 1, now() - interval '2 hours', 'Succeeded', '', NULL),               -- self success
  (3, 'run-LEAKCHECK-3', 1, 1, now() - interval '3 hours', 'Succeeded', 'self-dockerfile-build', NULL), -- self success
  (4, 'run-LEAKCHECK-4', 2, 1, now() - interval '23 hours 50 minutes', 'Failed', 'self-dockerfile-build', 'LEAKCHECK error'), -- self failure
  (5, 'run-LEAKCHECK-5', 2, 1, now() - interval '24 hours 10 minutes', 'Failed', NULL, NULL),    -- out of the window
  (6, 'run-LEAKCHECK-6', 3, 1, now() - interval '5 hours', 'Succeeded', 'managed-dockerfile-build', NULL), -- managed success
  (7, 'run-LEAKCHECK-7', 3, 1, now() - interval '6 hours', 'Failed', 'managed-dockerfile-build', NULL),    -- managed failure
  (8, 'run-LEAKCHECK-8', 3, 1, now() - interval '7 hours', 'Failed', 'managed-dockerfile-build', NULL),    -- managed failure
  (9, 'run-LEAKCHECK-9', 4, 1, now() - interval '8 hours', 'Succeeded', 'buildpack-build', NULL),  -- buildpack success
  (10, 'run-LEAKCHECK-10', 4, 1, NULL, 'Succeeded', 'buildpack-build', NULL),                      -- never started: no window
  (11, 'run-LEAKCHECK-11', 4, 1, now() - interval '9 hours', 'Running', 'buildpack-build', NULL),  -- neither outcome
  (12, 'run-LEAKCHECK-12', 4, 1, now() - interval '10 hours', 'CANCELLED', NULL, NULL),            -- neither outcome
  (13, 'run-LEAKCHECK-13', 10, 1, now() - interval '4 hours', 'Failed', 'buildpack-build', NULL),  -- buildpack failure
  (14, 'run-LEAKCHECK-14', 5, 1, now() - interval '2 hours', 'Succeeded', 'skip-build', NULL),     -- job 5 ran and succeeded
  (15, 'run-LEAKCHECK-15', 9, 1, now() - interval '23 hours 50 minutes', 'Failed', NULL, NULL),    -- job 9 ran; self failure
  (16, 'run-LEAKCHECK-16', 9, 1, now() - interval '24 hours 10 minutes', 'Succeeded', 'skip-build', NULL), -- job 9 success, out
  (17, 'run-LEAKCHECK-17', 6, 1, now() - interval '1 hour', 'Succeeded', 'skip-build', NULL),      -- deleted job pipeline
  (18, 'run-LEAKCHECK-18', 7, 1, now() - interval '1 hour', 'Succeeded', 'skip-build', NULL),      -- job of an inactive app
  (19, 'run-LEAKCHECK-19', 1, 1, now() - interval '1 hour', 'succeeded', NULL, NULL);              -- lower case: no outcome

INSERT INTO pipeline (id, app_id, environment_id, trigger_type, pipeline_name, deleted, deployment_app_type,
                      deployment_app_name, created_on, created_by, updated_on, updated_by) VALUES
  (1, 1, 2, 'AUTOMATIC', 'cd-LEAKCHECK-1', false, 'argo_cd', 'd1', now() - interval '23 hours 50 minutes', 1, now(), 1), -- in; GitOps
  (2, 1, 3, 'MANUAL', 'cd-LEAKCHECK-2', false, 'argo_cd', 'd2', now() - interval '24 hours 10 minutes', 1, now(), 1),    -- out; GitOps; prod
  (3, 1, 1, 'MANUAL', 'cd-LEAKCHECK-3', true, 'argo_cd', 'd3', now() - interval '2 hours', 1, now(), 1),                -- in, deleted
  (4, 2, 3, 'MANUAL', 'cd-LEAKCHECK-4', true, 'helm', 'd4', now() - interval '10 days', 1, now(), 1),                   -- deleted prod
  (5, 2, 1, 'AUTOMATIC', 'cd-LEAKCHECK-5', false, 'helm', 'd5', now() - interval '5 hours', 1, now(), 1),               -- in; helm
  (6, 3, 3, 'MANUAL', 'cd-LEAKCHECK-6', false, 'helm', 'd6', now() - interval '40 days', 1, now(), 1),                  -- inactive app; helm
  (7, 4, 4, 'MANUAL', 'cd-LEAKCHECK-7', false, 'helm', 'd7', now() - interval '30 days', 1, now(), 1),                  -- prod (inactive env); helm
  (8, 8, 2, 'AUTOMATIC', 'cd-LEAKCHECK-8', false, 'ARGO_CD', 'd8', now() - interval '24 hours 10 minutes', 1, now(), 1), -- out; type case differs
  (9, 8, 5, 'AUTOMATIC', 'cd-LEAKCHECK-9', false, NULL, 'd9', now() - interval '23 hours 50 minutes', 1, now(), 1),     -- in
  (10, 8, 2, 'AUTOMATIC', 'cd-LEAKCHECK-10', true, 'helm', 'd10', now() - interval '25 hours', 1, now(), 1),            -- deleted, out
  (11, 1, 5, 'AUTOMATIC', 'cd-LEAKCHECK-11', false, 'argo_cd', 'd11', now() - interval '3 days', 1, now(), 1),          -- GitOps
  (12, 2, NULL, 'AUTOMATIC', 'cd-LEAKCHECK-12', false, 'helm', 'd12', now() - interval '3 days', 1, now(), 1),          -- helm; no environment
  (13, 3, 2, 'AUTOMATIC', 'cd-LEAKCHECK-13', false, 'helm', 'd13', now() - interval '60 days', 1, now(), 1),            -- inactive app; helm
  (14, 2, 2, 'AUTOMATIC', 'cd-LEAKCHECK-14', true, 'argo_cd', 'd14', now() - interval '60 days', 1, now(), 1),          -- deleted
  (15, 10, 1, 'AUTOMATIC', 'cd-LEAKCHECK-15', true, NULL, 'd15', now() - interval '50 days', 1, now(), 1),              -- deleted: app 10 CD-configured
  (17, 3, 1, 'AUTOMATIC', 'cd-LEAKCHECK-17', false, NULL, 'd17', now() - interval '60 days', 1, now(), 1),              -- inactive app
  (18, 3, 5, 'AUTOMATIC', 'cd-LEAKCHECK-18', false, NULL, 'd18', now() - interval '60 days', 1, now(), 1);              -- inactive app

INSERT INTO cd_workflow (id, ci_artifact_id, pipeline_id) VALUES (1, 1, 1), (2, 1, 2), (3, 1, 5), (4, 1, 3), (5, 1, 9);
INSERT INTO cd_workflow_runner (id, name, workflow_type, executor_type, status, message, started_on, cd_workflow_id) VALUES
  (1, 'deploy-LEAKCHECK-1', 'DEPLOY', 'AWF', 'Healthy', 'LEAKCHECK', now() - interval '1 hour', 1), -- pipeline 1 deployed; deployment
  (2, 'deploy-LEAKCHECK-2', 'DEPLOY', 'AWF', 'Succeeded', NULL, now() - interval '2 hours', 1),     -- pipeline 1 again
  (3, 'pre-LEAKCHECK-3', 'PRE', 'AWF', 'Healthy', NULL, now() - interval '1 hour', 2),              -- not a deployment
  (4, 'deploy-LEAKCHECK-4', 'DEPLOY', 'AWF', 'Healthy', NULL, now() - interval '24 hours 10 minutes', 2), -- out
  (5, 'deploy-LEAKCHECK-5', 'DEPLOY', 'AWF', 'Degraded', NULL, now() - interval '23 hours 50 minutes', 3), -- pipeline 5, in
  (6, 'deploy-LEAKCHECK-6', 'DEPLOY', 'AWF', 'Failed', NULL, now() - interval '3 hours', 4),        -- pipeline 3 (deleted since): counts
  (7, 'deploy-LEAKCHECK-7', 'DEPLOY', 'AWF', 'Starting', NULL, NULL, 5),                            -- never started
  (8, 'post-LEAKCHECK-8', 'POST', 'AWF', 'Healthy', NULL, now() - interval '1 hour', 5);            -- not a deployment

INSERT INTO user_audit (id, user_id, client_ip, created_on, updated_on) VALUES
  (1, 2, 'LEAKCHECK-10.0.0.1', now(), now() - interval '1 hour'),                     -- active: user 2
  (2, 2, 'LEAKCHECK-10.0.0.1', now(), now() - interval '2 hours'),                    -- user 2 again
  (3, 3, 'LEAKCHECK-10.0.0.2', now(), now() - interval '29 days 23 hours 50 minutes'), -- active: user 3 (in)
  (4, 5, 'LEAKCHECK-10.0.0.3', now(), now() - interval '30 days 10 minutes'),         -- out
  (5, 4, 'LEAKCHECK-10.0.0.4', now(), NULL),                                          -- no time
  (6, 1, 'LEAKCHECK-10.0.0.5', now(), '2999-01-02 03:04:05.678912+00'),               -- active: user 1; LastLoginTime
  (7, 4, 'LEAKCHECK-10.0.0.6', now(), 'infinity'),                                    -- active: user 4; not a time to send
  (8, 4, 'LEAKCHECK-10.0.0.7', now(), '10000-01-01 00:00:00+00');                     -- five-digit year: not sent

INSERT INTO git_provider (id, name, url, user_name, password, ssh_private_key, access_token, active, deleted, created_on, created_by, updated_on, updated_by) VALUES
  (1, 'github-LEAKCHECK', 'https://github.com/LEAKCHECK', 'LEAKCHECK', 'LEAKCHECK-pw', 'LEAKCHECK-key', 'LEAKCHECK-token', true, false, now(), 1, now(), 1), -- counts
  (2, 'gitlab-LEAKCHECK', 'https://gitlab.LEAKCHECK.example.com', NULL, NULL, NULL, NULL, false, false, now(), 1, now(), 1), -- inactive, not deleted: counts
  (3, 'old-LEAKCHECK', 'https://old.LEAKCHECK.example.com', NULL, NULL, NULL, NULL, true, true, now(), 1, now(), 1);         -- deleted

INSERT INTO gitops_config (id, provider, username, token, host, active) VALUES
  (1, 'GITHUB', 'LEAKCHECK', 'LEAKCHECK-token', 'https://github.com/LEAKCHECK', true),  -- gitOpsCount
  (2, 'GITLAB', 'LEAKCHECK', 'LEAKCHECK-token2', 'https://gitlab.LEAKCHECK', false);    -- gitOpsCount: inactive included

INSERT INTO docker_artifact_store (id, plugin_id, registry_url, registry_type, username, password, is_default, active, created_on, created_by, updated_on, updated_by) VALUES
  ('docker-hub-LEAKCHECK', 'cd.go.artifact.docker.registry', 'https://docker.LEAKCHECK.example.com', 'docker-hub', 'LEAKCHECK', 'LEAKCHECK-pw', true, true, now(), 1, now(), 1), -- counts
  ('ecr-LEAKCHECK', 'cd.go.artifact.docker.registry', 'https://ecr.LEAKCHECK.example.com', 'ecr', NULL, NULL, false, true, now(), 1, now(), 1), -- counts
  ('old-LEAKCHECK', 'cd.go.artifact.docker.registry', 'https://old.LEAKCHECK.example.com', 'other', NULL, NULL, false, false, now(), 1, now(), 1); -- inactive

INSERT INTO attributes (id, key, value, active) VALUES
  (1, 'url', 'https://devtron.LEAKCHECK.example.com', true),  -- hostURL
  (2, 'url', 'https://other.LEAKCHECK.example.com', true),    -- a second one: still true
  (3, 'url', 'https://old.LEAKCHECK.example.com', false),     -- inactive
  (4, 'HelmAppAccessCounter', '12', true),                    -- the largest number
  (5, 'HelmAppAccessCounter', '9', true),                     -- larger as text, smaller as a number
  (6, 'HelmAppAccessCounter', '100', false),                  -- inactive
  (7, 'HelmAppAccessCounter', 'LEAKCHECK', true),             -- not a number: never read out
  (8, 'HelmAppAccessCounter', ' 15', true),                   -- not a bare decimal number
  (9, 'ChartStoreVisitCount', 'abc-LEAKCHECK', true),         -- not a number
  (10, 'ChartStoreVisitCount', '-5', true),                   -- negative
  (11, 'ChartStoreVisitCount', '7', false),                   -- inactive: "0"
  (12, 'HelmAppUpdateCounter', '007', true),                  -- 7
  (13, 'HelmAppUpdateCounter', '3', true),
  (14, 'HelmAppUpdateCounter', '99999999999999999999999', true); -- the largest, beyond 64 bits

INSERT INTO sso_login_config (id, name, label, url, config, active) VALUES
  (1, 'google', 'LEAKCHECK label', 'https://sso.LEAKCHECK.example.com', '{"clientSecret":"LEAKCHECK"}', false); -- ssoLogin: inactive counts

INSERT INTO module (id, name, version, status) VALUES
  (1, 'cicd', 'v1', 'installed'),
  (2, 'argo-cd', 'v1', 'installed'),
  (3, 'security.trivy', 'v1', 'installed'),
  (4, 'bad name LEAKCHECK', 'v1', 'installed'),               -- not an identifier: "other"
  (5, repeat('m', 65), 'v1', 'installed'),                    -- too long: "other"
  (6, 'ünïcode-LEAKCHECK', 'v1', 'installed'),                -- not ASCII: "other" (once)
  (7, 'notifier', 'v1', 'installFailed'),
  (8, 'Velero', 'v1', 'installFailed'),
  (9, 'monitoring.grafana', 'v1', 'timeout'),
  (10, 'security.clair', 'v1', 'installing'),
  (11, 'old-module', 'v1', 'notInstalled'),                   -- no list
  (12, 'cased', 'v1', 'Installed');                           -- status case differs: no list

-- Build configurations. Languages count only through an active ci_template of an active app.
INSERT INTO ci_build_config (id, type, build_metadata) VALUES
  (1, 'self-dockerfile-build', '{"dockerfileRelativePath":"Dockerfile","dockerfileRepository":"LEAKCHECK"}'),
  (2, 'self-dockerfile-build', NULL),
  (3, 'self-dockerfile-build', '{}'),
  (4, 'managed-dockerfile-build', '{"language":"java","languageFramework":"maven"}'), -- java
  (5, 'managed-dockerfile-build', '{"language":"Go"}'),                              -- Go
  (6, 'managed-dockerfile-build', '{"language":"java"}'),                            -- java again
  (7, 'managed-dockerfile-build', '{"languageFramework":"LEAKCHECK"}'),              -- missing: unknown
  (8, 'managed-dockerfile-build', '{"language":null}'),                              -- null: unknown
  (9, 'managed-dockerfile-build', '{"language":""}'),                                -- empty: unknown
  (10, 'managed-dockerfile-build', '{"language":"java script LEAKCHECK"}'),          -- spaces: other
  (11, 'managed-dockerfile-build', '{"language": "rust"'),                           -- invalid JSON: skipped
  (12, 'managed-dockerfile-build', '"fortran"'),                                     -- a JSON scalar: skipped
  (13, 'managed-dockerfile-build', '[{"language":"cobol"}]'),                        -- an array: skipped
  (14, 'managed-dockerfile-build', '{"language":"kotlin"}'),                         -- inactive template: skipped
  (15, 'managed-dockerfile-build', '{"language":"scala"}'),                          -- inactive app: skipped
  (16, 'managed-dockerfile-build', '{"language":"perl"}'),                           -- no template: skipped
  (17, 'managed-dockerfile-build', '{"language":"Ünïcödé"}'),                        -- not ASCII: other
  (18, 'managed-dockerfile-build', '{"language":"abcdefghijklmnopqrstuvwxyz0123456"}'), -- 33 characters: other
  (19, 'managed-dockerfile-build', '{"language":"it\"s-LEAKCHECK"}'),                -- a quote: other
  (20, 'managed-dockerfile-build', '{"language":"c\u0000"}'),                        -- undecodable escape: skipped
  (21, 'managed-dockerfile-build', '{"language":5}'),                                -- a number: other
  (22, 'managed-dockerfile-build', NULL),                                            -- NULL: skipped
  (24, 'managed-dockerfile-build', '{"language":"c++"}'),                            -- c++
  (25, 'managed-dockerfile-build', '{"language":"C#"}'),                             -- C#
  (26, 'managed-dockerfile-build', '{"language":"haskell"}'),                        -- template active NULL: skipped
  (28, 'managed-dockerfile-build', E' {\n "language" : "Go" , "args" : {"A":"LEAKCHECK"} }\n'), -- Go, spaced out
  (29, 'MANAGED_DOCKERFILE_BUILD_TYPE', '{"language":"rust"}'),                      -- a type never stored: nowhere
  (30, NULL, '{"language":"ada"}'),                                                  -- no type: nowhere
  (41, 'buildpack-build', '{"builderId":"gcr.io/buildpacks/builder:v1","language":"node","languageVersion":"16"}'), -- node
  (42, 'buildpack-build', '{"language":"python"}'),                                  -- python
  (43, 'buildpack-build', 'not json LEAKCHECK'),                                     -- skipped
  (44, 'buildpack-build', '{"language":"java"}');                                    -- inactive template: skipped

INSERT INTO ci_template (id, app_id, ci_build_config_id, active, docker_repository, created_on, created_by, updated_on, updated_by) VALUES
  (1, 1, 10, true, 'LEAKCHECK/web', now(), 1, now(), 1), (2, 2, 4, true, NULL, now(), 1, now(), 1),
  (3, 3, 15, true, NULL, now(), 1, now(), 1),            -- app 3 is inactive
  (4, 4, 6, true, NULL, now(), 1, now(), 1), (8, 8, 5, true, NULL, now(), 1, now(), 1),
  (9, 9, 7, true, NULL, now(), 1, now(), 1), (6, 6, 9, true, NULL, now(), 1, now(), 1),
  (10, 10, 14, false, NULL, now(), 1, now(), 1),         -- inactive: app 10 still Docker-configured
  (21, 21, 8, true, NULL, now(), 1, now(), 1), (22, 22, 11, true, NULL, now(), 1, now(), 1),
  (23, 23, 12, true, NULL, now(), 1, now(), 1), (24, 24, 13, true, NULL, now(), 1, now(), 1),
  (25, 25, 17, true, NULL, now(), 1, now(), 1), (26, 26, 18, true, NULL, now(), 1, now(), 1),
  (27, 27, 19, true, NULL, now(), 1, now(), 1), (28, 28, 20, true, NULL, now(), 1, now(), 1),
  (29, 29, 21, true, NULL, now(), 1, now(), 1), (30, 30, 22, true, NULL, now(), 1, now(), 1),
  (31, 31, 24, true, NULL, now(), 1, now(), 1), (32, 32, 25, true, NULL, now(), 1, now(), 1),
  (33, 33, 26, NULL, NULL, now(), 1, now(), 1),          -- active NULL
  (34, 34, 28, true, NULL, now(), 1, now(), 1), (35, 35, 29, true, NULL, now(), 1, now(), 1),
  (36, 36, 41, true, NULL, now(), 1, now(), 1), (37, 37, 42, true, NULL, now(), 1, now(), 1),
  (38, 38, 43, true, NULL, now(), 1, now(), 1),
  (39, 39, 44, false, NULL, now(), 1, now(), 1);         -- inactive

INSERT INTO user_attributes (email_id, user_data) VALUES
  ('admin', '{"SkippedOnboarding":"false","note":"LEAKCHECK"}'),      -- "false": not skipped
  ('ADMIN', '{"SkippedOnboarding":true}'),                            -- JSON true, admin in capitals: SkippedOnboarding
  ('alice.LEAKCHECK@example.com', '{"SkippedOnboarding":"true"}'),    -- not the admin
  ('admin-LEAKCHECK', '{"SkippedOnboarding":"true"}');                -- not the admin either

INSERT INTO plugin_parent_metadata (id, name, identifier, deleted, type, is_exposed, description, created_on, created_by, updated_on, updated_by) VALUES
  (1, 'plugin-LEAKCHECK-1', 'p1-LEAKCHECK', false, 'SHARED', true, 'LEAKCHECK', now(), 1, now(), 1),  -- counts
  (2, 'plugin-LEAKCHECK-2', 'p2-LEAKCHECK', true, 'SHARED', true, NULL, now(), 1, now(), 1),          -- deleted
  (3, 'plugin-LEAKCHECK-3', 'p3-LEAKCHECK', false, 'SHARED', false, NULL, now(), 1, now(), 1),        -- not exposed
  (4, 'plugin-LEAKCHECK-4', 'p4-LEAKCHECK', false, 'PRESET', true, NULL, now(), 1, now(), 1),         -- Devtron's own
  (5, 'plugin-LEAKCHECK-5', 'p5-LEAKCHECK', false, 'SHARED', true, NULL, now(), 1, now(), 1);         -- counts

INSERT INTO global_policy (id, name, policy_of, version, deleted, enabled, description, policy_json, created_on, created_by, updated_on, updated_by) VALUES
  (1, 'window-LEAKCHECK', 'DEPLOYMENT_WINDOW', 'v1', false, true, 'LEAKCHECK', '{}', now(), 1, now(), 1), -- deployment window; applied
  (2, 'window-old-LEAKCHECK', 'DEPLOYMENT_WINDOW', 'v1', true, true, NULL, NULL, now(), 1, now(), 1),     -- deleted
  (3, 'approval-LEAKCHECK-1', 'APPROVAL', 'v1', false, true, NULL, NULL, now(), 1, now(), 1),             -- approval; applied
  (4, 'approval-LEAKCHECK-2', 'APPROVAL', 'v1', false, true, NULL, NULL, now(), 1, now(), 1),             -- approval; applied
  (5, 'plugin-LEAKCHECK-1', 'PLUGIN', 'v1', NULL, true, NULL, NULL, now(), 1, now(), 1),                  -- deleted NULL: neither
  (6, 'lock-LEAKCHECK', 'LOCK_CONFIGURATION', 'v1', false, true, NULL, NULL, now(), 1, now(), 1),         -- lock; applied
  (7, 'promotion-LEAKCHECK', 'IMAGE_PROMOTION', 'v1', false, true, NULL, NULL, now(), 1, now(), 1),       -- applied only
  (8, 'plugin-LEAKCHECK-2', 'PLUGIN', 'v1', false, false, NULL, NULL, now(), 1, now(), 1);                -- plugin (disabled counts); applied

INSERT INTO resource_qualifier_mapping_criteria (id, description, json_data, active, policy_type, created_on, created_by, updated_on, updated_by) VALUES
  (1, 'LEAKCHECK', '{}', true, 'x', now(), 1, now(), 1), (2, NULL, NULL, true, 'x', now(), 1, now(), 1),
  (3, NULL, NULL, true, 'x', now(), 1, now(), 1), (5, NULL, NULL, true, 'x', now(), 1, now(), 1),
  (6, NULL, NULL, false, 'x', now(), 1, now(), 1), (7, NULL, NULL, true, 'x', now(), 1, now(), 1),
  (8, NULL, NULL, true, 'x', now(), 1, now(), 1);
-- Joined as the orchestrator joins them: mapping id = criteria id = policy id.
INSERT INTO resource_qualifier_mapping (id, resource_id, active, identifier_value_string) VALUES
  (1, 100, true, 'LEAKCHECK'), -- policy 1: resource 100
  (2, 100, true, NULL),        -- policy 2 is deleted
  (3, 101, true, NULL),        -- policy 3: resource 101
  (4, 102, true, NULL),        -- no criteria 4
  (5, 100, false, NULL),       -- inactive mapping
  (6, 103, true, NULL),        -- policy 6: resource 103 (the criteria's own active flag is not read)
  (7, NULL, true, NULL),       -- no resource
  (8, 101, true, NULL);        -- resource 101 again

INSERT INTO plugin_tag (id, name, deleted) VALUES
  (1, 'tag-LEAKCHECK-1', false), (2, 'tag-LEAKCHECK-2', true), (3, 'tag-LEAKCHECK-3', NULL), (4, 'tag-LEAKCHECK-4', false);

INSERT INTO resource_filter (id, name, target_object, condition_expression, deleted, description) VALUES
  (1, 'filter-LEAKCHECK-1', 0, 'LEAKCHECK', false, 'LEAKCHECK'), (2, 'filter-LEAKCHECK-2', 0, 'x', true, NULL),
  (3, 'filter-LEAKCHECK-3', 0, 'x', false, NULL);

-- Git materials: filter_pattern is a json column (invalid JSON cannot be stored), default '[]'.
INSERT INTO git_material (id, app_id, git_provider_id, active, name, url, filter_pattern, created_on, created_by, updated_on, updated_by) VALUES
  (1, 1, 1, true, 'LEAKCHECK-1', 'https://github.com/LEAKCHECK/1', '[]', now(), 1, now(), 1),             -- empty array
  (2, 1, 1, true, 'LEAKCHECK-2', 'https://github.com/LEAKCHECK/2', '["*.md", "!docs/"]', now(), 1, now(), 1), -- filters: app 1
  (3, 1, 1, true, 'LEAKCHECK-3', NULL, '"*.md"', now(), 1, now(), 1),                                     -- a JSON scalar
  (4, 2, 1, true, 'LEAKCHECK-4', NULL, NULL, now(), 1, now(), 1),                                         -- NULL
  (5, 2, 1, true, 'LEAKCHECK-5', NULL, '{"include":["LEAKCHECK"]}', now(), 1, now(), 1),                  -- an object
  (6, 4, 1, false, 'LEAKCHECK-6', NULL, '["x"]', now(), 1, now(), 1),                                     -- inactive material
  (7, 3, 1, true, 'LEAKCHECK-7', NULL, '["LEAKCHECK"]', now(), 1, now(), 1),                              -- inactive app 3
  (8, 6, 1, true, 'LEAKCHECK-8', NULL, '["src/"]', now(), 1, now(), 1),                                   -- filters: job app 6
  (9, 8, 1, true, 'LEAKCHECK-9', NULL, 'null', now(), 1, now(), 1),                                       -- JSON null
  (10, 8, 1, true, 'LEAKCHECK-10', NULL, '5', now(), 1, now(), 1),                                        -- a number
  (11, 3, 1, true, 'LEAKCHECK-11', NULL, '[]', now(), 1, now(), 1),                                       -- inactive app 3
  (12, 3, 1, true, 'LEAKCHECK-12', NULL, '[]', now(), 1, now(), 1),                                       -- inactive app 3
  (13, 3, 1, true, 'LEAKCHECK-13', NULL, '[]', now(), 1, now(), 1),                                       -- inactive app 3 (4 materials)
  (15, 8, 1, true, 'LEAKCHECK-15', NULL, '["\u0000"]', now(), 1, now(), 1),                               -- filters: app 8
  (16, 1, 1, false, 'LEAKCHECK-16', NULL, '[]', now(), 1, now(), 1);                                      -- inactive material

INSERT INTO chart_ref (id, name, version, active, location, chart_description) VALUES
  (1, 'Deployment', '4.18.0', true, 'deployment-chart_4-18-0', 'LEAKCHECK'),
  (2, 'Rollout Deployment', '4.18.0', true, 'reference-chart_4-18-0', NULL),
  (3, 'StatefulSet', '5.0.0', true, 'statefulset-chart_5-0-0', NULL),
  (4, 'Job & CronJob', '1.0.0', true, 'cronjob-chart_1-0-0', NULL),
  (5, 'CronJob & Job', '1.4.0', true, 'cronjob-chart_1-4-0', NULL),
  (6, 'Cron Job & Job', '1.5.0', true, 'cronjob-chart_1-5-0', NULL),
  (7, 'Deployment', '1.0.0', false, 'deployment-chart_1-0-0', NULL),       -- inactive
  (8, 'deployment', '1.0.0', true, 'x', NULL),                             -- case differs
  (9, 'Reference Chart_4.11.0', '4.11.0', true, 'reference-chart_4-11-0', NULL),
  (10, 'Rollout Deployment', '3.0.0', false, 'reference-chart_3-0-0', NULL); -- inactive

-- charts: app, chart_ref, active.
INSERT INTO charts (id, app_id, chart_ref_id, active, chart_name, chart_version, chart_repo, chart_repo_url, status,
                    reference_template, values_yaml, global_override, release_override, created_on, created_by, updated_on, updated_by)
SELECT c.id, c.app_id, c.ref, c.active, 'chart-LEAKCHECK-' || c.id, '1.0.0', 'repo', 'https://charts.LEAKCHECK.example.com', 'OK',
       'x', '{}', '{}', '{}', now(), 1, now(), 1
FROM (VALUES
  (1, 1, 1, true),     -- Deployment: app 1
  (2, 1, 1, false),    -- app 1 again, inactive
  (3, 2, 2, true),     -- Rollout Deployment: app 2
  (4, 2, 7, true),     -- inactive chart_ref
  (5, 8, 3, true),     -- StatefulSet: app 8
  (6, 9, 4, true),     -- Job & CronJob: app 9
  (7, 6, 5, true),     -- CronJob & Job: job app 6
  (8, 5, 6, true),     -- Cron Job & Job: Helm app 5
  (9, 3, 1, true),     -- inactive app 3
  (10, 2, 1, false),   -- inactive chart
  (11, 8, 8, true),    -- "deployment"
  (12, 2, 9, true),    -- reference chart
  (13, 2, 10, true),   -- inactive Rollout Deployment
  (14, 10, 9, false)   -- inactive: app 10 still has a deployment template
) AS c (id, app_id, ref, active);

INSERT INTO chart_env_config_override (id, chart_id, target_environment, active, merge_strategy, env_override_yaml, status, reviewed, created_on, created_by, updated_on, updated_by) VALUES
  (1, 1, 2, true, 'patch', '{}', 'OK', true, now(), 1, now(), 1),     -- patch: environment 2
  (2, 3, 2, true, 'patch', '{}', 'OK', true, now(), 1, now(), 1),     -- environment 2 again
  (3, 1, 3, true, 'replace', '{}', 'OK', true, now(), 1, now(), 1),   -- replace: environment 3
  (4, 1, 4, true, 'patch', '{}', 'OK', true, now(), 1, now(), 1),     -- inactive environment 4
  (5, 1, 1, false, 'patch', '{}', 'OK', true, now(), 1, now(), 1),    -- inactive override
  (6, 1, 5, true, NULL, '{}', 'OK', true, now(), 1, now(), 1),        -- no strategy
  (7, 1, 5, true, 'PATCH', '{}', 'OK', true, now(), 1, now(), 1),     -- case differs
  (8, 3, 1, true, 'replace', '{}', 'OK', true, now(), 1, now(), 1);   -- replace: environment 1

-- Labels: propagate.
INSERT INTO app_label (id, app_id, key, value, propagate) VALUES
  (1, 1, 'team-LEAKCHECK', 'LEAKCHECK', true),   -- propagated: app 1
  (2, 1, 'owner-LEAKCHECK', 'LEAKCHECK', false), -- not propagated: app 1
  (3, 2, 'tier-LEAKCHECK', 'LEAKCHECK', true),   -- propagated: app 2
  (4, 3, 'old-LEAKCHECK', 'LEAKCHECK', true),    -- inactive app 3
  (5, 6, 'job-LEAKCHECK', 'LEAKCHECK', false),   -- not propagated: job app 6
  (6, 2, 'zone-LEAKCHECK', 'LEAKCHECK', true),   -- app 2 again
  (7, 8, 'cost-LEAKCHECK', 'LEAKCHECK', true);   -- propagated: app 8

-- Notes: identifier_type 1 is an app's readme.
INSERT INTO generic_note (id, identifier, identifier_type, description, created_on, created_by) VALUES
  (1, 1, 1, 'Readme LEAKCHECK', now(), 1),          -- app 1
  (2, 2, 1, '   ', now(), 1),                       -- blank
  (3, 3, 1, 'Old readme LEAKCHECK', now(), 1),      -- inactive app 3
  (4, 8, 0, 'Cluster note LEAKCHECK', now(), 1),    -- a cluster's note
  (5, 8, NULL, 'LEAKCHECK', now(), 1),              -- no type
  (6, 6, 1, 'Job readme LEAKCHECK', now(), 1),      -- job app 6
  (7, 1, 1, 'Second LEAKCHECK', now(), 1);          -- app 1 again

-- Workflows and their CD-pipeline mappings.
INSERT INTO app_workflow (id, name, app_id, active) VALUES
  (1, 'wf-LEAKCHECK-1', 1, true), (2, 'wf-LEAKCHECK-2', 1, true),
  (3, 'wf-LEAKCHECK-3', 1, false),                  -- inactive workflow
  (4, 'wf-LEAKCHECK-4', 8, true),
  (5, 'wf-LEAKCHECK-5', 3, true), (7, 'wf-LEAKCHECK-7', 3, true), (8, 'wf-LEAKCHECK-8', 3, true), -- inactive app 3
  (6, 'wf-LEAKCHECK-6', 8, NULL);                   -- active NULL
INSERT INTO app_workflow_mapping (id, app_workflow_id, type, component_id, active) VALUES
  (1, 1, 'CD_PIPELINE', 1, true),    -- workflow 1: environment 2
  (2, 1, 'CD_PIPELINE', 2, true),    -- workflow 1: environment 3
  (3, 1, 'CD_PIPELINE', 11, true),   -- workflow 1: environment 5
  (4, 1, 'CD_PIPELINE', 3, true),    -- pipeline 3 is deleted
  (5, 1, 'CD_PIPELINE', 7, false),   -- inactive mapping
  (6, 1, 'CI_PIPELINE', 7, true),    -- a CI pipeline's mapping (component 7 read as a CD pipeline would add one)
  (7, 1, 'CD_PIPELINE', 7, NULL),    -- active NULL
  (8, 2, 'CD_PIPELINE', 1, true),    -- workflow 2: 1 environment
  (9, 3, 'CD_PIPELINE', 1, true), (10, 3, 'CD_PIPELINE', 2, true), (11, 3, 'CD_PIPELINE', 11, true),
  (12, 3, 'CD_PIPELINE', 7, true),   -- inactive workflow 3 would have 4
  (13, 4, 'CD_PIPELINE', 8, true), (14, 4, 'CD_PIPELINE', 9, true), (15, 4, 'CD_PIPELINE', 10, true), -- 2 (10 deleted)
  (16, 5, 'CD_PIPELINE', 6, true), (17, 5, 'CD_PIPELINE', 13, true);                                 -- 2

-- ConfigMaps (config_map_data is text: anything can be stored).
INSERT INTO config_map_app_level (id, app_id, config_map_data, secret_data) VALUES
  (1, 1, '{"maps":[{"name":"cm-LEAKCHECK","type":"environment","external":true,"data":{"k":"LEAKCHECK"}}]}', '{"secrets":[{"data":{"p":"LEAKCHECK"}}]}'), -- external
  (2, 2, '{"maps":[{"name":"a-LEAKCHECK","external":false,"data":{}},{"name":"b-LEAKCHECK","external":true}]}', NULL), -- mixed: both
  (3, 3, '{"maps":[{"external":true}]}', NULL),            -- inactive app 3
  (4, 4, '{"maps":[{"external":false}]}', NULL),           -- internal
  (5, 8, 'not json LEAKCHECK {', NULL),                    -- invalid JSON
  (6, 9, '{"maps":{"external":true}}', NULL),              -- maps is not an array
  (7, 10, '{"maps":[]}', NULL),                            -- no maps
  (8, 6, '{"maps":[{"name":"x-LEAKCHECK","data":{"k":"v"}}]}', NULL), -- no external flag
  (9, 5, '[{"external":true}]', NULL);                     -- an array, not an object
INSERT INTO config_map_env_level (id, app_id, environment_id, deleted, config_map_data) VALUES
  (1, 1, 2, false, '{"maps":[{"external":true},{"external":true}]}'),   -- external (one row)
  (2, 1, 3, true, '{"maps":[{"external":true}]}'),                      -- deleted
  (3, 3, 2, false, '{"maps":[{"external":false}]}'),                    -- internal (the app's active flag is not read)
  (4, 2, 4, false, '{"maps":[{"external":true}]}'),                     -- inactive environment 4
  (5, 2, 2, NULL, '{"maps":[{"external":true}]}'),                      -- deleted NULL
  (6, 8, 2, false, '{"maps":[{"external":"true"}]}'),                   -- external: compared as text, as the orchestrator does
  (7, 8, 3, false, '{"maps":[{"external":false,"data":{"x":"\u0000"}}]}'), -- undecodable escape: skipped
  (8, 4, 1, false, NULL),                                               -- NULL
  (9, 4, 2, false, '5'),                                                -- a JSON scalar
  (10, 9, 2, false, '{"maps":[{"external":true,"data":' || repeat('{"a":', 20) || '1' || repeat('}', 20) || '}]}'), -- too deep: skipped
  (11, 10, 1, false, '{"maps":[{"external":true}, 5, "x", null]}'),     -- external (other elements ignored)
  (12, 6, 5, false, E'{\n  "maps": [ { "external" : false } ]\n}');     -- internal, pretty-printed
