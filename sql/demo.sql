-- Demo rows: what a fresh Devtron install holds (users system and admin, cluster default_cluster,
-- environment devtron-demo), plus a few apps, pipelines, users and clusters of a small team.
-- Timestamps are relative to now(), so the 24-hour counts mean something whenever it is loaded.
-- Expected Summary: cdCountPerDay 2, ciCountPerDay 1, clusterCount 2, environmentCount 3,
--                   nonProdAppCount 2, prodAppCount 1, userCount 4.

-- A fresh install.
INSERT INTO users (id, email_id, active, user_type, created_on, updated_on) VALUES
  (1, 'system', true, NULL, now() - interval '90 days', now() - interval '90 days'),
  (2, 'admin', true, NULL, now() - interval '90 days', now() - interval '90 days');
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
                      created_on, created_by, updated_on, updated_by) VALUES
  (1, 1, 1, 2, 'AUTOMATIC', 'storefront-staging', false, now() - interval '50 days', 3, now() - interval '50 days', 3),
  (2, 1, 1, 3, 'MANUAL', 'storefront-prod', false, now() - interval '50 days', 3, now() - interval '50 days', 3),
  (3, 2, 2, 2, 'AUTOMATIC', 'payments-staging', false, now() - interval '2 hours', 3, now() - interval '2 hours', 3),
  (4, 2, 2, 1, 'AUTOMATIC', 'payments-demo', true, now() - interval '1 hour', 3, now() - interval '1 hour', 3);

-- Keep the sequences ahead of the explicit ids, as the orchestrator's inserts would leave them.
SELECT setval('users_id_seq', 5), setval('cluster_id_seq', 2), setval('environment_id_seq', 3),
       setval('app_id_seq', 2), setval('ci_pipeline_id_seq', 2), setval('pipeline_id_seq', 4);
