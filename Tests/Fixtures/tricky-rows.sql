-- Rows that trip naive counts, loaded on top of sql/schema.sql. Every name, email and URL carries
-- LEAKCHECK so a test can prove none of them ever leaves the process.
-- Expected Summary: cdCountPerDay 4, ciCountPerDay 2, clusterCount 2, environmentCount 3,
--                   nonProdAppCount 3, prodAppCount 2, userCount 5.

INSERT INTO users (id, email_id, fname, active, user_type, created_on, updated_on) VALUES
  (1, 'system', NULL, true, NULL, now(), now()),                              -- built-in: counts
  (2, 'admin', NULL, true, NULL, now(), now()),                               -- built-in: counts
  (3, 'alice.LEAKCHECK@example.com', 'Alice LEAKCHECK', true, NULL, now(), now()), -- counts
  (4, 'API-TOKEN:ci-bot-LEAKCHECK', NULL, true, 'apiToken', now(), now()),    -- API token: not counted
  (5, 'bob.LEAKCHECK@example.com', NULL, false, NULL, now(), now()),          -- inactive: not counted
  (6, 'carol.LEAKCHECK@example.com', NULL, true, '', now(), now()),           -- other type: counts
  (7, 'dave.LEAKCHECK@example.com', NULL, true, 'ApiToken', now(), now()),    -- other type (case differs): counts
  (8, 'API-TOKEN:old-LEAKCHECK', NULL, false, 'apiToken', now(), now());      -- inactive token: not counted

INSERT INTO cluster (id, cluster_name, active, server_url, config, created_on, created_by, updated_on, updated_by) VALUES
  (1, 'default_cluster', true, 'https://kubernetes.default.svc', '{"bearer_token":"LEAKCHECK-token"}', now(), 1, now(), 1),
  (2, 'prod-LEAKCHECK', true, 'https://prod.LEAKCHECK.example.com:6443', NULL, now(), 1, now(), 1),
  (3, 'old-LEAKCHECK', false, 'https://old.LEAKCHECK.example.com', NULL, now(), 1, now(), 1);

INSERT INTO environment (id, environment_name, cluster_id, active, "default", namespace, environment_identifier,
                         created_on, created_by, updated_on, updated_by) VALUES
  (1, 'devtron-demo', 1, true, false, 'devtron-demo', 'default_cluster__devtron-demo', now(), 1, now(), 1),
  (2, 'staging-LEAKCHECK', 1, true, false, 'staging', 'staging-LEAKCHECK', now(), 1, now(), 1),
  (3, 'production-LEAKCHECK', 2, true, true, 'prod', 'production-LEAKCHECK', now(), 1, now(), 1),
  (4, 'retired-prod-LEAKCHECK', 3, false, true, 'rp', 'retired-prod-LEAKCHECK', now(), 1, now(), 1),
  (5, 'retired-qa-LEAKCHECK', 3, false, false, 'rq', 'retired-qa-LEAKCHECK', now(), 1, now(), 1);

-- The project every app below belongs to (a fresh install's; app.team_id references it).
INSERT INTO team (id, name, active, created_on, created_by, updated_on, updated_by) VALUES
  (1, 'devtron-demo', true, now(), 1, now(), 1);

INSERT INTO app (id, app_name, active, app_store, app_type, team_id, created_on, created_by, updated_on, updated_by) VALUES
  (1, 'web-LEAKCHECK', true, false, 0, 1, now(), 1, now(), 1),       -- non-prod and prod
  (2, 'api-LEAKCHECK', true, false, 0, 1, now(), 1, now(), 1),       -- non-prod; its prod pipeline is deleted
  (3, 'legacy-LEAKCHECK', false, false, 0, 1, now(), 1, now(), 1),   -- inactive: neither
  (4, 'billing-LEAKCHECK', true, false, 0, 1, now(), 1, now(), 1),   -- prod, on an inactive prod environment
  (5, 'helm-LEAKCHECK', true, true, 1, 1, now(), 1, now(), 1),       -- helm app, no CD pipeline: neither
  (6, 'job-LEAKCHECK', true, false, 2, 1, now(), 1, now(), 1),       -- job, CI only: neither
  (7, 'worker-LEAKCHECK', true, false, 0, 1, now(), 1, now(), 1),    -- only deleted pipelines: neither
  (8, 'reports-LEAKCHECK', true, false, 0, 1, now(), 1, now(), 1);   -- two non-prod pipelines: counted once

INSERT INTO ci_pipeline (id, app_id, name, active, deleted, created_on, created_by, updated_on, updated_by) VALUES
  (1, 1, 'ci-web-LEAKCHECK', true, false, now() - interval '23 hours 50 minutes', 1, now(), 1),  -- in window
  (2, 2, 'ci-api-LEAKCHECK', true, false, now() - interval '24 hours 10 minutes', 1, now(), 1),  -- outside
  (3, 6, 'ci-job-LEAKCHECK', true, true, now() - interval '1 hour', 1, now(), 1),                -- deleted, in window
  (4, 8, 'ci-reports-LEAKCHECK', true, false, now() - interval '3 days', 1, now(), 1);           -- outside

INSERT INTO pipeline (id, app_id, ci_pipeline_id, environment_id, trigger_type, pipeline_name, deleted,
                      deployment_app_name, created_on, created_by, updated_on, updated_by) VALUES
  (1, 1, 1, 2, 'AUTOMATIC', 'cd-web-staging-LEAKCHECK', false, 'web-staging', now() - interval '23 hours 50 minutes', 1, now(), 1),
  (2, 1, 1, 3, 'MANUAL', 'cd-web-prod-LEAKCHECK', false, 'web-prod', now() - interval '24 hours 10 minutes', 1, now(), 1),
  (3, 2, 2, 3, 'MANUAL', 'cd-api-prod-LEAKCHECK', true, 'api-prod', now() - interval '2 hours', 1, now(), 1),
  (4, 2, 2, 1, 'AUTOMATIC', 'cd-api-demo-LEAKCHECK', false, 'api-demo', now() - interval '10 days', 1, now(), 1),
  (5, 3, NULL, 3, 'MANUAL', 'cd-legacy-prod-LEAKCHECK', false, 'legacy-prod', now() - interval '5 hours', 1, now(), 1),
  (6, 4, NULL, 4, 'MANUAL', 'cd-billing-prod-LEAKCHECK', false, 'billing-prod', now() - interval '30 days', 1, now(), 1),
  (7, 7, NULL, 5, 'AUTOMATIC', 'cd-worker-qa-LEAKCHECK', true, 'worker-qa', now() - interval '23 hours 50 minutes', 1, now(), 1),
  (8, 7, NULL, 2, 'AUTOMATIC', 'cd-worker-staging-LEAKCHECK', true, 'worker-staging', now() - interval '25 hours', 1, now(), 1),
  (9, 8, 4, 1, 'AUTOMATIC', 'cd-reports-demo-LEAKCHECK', false, 'reports-demo', now() - interval '40 days', 1, now(), 1),
  (10, 8, 4, 2, 'AUTOMATIC', 'cd-reports-staging-LEAKCHECK', false, 'reports-staging', now() - interval '24 hours 10 minutes', 1, now(), 1);
