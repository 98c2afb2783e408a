-- Part 2: the workflow history, at a large installation's proportions over the last 30 days (the
-- longest window a metric reads), per app with its one CI and two CD pipelines:
--   ci_workflow         8 runs per CI pipeline a month (two a week): 85 % Succeeded, 10 % Failed,
--                       5 % Running; build type 50 % self-dockerfile, 10 % none (NULL), 30 %
--                       managed-dockerfile, 10 % buildpack
--   cd_workflow         4 deployments per CD pipeline a month (one a week)
--   cd_workflow_runner  a DEPLOY runner per deployment (90 % Healthy, 10 % Failed), and a PRE
--                       stage runner for every fourth
--   user_audit          20 sessions a month per active user (users: apps / 10)
-- So 8, 8, 10 and about 1.8 rows per app; started_on and created_on uniform over the 30 days.
INSERT INTO ci_workflow (id, name, status, started_on, finished_on, namespace, triggered_by, ci_pipeline_id,
                         ci_build_type, executor_type)
SELECT g, 'ci-' || p || '-' || g, CASE WHEN r < 0.85 THEN 'Succeeded' WHEN r < 0.95 THEN 'Failed' ELSE 'Running' END,
       s, s + interval '4 minutes', 'devtron-ci', 1, p,
       CASE g % 10 WHEN 0 THEN NULL WHEN 9 THEN 'buildpack-build' WHEN 6 THEN 'managed-dockerfile-build'
            WHEN 7 THEN 'managed-dockerfile-build' WHEN 8 THEN 'managed-dockerfile-build' ELSE 'self-dockerfile-build' END,
       'AWF'
FROM (SELECT g, 1 + (g - 1) % :apps AS p, random() AS r, now() - random() * interval '30 days' AS s
      FROM generate_series(1, 8 * :apps) AS g) AS w;
SELECT setval('ci_workflow_id_seq', 8 * :apps);
INSERT INTO cd_workflow (id, created_on, updated_on, created_by, updated_by, ci_artifact_id, pipeline_id, workflow_status)
SELECT g, s, s, 1, 1, g, 1 + (g - 1) % (2 * :apps), 'WORKFLOW_SUCCEEDED'
FROM (SELECT g, now() - random() * interval '30 days' AS s FROM generate_series(1, 8 * :apps) AS g) AS w;
SELECT setval('cd_workflow_id_seq', 8 * :apps);
INSERT INTO cd_workflow_runner (id, name, workflow_type, executor_type, status, started_on, finished_on, namespace,
                                triggered_by, cd_workflow_id, created_on, created_by, updated_on, updated_by)
SELECT id, 'cd-' || id, kind, 'AWF', CASE WHEN random() < 0.9 THEN 'Healthy' ELSE 'Failed' END, s, s + interval '2 minutes',
       'devtron-cd', 1, w, s, 1, s, 1
FROM (SELECT id AS id, 'DEPLOY' AS kind, id AS w, created_on + interval '1 minute' AS s FROM cd_workflow
      UNION ALL
      SELECT 8 * :apps + id, 'PRE', id, created_on FROM cd_workflow WHERE id % 4 = 0) AS r;
SELECT setval('cd_workflow_runner_id_seq', 10 * :apps);
INSERT INTO user_audit (id, user_id, client_ip, created_on, updated_on)
SELECT row_number() OVER (), id, '10.0.' || id % 250 || '.' || n, s, s
FROM (SELECT u.id, n, now() - random() * interval '30 days' AS s
      FROM users AS u CROSS JOIN generate_series(1, 20) AS n WHERE u.active) AS a;
SELECT setval('id_seq_user_audit', (SELECT count(*) FROM user_audit));
