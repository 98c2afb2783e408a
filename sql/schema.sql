-- The orchestrator tables devtron-telemetry reads, column for column as the Devtron orchestrator's
-- migrations leave them on a fresh install (see ../shared/orchestrator-schema.sql for the whole schema):
-- sequences, defaults, primary keys, the indexes and the foreign keys among these tables.
-- Plain SQL, loadable with psql -f or as one simple-protocol query.

SET client_min_messages = warning;


CREATE SEQUENCE public.app_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

CREATE SEQUENCE public.id_seq_app_label
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

CREATE SEQUENCE public.app_store_application_version_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

CREATE SEQUENCE public.app_workflow_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

CREATE SEQUENCE public.app_workflow_mapping_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

CREATE SEQUENCE public.id_seq_attributes
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

CREATE SEQUENCE public.cd_workflow_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

CREATE SEQUENCE public.cd_workflow_runner_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

CREATE SEQUENCE public.chart_env_config_override_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

CREATE SEQUENCE public.id_seq_chart_ref
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

CREATE SEQUENCE public.charts_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

CREATE SEQUENCE public.id_seq_ci_build_config
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

CREATE SEQUENCE public.ci_pipeline_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

CREATE SEQUENCE public.ci_template_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

CREATE SEQUENCE public.ci_workflow_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

CREATE SEQUENCE public.cluster_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

CREATE SEQUENCE public.id_seq_config_map_app_level
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

CREATE SEQUENCE public.id_seq_config_map_env_level
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

CREATE SEQUENCE public.environment_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

CREATE SEQUENCE public.id_seq_generic_note
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

CREATE SEQUENCE public.git_material_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

CREATE SEQUENCE public.git_provider_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

CREATE SEQUENCE public.id_seq_gitops_config
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

CREATE SEQUENCE public.id_seq_global_policy
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

CREATE SEQUENCE public.id_seq_module
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

CREATE SEQUENCE public.id_seq_plugin_parent_metadata
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

CREATE SEQUENCE public.id_seq_plugin_tag
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

CREATE SEQUENCE public.id_seq_resource_qualifier_mapping_criteria
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

CREATE SEQUENCE public.id_seq_sso_login_config
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

CREATE SEQUENCE public.id_seq_user_audit
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

CREATE SEQUENCE public.installed_app_versions_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

CREATE SEQUENCE public.installed_apps_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

CREATE SEQUENCE public.pipeline_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

CREATE SEQUENCE public.resource_filter_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

CREATE SEQUENCE public.variable_scope_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

CREATE SEQUENCE public.team_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

CREATE SEQUENCE public.users_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

CREATE TABLE public.app (
    id integer NOT NULL,
    app_name character varying(250) NOT NULL,
    active boolean NOT NULL,
    created_on timestamp with time zone NOT NULL,
    created_by integer NOT NULL,
    updated_on timestamp with time zone NOT NULL,
    updated_by integer NOT NULL,
    team_id integer,
    app_store boolean DEFAULT false,
    app_offering_mode character varying(50) DEFAULT 'FULL'::character varying NOT NULL,
    app_type integer DEFAULT 0 NOT NULL,
    description text,
    display_name character varying(250)
);

CREATE TABLE public.app_label (
    id integer DEFAULT nextval('public.id_seq_app_label'::regclass) NOT NULL,
    app_id integer NOT NULL,
    key character varying(317) NOT NULL,
    value character varying(255) NOT NULL,
    created_on timestamp with time zone,
    created_by integer,
    updated_on timestamp with time zone,
    updated_by integer,
    propagate boolean DEFAULT true NOT NULL
);

CREATE TABLE public.app_store_application_version (
    id integer NOT NULL,
    version character varying(250),
    app_version character varying(250),
    created timestamp with time zone,
    deprecated boolean,
    description text,
    digest character varying(250),
    icon character varying(512),
    name character varying(256),
    home character varying(256),
    source character varying(512),
    values_yaml json NOT NULL,
    chart_yaml json NOT NULL,
    app_store_id integer,
    latest boolean DEFAULT false,
    created_on timestamp with time zone NOT NULL,
    updated_on timestamp with time zone NOT NULL,
    raw_values text,
    readme text,
    created_by integer,
    updated_by integer,
    values_schema_json text,
    notes text
);

CREATE TABLE public.app_workflow (
    id integer NOT NULL,
    name character varying(100) NOT NULL,
    app_id integer NOT NULL,
    workflow_dag text,
    active boolean,
    created_on timestamp with time zone,
    updated_on timestamp with time zone,
    created_by integer,
    updated_by integer
);

CREATE TABLE public.app_workflow_mapping (
    id integer DEFAULT nextval('public.app_workflow_mapping_id_seq'::regclass) NOT NULL,
    type character varying(100),
    component_id integer,
    parent_id integer,
    app_workflow_id integer NOT NULL,
    active boolean,
    created_on timestamp with time zone,
    updated_on timestamp with time zone,
    created_by integer,
    updated_by integer,
    parent_type character varying(100)
);

CREATE TABLE public.attributes (
    id integer DEFAULT nextval('public.id_seq_attributes'::regclass) NOT NULL,
    key character varying(250) NOT NULL,
    value character varying(10000) NOT NULL,
    active boolean NOT NULL,
    created_on timestamp with time zone,
    created_by integer,
    updated_on timestamp with time zone,
    updated_by integer
);

CREATE TABLE public.cd_workflow (
    id integer NOT NULL,
    created_on timestamp with time zone,
    updated_on timestamp with time zone,
    created_by integer,
    updated_by integer,
    ci_artifact_id integer NOT NULL,
    pipeline_id integer NOT NULL,
    workflow_status character varying(256)
);

CREATE TABLE public.cd_workflow_runner (
    id integer NOT NULL,
    name character varying(256) NOT NULL,
    workflow_type character varying(256) NOT NULL,
    executor_type character varying(256) NOT NULL,
    status character varying(256),
    pod_status character varying(256),
    message text,
    started_on timestamp with time zone,
    finished_on timestamp with time zone,
    namespace character varying(256),
    log_file_path character varying(256),
    triggered_by integer,
    cd_workflow_id integer NOT NULL,
    blob_storage_enabled boolean DEFAULT true NOT NULL,
    pod_name text,
    created_on timestamp with time zone,
    created_by integer,
    updated_on timestamp with time zone,
    updated_by integer,
    deployment_approval_request_id integer,
    helm_reference_chart bytea,
    ref_cd_workflow_runner_id integer,
    image_path_reservation_ids integer[],
    reference_id character varying(50),
    is_artifact_uploaded character varying(50),
    cd_artifact_location character varying(256),
    image_state character varying(50)
);

CREATE TABLE public.chart_env_config_override (
    id integer NOT NULL,
    chart_id integer,
    target_environment integer,
    env_override_yaml text NOT NULL,
    status character varying(50) NOT NULL,
    reviewed boolean NOT NULL,
    active boolean NOT NULL,
    created_on timestamp with time zone NOT NULL,
    created_by integer NOT NULL,
    updated_on timestamp with time zone NOT NULL,
    updated_by integer NOT NULL,
    namespace character varying(250),
    latest boolean DEFAULT false NOT NULL,
    previous boolean DEFAULT false NOT NULL,
    is_override boolean,
    is_basic_view_locked boolean DEFAULT false NOT NULL,
    current_view_editor text DEFAULT 'UNDEFINED'::text,
    merge_strategy character varying(100)
);

CREATE TABLE public.chart_ref (
    id integer DEFAULT nextval('public.id_seq_chart_ref'::regclass) NOT NULL,
    location character varying(250),
    version character varying(250),
    is_default boolean,
    active boolean,
    created_on timestamp with time zone,
    created_by integer,
    updated_on timestamp with time zone,
    updated_by integer,
    name character varying(250) NOT NULL,
    chart_data bytea,
    chart_description text DEFAULT ''::text,
    user_uploaded boolean DEFAULT false,
    deployment_strategy_path text,
    json_path_for_strategy text,
    is_app_metrics_supported boolean DEFAULT true NOT NULL
);

CREATE TABLE public.charts (
    id integer NOT NULL,
    app_id integer,
    chart_repo_id integer,
    chart_name character varying(250) NOT NULL,
    chart_version character varying(250) NOT NULL,
    chart_repo character varying(250) NOT NULL,
    chart_repo_url character varying(250) NOT NULL,
    git_repo_url character varying(250),
    chart_location character varying(250),
    status character varying(50) NOT NULL,
    active boolean NOT NULL,
    reference_template character varying(250) NOT NULL,
    values_yaml text NOT NULL,
    global_override text NOT NULL,
    environment_override text,
    release_override text NOT NULL,
    user_overrides text,
    created_on timestamp with time zone NOT NULL,
    created_by integer NOT NULL,
    updated_on timestamp with time zone NOT NULL,
    updated_by integer NOT NULL,
    image_descriptor_template text,
    latest boolean DEFAULT false NOT NULL,
    chart_ref_id integer NOT NULL,
    pipeline_override text DEFAULT '{}'::text NOT NULL,
    previous boolean DEFAULT false NOT NULL,
    reference_chart bytea,
    is_basic_view_locked boolean DEFAULT false NOT NULL,
    current_view_editor text DEFAULT 'UNDEFINED'::text,
    is_custom_repository boolean DEFAULT false
);

CREATE TABLE public.ci_build_config (
    id integer DEFAULT nextval('public.id_seq_ci_build_config'::regclass) NOT NULL,
    type character varying(100),
    ci_template_id integer,
    ci_template_override_id integer,
    build_metadata text,
    created_on timestamp with time zone,
    created_by integer,
    updated_on timestamp with time zone,
    updated_by integer,
    use_root_context boolean
);

CREATE TABLE public.ci_pipeline (
    id integer NOT NULL,
    app_id integer,
    ci_template_id integer,
    name character varying(250),
    version character varying(250),
    active boolean NOT NULL,
    deleted boolean NOT NULL,
    created_on timestamp with time zone NOT NULL,
    created_by integer NOT NULL,
    updated_on timestamp with time zone NOT NULL,
    updated_by integer NOT NULL,
    manual boolean DEFAULT false NOT NULL,
    external boolean DEFAULT false,
    docker_args text,
    parent_ci_pipeline integer,
    scan_enabled boolean DEFAULT false NOT NULL,
    is_docker_config_overridden boolean DEFAULT false,
    ci_pipeline_type character varying(75),
    workflow_cache_config character varying(50)
);

CREATE TABLE public.ci_template (
    id integer NOT NULL,
    app_id integer,
    docker_registry_id character varying(250),
    docker_repository character varying(250),
    dockerfile_path character varying(250),
    args text,
    before_docker_build text,
    after_docker_build text,
    template_name character varying(250),
    version character varying(250),
    active boolean,
    created_on timestamp with time zone NOT NULL,
    created_by integer NOT NULL,
    updated_on timestamp with time zone NOT NULL,
    updated_by integer NOT NULL,
    git_material_id integer,
    target_platform character varying(1000) DEFAULT ''::character varying NOT NULL,
    docker_build_options text,
    ci_build_config_id integer,
    build_context_git_material_id integer
);

CREATE TABLE public.ci_workflow (
    id integer NOT NULL,
    name character varying(250) NOT NULL,
    status character varying(50),
    pod_status character varying(50),
    message text,
    started_on timestamp with time zone,
    finished_on timestamp with time zone,
    namespace character varying(250),
    log_file_path character varying(250),
    git_triggers json,
    triggered_by integer NOT NULL,
    ci_pipeline_id integer NOT NULL,
    ci_artifact_location character varying(256),
    blob_storage_enabled boolean DEFAULT true NOT NULL,
    pod_name text,
    ci_build_type character varying(100),
    environment_id integer,
    ref_ci_workflow_id integer,
    parent_ci_workflow_id integer,
    image_path_reservation_id integer,
    executor_type character varying(50),
    image_path_reservation_ids integer[],
    is_artifact_uploaded character varying(50)
);

CREATE TABLE public.cluster (
    id integer NOT NULL,
    cluster_name character varying(250) NOT NULL,
    active boolean NOT NULL,
    created_on timestamp with time zone NOT NULL,
    created_by integer NOT NULL,
    updated_on timestamp with time zone NOT NULL,
    updated_by integer NOT NULL,
    server_url character varying(250),
    config json,
    prometheus_endpoint character varying(250),
    cd_argo_setup boolean DEFAULT false,
    p_username character varying(250),
    p_password character varying(250),
    p_tls_client_cert text,
    p_tls_client_key text,
    agent_installation_stage integer DEFAULT 0,
    k8s_version character varying(250),
    error_in_connecting text,
    is_virtual_cluster boolean,
    insecure_skip_tls_verify boolean,
    proxy_url text,
    to_connect_with_ssh_tunnel boolean,
    ssh_tunnel_user character varying(100),
    ssh_tunnel_password text,
    ssh_tunnel_auth_key text,
    ssh_tunnel_server_address character varying(250),
    description text,
    remote_connection_config_id integer,
    is_prod boolean DEFAULT false,
    cost_module_enabled boolean DEFAULT false NOT NULL,
    cost_module_installation_status character varying(50),
    cost_module_installation_error text,
    gpu_installation_status character varying(50),
    gpu_installation_error text,
    cost_config jsonb
);

CREATE TABLE public.config_map_app_level (
    id integer DEFAULT nextval('public.id_seq_config_map_app_level'::regclass),
    app_id integer NOT NULL,
    config_map_data text,
    secret_data text,
    created_on timestamp with time zone,
    created_by integer,
    updated_on timestamp with time zone,
    updated_by integer
);

CREATE TABLE public.config_map_env_level (
    id integer DEFAULT nextval('public.id_seq_config_map_env_level'::regclass),
    app_id integer NOT NULL,
    environment_id integer NOT NULL,
    config_map_data text,
    secret_data text,
    created_on timestamp with time zone,
    created_by integer,
    updated_on timestamp with time zone,
    updated_by integer,
    deleted boolean
);

CREATE TABLE public.docker_artifact_store (
    id character varying(250) NOT NULL,
    plugin_id character varying(250) NOT NULL,
    registry_url character varying(250),
    registry_type character varying(250) NOT NULL,
    aws_accesskey_id character varying(250),
    aws_secret_accesskey character varying(250),
    aws_region character varying(250),
    username character varying(250),
    password character varying(5000),
    is_default boolean NOT NULL,
    active boolean NOT NULL,
    created_on timestamp with time zone NOT NULL,
    created_by integer NOT NULL,
    updated_on timestamp with time zone NOT NULL,
    updated_by integer NOT NULL,
    connection character varying(250),
    cert text,
    is_oci_compliant_registry boolean,
    remote_connection_config_id integer,
    credentials_type character varying(124),
    assume_role_arn character varying(300) DEFAULT ''::character varying
);

CREATE TABLE public.environment (
    id integer NOT NULL,
    environment_name character varying(250) NOT NULL,
    cluster_id integer NOT NULL,
    active boolean DEFAULT true NOT NULL,
    created_on timestamp with time zone NOT NULL,
    created_by integer NOT NULL,
    updated_on timestamp with time zone NOT NULL,
    updated_by integer NOT NULL,
    "default" boolean DEFAULT false NOT NULL,
    namespace character varying(250),
    grafana_datasource_id integer,
    environment_identifier character varying(250) NOT NULL,
    description character varying(40),
    is_virtual_environment boolean
);

CREATE TABLE public.generic_note (
    id integer DEFAULT nextval('public.id_seq_generic_note'::regclass) NOT NULL,
    identifier integer NOT NULL,
    description text NOT NULL,
    created_on timestamp with time zone NOT NULL,
    created_by integer NOT NULL,
    updated_on timestamp with time zone,
    updated_by integer,
    identifier_type integer
);

CREATE TABLE public.git_material (
    id integer NOT NULL,
    app_id integer,
    git_provider_id integer,
    active boolean NOT NULL,
    name character varying(250),
    url character varying(250),
    created_on timestamp with time zone NOT NULL,
    created_by integer NOT NULL,
    updated_on timestamp with time zone NOT NULL,
    updated_by integer NOT NULL,
    checkout_path character varying(250),
    fetch_submodules boolean DEFAULT false NOT NULL,
    filter_pattern json DEFAULT '[]'::json
);

CREATE TABLE public.git_provider (
    id integer NOT NULL,
    name character varying(250) NOT NULL,
    url character varying(250) NOT NULL,
    user_name character varying(25),
    password character varying(250),
    ssh_private_key text,
    access_token character varying(250),
    auth_mode character varying(250),
    active boolean NOT NULL,
    created_on timestamp with time zone NOT NULL,
    created_by integer NOT NULL,
    updated_on timestamp with time zone NOT NULL,
    updated_by integer NOT NULL,
    git_host_id integer,
    deleted boolean DEFAULT false NOT NULL,
    tls_key text,
    tls_cert text,
    ca_cert text,
    enable_tls_verification boolean
);

CREATE TABLE public.gitops_config (
    id integer DEFAULT nextval('public.id_seq_gitops_config'::regclass) NOT NULL,
    provider character varying(250) NOT NULL,
    username character varying(250) NOT NULL,
    token character varying(250),
    github_org_id character varying(250),
    host character varying(250),
    active boolean NOT NULL,
    created_on timestamp with time zone,
    created_by integer,
    updated_on timestamp with time zone,
    updated_by integer,
    gitlab_group_id character varying(250),
    azure_project character varying(250),
    bitbucket_workspace_id text,
    bitbucket_project_key text,
    email_id text,
    allow_custom_repository boolean DEFAULT false,
    ssh_key text,
    auth_mode text,
    ssh_host character varying(250),
    tls_cert text,
    tls_key text,
    ca_cert text,
    enable_tls_verification boolean
);

CREATE TABLE public.global_policy (
    id integer DEFAULT nextval('public.id_seq_global_policy'::regclass) NOT NULL,
    name character varying(200),
    policy_of character varying(100),
    version character varying(20),
    policy_json text,
    description text,
    enabled boolean,
    deleted boolean,
    created_on timestamp with time zone NOT NULL,
    created_by integer NOT NULL,
    updated_on timestamp with time zone NOT NULL,
    updated_by integer NOT NULL,
    policy_revision text
);

CREATE TABLE public.installed_app_versions (
    id integer NOT NULL,
    installed_app_id integer,
    app_store_application_version_id integer,
    created_on timestamp with time zone,
    updated_on timestamp with time zone,
    created_by integer,
    updated_by integer,
    values_yaml_raw text,
    active boolean DEFAULT true,
    reference_value_id integer,
    reference_value_kind character varying(250)
);

CREATE TABLE public.installed_apps (
    id integer NOT NULL,
    app_id integer,
    environment_id integer,
    created_by integer,
    updated_by integer,
    created_on timestamp with time zone NOT NULL,
    updated_on timestamp with time zone NOT NULL,
    active boolean DEFAULT true,
    status integer DEFAULT 0 NOT NULL,
    git_ops_repo_name character varying(255),
    deployment_app_type character varying(50),
    deployment_app_delete_request boolean DEFAULT false,
    notes text,
    is_custom_repository boolean DEFAULT false,
    git_ops_repo_url character varying(255),
    is_manifest_scan_enabled boolean
);

CREATE TABLE public.module (
    id integer DEFAULT nextval('public.id_seq_module'::regclass) NOT NULL,
    name character varying(255) NOT NULL,
    version character varying(255) NOT NULL,
    status character varying(255) NOT NULL,
    updated_on timestamp with time zone,
    module_type character varying(30),
    enabled boolean
);

CREATE TABLE public.pipeline (
    id integer NOT NULL,
    app_id integer,
    ci_pipeline_id integer,
    trigger_type character varying(250) NOT NULL,
    environment_id integer,
    deployment_template character varying(250),
    pipeline_name character varying(250) NOT NULL,
    deleted boolean NOT NULL,
    created_on timestamp with time zone NOT NULL,
    created_by integer NOT NULL,
    updated_on timestamp with time zone NOT NULL,
    updated_by integer NOT NULL,
    pipeline_override text DEFAULT '{}'::text,
    pre_stage_config_yaml text,
    post_stage_config_yaml text,
    pre_trigger_type character varying(250),
    post_trigger_type character varying(250),
    pre_stage_config_map_secret_names text,
    post_stage_config_map_secret_names text,
    run_pre_stage_in_env boolean DEFAULT false,
    run_post_stage_in_env boolean DEFAULT false,
    deployment_app_created boolean DEFAULT false NOT NULL,
    deployment_app_type character varying(50),
    deployment_app_name text,
    deployment_app_delete_request boolean DEFAULT false,
    user_approval_config character varying(1000)
);

CREATE TABLE public.plugin_parent_metadata (
    id integer DEFAULT nextval('public.id_seq_plugin_parent_metadata'::regclass) NOT NULL,
    name text NOT NULL,
    identifier text NOT NULL,
    deleted boolean NOT NULL,
    description text,
    type character varying(255),
    icon text,
    created_on timestamp with time zone NOT NULL,
    created_by integer NOT NULL,
    updated_on timestamp with time zone NOT NULL,
    updated_by integer NOT NULL,
    is_exposed boolean DEFAULT true NOT NULL
);

CREATE TABLE public.plugin_tag (
    id integer DEFAULT nextval('public.id_seq_plugin_tag'::regclass) NOT NULL,
    name character varying(255),
    deleted boolean,
    created_on timestamp with time zone,
    created_by integer,
    updated_on timestamp with time zone,
    updated_by integer
);

CREATE TABLE public.resource_filter (
    id integer DEFAULT nextval('public.resource_filter_seq'::regclass) NOT NULL,
    name character varying(300) NOT NULL,
    target_object integer NOT NULL,
    condition_expression text NOT NULL,
    deleted boolean NOT NULL,
    description text,
    created_on timestamp with time zone,
    created_by integer,
    updated_on timestamp with time zone,
    updated_by integer
);

CREATE TABLE public.resource_qualifier_mapping (
    id integer DEFAULT nextval('public.variable_scope_seq'::regclass) NOT NULL,
    resource_id integer,
    qualifier_id integer,
    identifier_key integer,
    identifier_value_int integer,
    identifier_value_string character varying(255),
    active boolean NOT NULL,
    parent_identifier integer,
    created_on timestamp with time zone,
    created_by integer,
    updated_on timestamp with time zone,
    updated_by integer,
    resource_type integer DEFAULT 0,
    global_policy_id integer
);

CREATE TABLE public.resource_qualifier_mapping_criteria (
    id integer DEFAULT nextval('public.id_seq_resource_qualifier_mapping_criteria'::regclass) NOT NULL,
    description character varying(100),
    json_data text,
    active boolean,
    created_on timestamp with time zone NOT NULL,
    created_by integer NOT NULL,
    updated_on timestamp with time zone NOT NULL,
    updated_by integer NOT NULL,
    policy_type character varying(50) NOT NULL,
    version character varying(50) DEFAULT 'v1'::character varying NOT NULL
);

CREATE TABLE public.sso_login_config (
    id integer DEFAULT nextval('public.id_seq_sso_login_config'::regclass) NOT NULL,
    name character varying(250),
    label character varying(250),
    url character varying(250),
    config text,
    created_on timestamp with time zone,
    created_by integer,
    updated_on timestamp with time zone,
    updated_by integer,
    active boolean
);

CREATE TABLE public.team (
    id integer NOT NULL,
    name character varying(250) NOT NULL,
    active boolean NOT NULL,
    created_on timestamp with time zone NOT NULL,
    created_by integer NOT NULL,
    updated_on timestamp with time zone NOT NULL,
    updated_by integer NOT NULL
);

CREATE TABLE public.user_attributes (
    email_id character varying(500) NOT NULL,
    user_data json NOT NULL,
    created_on timestamp with time zone,
    updated_on timestamp with time zone,
    created_by integer,
    updated_by integer
);

CREATE TABLE public.user_audit (
    id integer DEFAULT nextval('public.id_seq_user_audit'::regclass) NOT NULL,
    user_id integer NOT NULL,
    client_ip character varying(256) NOT NULL,
    created_on timestamp with time zone NOT NULL,
    updated_on timestamp with time zone
);

CREATE TABLE public.users (
    id integer DEFAULT nextval('public.users_id_seq'::regclass) NOT NULL,
    fname text,
    lname text,
    password text,
    access_token text,
    created_on timestamp without time zone,
    email_id character varying(100) NOT NULL,
    created_by integer,
    updated_by integer,
    updated_on timestamp without time zone,
    active boolean DEFAULT true NOT NULL,
    user_type character varying(250),
    timeout_window_configuration_id integer,
    request_email_id character varying(256)
);

ALTER SEQUENCE public.app_id_seq OWNED BY public.app.id;
ALTER SEQUENCE public.app_store_application_version_id_seq OWNED BY public.app_store_application_version.id;
ALTER SEQUENCE public.app_workflow_id_seq OWNED BY public.app_workflow.id;
ALTER SEQUENCE public.cd_workflow_id_seq OWNED BY public.cd_workflow.id;
ALTER SEQUENCE public.cd_workflow_runner_id_seq OWNED BY public.cd_workflow_runner.id;
ALTER SEQUENCE public.chart_env_config_override_id_seq OWNED BY public.chart_env_config_override.id;
ALTER SEQUENCE public.charts_id_seq OWNED BY public.charts.id;
ALTER SEQUENCE public.ci_pipeline_id_seq OWNED BY public.ci_pipeline.id;
ALTER SEQUENCE public.ci_template_id_seq OWNED BY public.ci_template.id;
ALTER SEQUENCE public.ci_workflow_id_seq OWNED BY public.ci_workflow.id;
ALTER SEQUENCE public.cluster_id_seq OWNED BY public.cluster.id;
ALTER SEQUENCE public.environment_id_seq OWNED BY public.environment.id;
ALTER SEQUENCE public.git_material_id_seq OWNED BY public.git_material.id;
ALTER SEQUENCE public.git_provider_id_seq OWNED BY public.git_provider.id;
ALTER SEQUENCE public.installed_app_versions_id_seq OWNED BY public.installed_app_versions.id;
ALTER SEQUENCE public.installed_apps_id_seq OWNED BY public.installed_apps.id;
ALTER SEQUENCE public.pipeline_id_seq OWNED BY public.pipeline.id;
ALTER SEQUENCE public.team_id_seq OWNED BY public.team.id;
ALTER TABLE ONLY public.app ALTER COLUMN id SET DEFAULT nextval('public.app_id_seq'::regclass);
ALTER TABLE ONLY public.app_store_application_version ALTER COLUMN id SET DEFAULT nextval('public.app_store_application_version_id_seq'::regclass);
ALTER TABLE ONLY public.app_workflow ALTER COLUMN id SET DEFAULT nextval('public.app_workflow_id_seq'::regclass);
ALTER TABLE ONLY public.cd_workflow ALTER COLUMN id SET DEFAULT nextval('public.cd_workflow_id_seq'::regclass);
ALTER TABLE ONLY public.cd_workflow_runner ALTER COLUMN id SET DEFAULT nextval('public.cd_workflow_runner_id_seq'::regclass);
ALTER TABLE ONLY public.chart_env_config_override ALTER COLUMN id SET DEFAULT nextval('public.chart_env_config_override_id_seq'::regclass);
ALTER TABLE ONLY public.charts ALTER COLUMN id SET DEFAULT nextval('public.charts_id_seq'::regclass);
ALTER TABLE ONLY public.ci_pipeline ALTER COLUMN id SET DEFAULT nextval('public.ci_pipeline_id_seq'::regclass);
ALTER TABLE ONLY public.ci_template ALTER COLUMN id SET DEFAULT nextval('public.ci_template_id_seq'::regclass);
ALTER TABLE ONLY public.ci_workflow ALTER COLUMN id SET DEFAULT nextval('public.ci_workflow_id_seq'::regclass);
ALTER TABLE ONLY public.cluster ALTER COLUMN id SET DEFAULT nextval('public.cluster_id_seq'::regclass);
ALTER TABLE ONLY public.environment ALTER COLUMN id SET DEFAULT nextval('public.environment_id_seq'::regclass);
ALTER TABLE ONLY public.git_material ALTER COLUMN id SET DEFAULT nextval('public.git_material_id_seq'::regclass);
ALTER TABLE ONLY public.git_provider ALTER COLUMN id SET DEFAULT nextval('public.git_provider_id_seq'::regclass);
ALTER TABLE ONLY public.installed_app_versions ALTER COLUMN id SET DEFAULT nextval('public.installed_app_versions_id_seq'::regclass);
ALTER TABLE ONLY public.installed_apps ALTER COLUMN id SET DEFAULT nextval('public.installed_apps_id_seq'::regclass);
ALTER TABLE ONLY public.pipeline ALTER COLUMN id SET DEFAULT nextval('public.pipeline_id_seq'::regclass);
ALTER TABLE ONLY public.team ALTER COLUMN id SET DEFAULT nextval('public.team_id_seq'::regclass);

ALTER TABLE ONLY public.app_label
    ADD CONSTRAINT app_label_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.app
    ADD CONSTRAINT app_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.app_store_application_version
    ADD CONSTRAINT app_store_application_version_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.app_workflow_mapping
    ADD CONSTRAINT app_workflow_mapping_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.app_workflow
    ADD CONSTRAINT app_workflow_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.attributes
    ADD CONSTRAINT attributes_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.cd_workflow
    ADD CONSTRAINT cd_workflow_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.cd_workflow_runner
    ADD CONSTRAINT cd_workflow_runner_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.chart_env_config_override
    ADD CONSTRAINT chart_env_config_override_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.charts
    ADD CONSTRAINT charts_chart_name_chart_version_chart_repo_key UNIQUE (chart_name, chart_version, chart_repo);

ALTER TABLE ONLY public.charts
    ADD CONSTRAINT charts_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.ci_build_config
    ADD CONSTRAINT ci_build_config_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.ci_pipeline
    ADD CONSTRAINT ci_pipeline_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.ci_template
    ADD CONSTRAINT ci_template_app_id_key UNIQUE (app_id);

ALTER TABLE ONLY public.ci_template
    ADD CONSTRAINT ci_template_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.ci_workflow
    ADD CONSTRAINT ci_workflow_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.generic_note
    ADD CONSTRAINT cluster_note_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.cluster
    ADD CONSTRAINT cluster_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.docker_artifact_store
    ADD CONSTRAINT docker_artifact_store_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.environment
    ADD CONSTRAINT environment_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.git_material
    ADD CONSTRAINT git_material_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.git_provider
    ADD CONSTRAINT git_provider_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.gitops_config
    ADD CONSTRAINT gitops_config_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.global_policy
    ADD CONSTRAINT global_policy_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.installed_app_versions
    ADD CONSTRAINT installed_app_versions_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.installed_apps
    ADD CONSTRAINT installed_apps_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.module
    ADD CONSTRAINT module_name_key UNIQUE (name);

ALTER TABLE ONLY public.module
    ADD CONSTRAINT module_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.pipeline
    ADD CONSTRAINT pipeline_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.plugin_parent_metadata
    ADD CONSTRAINT plugin_parent_metadata_identifier_key UNIQUE (identifier);

ALTER TABLE ONLY public.plugin_parent_metadata
    ADD CONSTRAINT plugin_parent_metadata_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.plugin_tag
    ADD CONSTRAINT plugin_tag_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.resource_filter
    ADD CONSTRAINT resource_filter_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.resource_qualifier_mapping_criteria
    ADD CONSTRAINT resource_qualifier_mapping_criteria_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.sso_login_config
    ADD CONSTRAINT sso_login_config_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.team
    ADD CONSTRAINT team_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.user_attributes
    ADD CONSTRAINT user_attributes_pkey PRIMARY KEY (email_id);

ALTER TABLE ONLY public.user_audit
    ADD CONSTRAINT user_audit_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.users
    ADD CONSTRAINT users_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.resource_qualifier_mapping
    ADD CONSTRAINT variable_scope_pkey PRIMARY KEY (id);

CREATE UNIQUE INDEX app_env_unique ON public.config_map_env_level USING btree (app_id, environment_id);
CREATE UNIQUE INDEX app_id_unique ON public.config_map_app_level USING btree (app_id);
CREATE INDEX app_store_application_version_app_store_id_ix ON public.app_store_application_version USING btree (app_store_id);
CREATE UNIQUE INDEX app_store_version_unique ON public.app_store_application_version USING btree (app_store_id, name, version);
CREATE INDEX cdwf_pipeline_id_idx ON public.cd_workflow USING btree (pipeline_id);
CREATE INDEX cdwfr_cd_workflow_id_idx ON public.cd_workflow_runner USING btree (cd_workflow_id);
CREATE UNIQUE INDEX email_unique ON public.users USING btree (email_id);
CREATE INDEX idx_app_label_app_id_key_value ON public.app_label USING btree (app_id, key, value);
CREATE UNIQUE INDEX idx_unique_policy_name_policy_of_version ON public.global_policy USING btree (name, policy_of, version) WHERE (deleted = false);
CREATE UNIQUE INDEX unique_deployment_app_name ON public.pipeline USING btree (deployment_app_name, environment_id, deleted) WHERE (deleted = false);
CREATE INDEX user_audit_user_id_ix ON public.user_audit USING btree (user_id);

ALTER TABLE ONLY public.app_label
    ADD CONSTRAINT app_label_app_id_fkey FOREIGN KEY (app_id) REFERENCES public.app(id);

ALTER TABLE ONLY public.app
    ADD CONSTRAINT app_team_id_fkey FOREIGN KEY (team_id) REFERENCES public.team(id);

ALTER TABLE ONLY public.app_workflow
    ADD CONSTRAINT app_workflow_app_id_fkey FOREIGN KEY (app_id) REFERENCES public.app(id);

ALTER TABLE ONLY public.app_workflow_mapping
    ADD CONSTRAINT app_workflow_mapping_app_workflow_id_fkey FOREIGN KEY (app_workflow_id) REFERENCES public.app_workflow(id);

ALTER TABLE ONLY public.cd_workflow
    ADD CONSTRAINT cd_workflow_pipeline_id_fkey FOREIGN KEY (pipeline_id) REFERENCES public.pipeline(id);

ALTER TABLE ONLY public.cd_workflow_runner
    ADD CONSTRAINT cd_workflow_runner_cd_workflow_id_fkey FOREIGN KEY (cd_workflow_id) REFERENCES public.cd_workflow(id);

ALTER TABLE ONLY public.chart_env_config_override
    ADD CONSTRAINT chart_env_config_override_chart_id_fkey FOREIGN KEY (chart_id) REFERENCES public.charts(id);

ALTER TABLE ONLY public.chart_env_config_override
    ADD CONSTRAINT chart_env_config_override_target_environment_fkey FOREIGN KEY (target_environment) REFERENCES public.environment(id);

ALTER TABLE ONLY public.charts
    ADD CONSTRAINT charts_app_id_fkey FOREIGN KEY (app_id) REFERENCES public.app(id);

ALTER TABLE ONLY public.ci_pipeline
    ADD CONSTRAINT ci_pipeline_app_id_fkey FOREIGN KEY (app_id) REFERENCES public.app(id);

ALTER TABLE ONLY public.ci_pipeline
    ADD CONSTRAINT ci_pipeline_ci_template_id_fkey FOREIGN KEY (ci_template_id) REFERENCES public.ci_template(id);

ALTER TABLE ONLY public.ci_template
    ADD CONSTRAINT ci_template_app_id_fkey FOREIGN KEY (app_id) REFERENCES public.app(id);

ALTER TABLE ONLY public.ci_template
    ADD CONSTRAINT ci_template_build_context_git_material_id_fkey FOREIGN KEY (build_context_git_material_id) REFERENCES public.git_material(id);

ALTER TABLE ONLY public.ci_template
    ADD CONSTRAINT ci_template_ci_build_config_id_fkey FOREIGN KEY (ci_build_config_id) REFERENCES public.ci_build_config(id);

ALTER TABLE ONLY public.ci_template
    ADD CONSTRAINT ci_template_docker_registry_id_fkey FOREIGN KEY (docker_registry_id) REFERENCES public.docker_artifact_store(id);

ALTER TABLE ONLY public.ci_template
    ADD CONSTRAINT ci_template_git_material_id_fkey FOREIGN KEY (git_material_id) REFERENCES public.git_material(id);

ALTER TABLE ONLY public.ci_workflow
    ADD CONSTRAINT ci_workflow_ci_pipeline_id_fkey FOREIGN KEY (ci_pipeline_id) REFERENCES public.ci_pipeline(id);

ALTER TABLE ONLY public.config_map_app_level
    ADD CONSTRAINT config_map_app_level_app_id_fkey FOREIGN KEY (app_id) REFERENCES public.app(id);

ALTER TABLE ONLY public.config_map_env_level
    ADD CONSTRAINT config_map_env_level_app_id_fkey FOREIGN KEY (app_id) REFERENCES public.app(id);

ALTER TABLE ONLY public.config_map_env_level
    ADD CONSTRAINT config_map_env_level_environment_id_fkey FOREIGN KEY (environment_id) REFERENCES public.environment(id);

ALTER TABLE ONLY public.environment
    ADD CONSTRAINT environment_cluster_id_fkey FOREIGN KEY (cluster_id) REFERENCES public.cluster(id);

ALTER TABLE ONLY public.git_material
    ADD CONSTRAINT git_material_app_id_fkey FOREIGN KEY (app_id) REFERENCES public.app(id);

ALTER TABLE ONLY public.git_material
    ADD CONSTRAINT git_material_git_provider_id_fkey FOREIGN KEY (git_provider_id) REFERENCES public.git_provider(id);

ALTER TABLE ONLY public.installed_app_versions
    ADD CONSTRAINT installed_app_versions_app_store_application_version_id_fkey FOREIGN KEY (app_store_application_version_id) REFERENCES public.app_store_application_version(id);

ALTER TABLE ONLY public.installed_app_versions
    ADD CONSTRAINT installed_app_versions_installed_app_id_fkey FOREIGN KEY (installed_app_id) REFERENCES public.installed_apps(id);

ALTER TABLE ONLY public.installed_apps
    ADD CONSTRAINT installed_apps_app_id_fkey FOREIGN KEY (app_id) REFERENCES public.app(id);

ALTER TABLE ONLY public.installed_apps
    ADD CONSTRAINT installed_apps_environment_id_fkey FOREIGN KEY (environment_id) REFERENCES public.environment(id);

ALTER TABLE ONLY public.pipeline
    ADD CONSTRAINT pipeline_app_id_fkey FOREIGN KEY (app_id) REFERENCES public.app(id);

ALTER TABLE ONLY public.pipeline
    ADD CONSTRAINT pipeline_ci_pipeline_id_fkey FOREIGN KEY (ci_pipeline_id) REFERENCES public.ci_pipeline(id);

ALTER TABLE ONLY public.pipeline
    ADD CONSTRAINT pipeline_environment_id_fkey FOREIGN KEY (environment_id) REFERENCES public.environment(id);

ALTER TABLE ONLY public.resource_qualifier_mapping
    ADD CONSTRAINT resource_qualifier_mapping_global_policy_id_fkey FOREIGN KEY (global_policy_id) REFERENCES public.global_policy(id);

ALTER TABLE ONLY public.user_audit
    ADD CONSTRAINT user_audit_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id);
