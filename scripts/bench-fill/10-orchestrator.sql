-- scripts/bench's synthetic orchestrator, part 1, for psql -v apps=N in one session with the other
-- files here: set-based only, every NOT NULL column and foreign key of sql/schema.sql honoured.
--   users        max(10, N/10): ids 1 and 2 are admin and system; 10 % inactive, 5 % API tokens
--   cluster      max(3, N/2000): 10 % inactive
--   environment  max(5, N/200) round-robin over the clusters; every third is production
--                ("default" = true); 1 in 12 inactive
--   team         25 projects (app.team_id references them)
--   app          N: 95 % active; 2 % Helm apps from the app store (app_type 1), 2 % jobs (app_type 2)
--   ci_pipeline  one per app (CI_JOB for the jobs); 5 % deleted; created over the last 48 hours
--   pipeline     two per app (ids 2g-1 on a production environment, 2g on a non-production one);
--                5 % deleted; created over the last 48 hours; deployment_app_name unique
SET client_min_messages = warning;
SELECT setseed(0.4242);
SELECT greatest(10, :apps / 10) AS users, greatest(3, :apps / 2000) AS clusters,
       greatest(5, :apps / 200) AS environments \gset
INSERT INTO users (id, fname, email_id, created_on, created_by, updated_on, updated_by, active, user_type)
VALUES (1, 'admin', 'admin', now() - interval '400 days', 1, now(), 1, true, NULL),
       (2, 'system', 'system', now() - interval '400 days', 1, now(), 1, true, NULL);
INSERT INTO users (id, fname, lname, email_id, created_on, created_by, updated_on, updated_by, active, user_type)
SELECT g, 'first' || g, 'last' || g,
       CASE WHEN g % 20 = 3 THEN 'API-TOKEN:token-' || g ELSE 'user' || g || '@example.com' END,
       now() - (g % 365) * interval '1 day', 1, now(), 1,
       g % 10 <> 0,
       CASE WHEN g % 20 = 3 THEN 'apiToken' END
FROM generate_series(3, :users) AS g;
SELECT setval('users_id_seq', :users);
INSERT INTO cluster (id, cluster_name, active, created_on, created_by, updated_on, updated_by,
                     server_url, cd_argo_setup, is_prod)
SELECT g, CASE WHEN g = 1 THEN 'default_cluster' ELSE 'cluster-' || g END,
       g % 10 <> 3, now() - interval '300 days', 1, now(), 1,
       CASE WHEN g = 1 THEN 'https://kubernetes.default.svc' ELSE 'https://cluster-' || g || '.example.internal:6443' END,
       true, g % 3 = 0
FROM generate_series(1, :clusters) AS g;
SELECT setval('cluster_id_seq', :clusters);
INSERT INTO environment (id, environment_name, cluster_id, active, created_on, created_by, updated_on,
                         updated_by, "default", namespace, environment_identifier)
SELECT g, 'env-' || g, 1 + (g - 1) % :clusters, g % 12 <> 4, now() - interval '200 days', 1, now(), 1,
       g % 3 = 0, 'ns-' || g, 'cluster-' || (1 + (g - 1) % :clusters) || '__ns-' || g
FROM generate_series(1, :environments) AS g;
SELECT setval('environment_id_seq', :environments);
INSERT INTO team (id, name, active, created_on, created_by, updated_on, updated_by)
SELECT g, CASE WHEN g = 1 THEN 'devtron-demo' ELSE 'team-' || g END, true, now() - interval '300 days', 1, now(), 1
FROM generate_series(1, 25) AS g;
SELECT setval('team_id_seq', 25);
INSERT INTO app (id, app_name, active, created_on, created_by, updated_on, updated_by, team_id,
                 app_store, app_offering_mode, app_type, display_name)
SELECT g, 'app-' || g, g % 20 <> 0, now() - random() * interval '365 days', 1, now(), 1, 1 + g % 25,
       g % 50 = 7, 'FULL', CASE WHEN g % 50 = 7 THEN 1 WHEN g % 50 = 13 THEN 2 ELSE 0 END, NULL
FROM generate_series(1, :apps) AS g;
SELECT setval('app_id_seq', :apps);
INSERT INTO ci_pipeline (id, app_id, name, active, deleted, created_on, created_by, updated_on, updated_by,
                         manual, scan_enabled, ci_pipeline_type)
SELECT g, g, 'ci-app-' || g, true, random() < 0.05, now() - random() * interval '48 hours', 1, now(), 1,
       false, false, CASE WHEN g % 50 = 13 THEN 'CI_JOB' ELSE 'CI_BUILD' END
FROM generate_series(1, :apps) AS g;
SELECT setval('ci_pipeline_id_seq', :apps);
-- Environment k of each kind (production or not), so that app g gets environment g mod count.
CREATE TEMP TABLE env_pick AS
SELECT "default" AS prod, id, environment_name,
       row_number() OVER (PARTITION BY "default" ORDER BY id) - 1 AS k
FROM environment;
SELECT count(*) FILTER (WHERE prod) AS prod_envs, count(*) FILTER (WHERE NOT prod) AS nonprod_envs
FROM env_pick \gset
INSERT INTO pipeline (id, app_id, ci_pipeline_id, trigger_type, environment_id, deployment_template,
                      pipeline_name, deleted, created_on, created_by, updated_on, updated_by,
                      deployment_app_created, deployment_app_type, deployment_app_name)
SELECT id, g, g, CASE WHEN prod THEN 'MANUAL' ELSE 'AUTOMATIC' END, env_id, 'ROLLING',
       'cd-' || g || '-' || env_name, random() < 0.05,
       now() - random() * interval '48 hours', 1, now(), 1,
       true, CASE WHEN g % 2 = 0 THEN 'helm' ELSE 'argo_cd' END, 'app-' || g || '-' || env_name
FROM (SELECT 2 * g - 1 AS id, g, e.prod, e.id AS env_id, e.environment_name AS env_name
      FROM generate_series(1, :apps) AS g JOIN env_pick AS e ON e.prod AND e.k = g % :prod_envs
      UNION ALL
      SELECT 2 * g, g, e.prod, e.id, e.environment_name
      FROM generate_series(1, :apps) AS g JOIN env_pick AS e ON NOT e.prod AND e.k = g % :nonprod_envs) AS s
ORDER BY id;
SELECT setval('pipeline_id_seq', 2 * :apps);
