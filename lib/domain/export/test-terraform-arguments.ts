// Test fixture: the argument names (and nested block names) of the hashicorp/aws provider's
// resources the Terraform export writes, from the provider's documentation for the 6.x line
// (6.21.0 for deployment_configuration's linear_configuration/canary_configuration). `true` is
// an argument; an object is a block with its own arguments. Meta-arguments are in META.
//
// Sources (website/docs/r/*.html.markdown in hashicorp/terraform-provider-aws, published at):
//   https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ecs_cluster
//   https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ecs_cluster_capacity_providers
//   https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ecs_task_definition
//   https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ecs_service
//     (read at commit 0205d166d6f7741d755c24749afc73339d18c005 of website/docs/r/ecs_service.html.markdown)
//   https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lb
//   https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lb_target_group
//   https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lb_listener
//   https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lb_listener_rule
//     (read at commit 0028ca39f8a42c2c8069c2c3553ffbe9945ba259 of website/docs/r/lb_listener_rule.html.markdown)
//   https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/appautoscaling_target
//   https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/appautoscaling_policy
//   https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/appautoscaling_scheduled_action
//   https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudwatch_metric_alarm
//   https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ecs_capacity_provider
//     (read at commit 00946284020053b82745d449178fd739d836a232 of website/docs/r/ecs_capacity_provider.html.markdown;
//      managed_instances_provider since v6.15.0, https://github.com/hashicorp/terraform-provider-aws/pull/44509;
//      its infrastructure_optimization since v6.23.0, CHANGELOG.md "6.23.0 (November 26, 2025)", #45142)
//   Linear and canary: https://github.com/hashicorp/terraform-provider-aws/pull/44842 (released in v6.21.0)
//   https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/scheduler_schedule
//     (read at commit 01f431114674c27cf790fafb67ac274bf8f765e1 of website/docs/r/scheduler_schedule.html.markdown; the resource
//      from https://github.com/hashicorp/terraform-provider-aws/pull/27975; action_after_completion from
//      https://github.com/hashicorp/terraform-provider-aws/pull/44264, merged 2025-09-12, first released in v6.14.0)
//   https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/scheduler_schedule_group

type Schema = { [name: string]: true | Schema };

export const META = ["depends_on", "lifecycle", "count", "for_each", "provider"];

const action: Schema = {
  type: true, target_group_arn: true, order: true,
  forward: { target_group: { arn: true, weight: true }, stickiness: { enabled: true, duration: true } },
  fixed_response: { content_type: true, message_body: true, status_code: true },
  redirect: { host: true, path: true, port: true, protocol: true, query: true, status_code: true },
  authenticate_cognito: true, authenticate_oidc: true,
};

const range: Schema = { min: true, max: true };

export const TERRAFORM_ARGUMENTS: Record<string, Schema> = {
  aws_ecs_cluster: {
    name: true, region: true, tags: true,
    setting: { name: true, value: true },
    service_connect_defaults: { namespace: true },
    configuration: true,
  },
  aws_ecs_cluster_capacity_providers: {
    cluster_name: true, region: true, capacity_providers: true,
    default_capacity_provider_strategy: { capacity_provider: true, weight: true, base: true },
  },
  aws_ecs_task_definition: {
    family: true, container_definitions: true, region: true, cpu: true, memory: true, network_mode: true,
    execution_role_arn: true, task_role_arn: true, requires_compatibilities: true, pid_mode: true, ipc_mode: true,
    skip_destroy: true, track_latest: true, tags: true, enable_fault_injection: true,
    ephemeral_storage: { size_in_gib: true },
    inference_accelerator: { device_name: true, device_type: true },
    placement_constraints: { type: true, expression: true },
    proxy_configuration: { container_name: true, properties: true, type: true },
    runtime_platform: { operating_system_family: true, cpu_architecture: true },
    volume: {
      name: true, host_path: true, configure_at_launch: true,
      docker_volume_configuration: { autoprovision: true, driver: true, driver_opts: true, labels: true, scope: true },
      efs_volume_configuration: {
        file_system_id: true, root_directory: true, transit_encryption: true, transit_encryption_port: true,
        authorization_config: { access_point_id: true, iam: true },
      },
      fsx_windows_file_server_volume_configuration: {
        file_system_id: true, root_directory: true, authorization_config: { credentials_parameter: true, domain: true },
      },
    },
  },
  aws_ecs_service: {
    name: true, region: true, availability_zone_rebalancing: true, cluster: true, deployment_maximum_percent: true,
    deployment_minimum_healthy_percent: true, desired_count: true, enable_ecs_managed_tags: true, enable_execute_command: true,
    force_delete: true, force_new_deployment: true, health_check_grace_period_seconds: true, iam_role: true, launch_type: true,
    platform_version: true, propagate_tags: true, scheduling_strategy: true, sigint_rollback: true, tags: true,
    task_definition: true, triggers: true, wait_for_steady_state: true,
    alarms: { alarm_names: true, enable: true, rollback: true },
    capacity_provider_strategy: { base: true, capacity_provider: true, weight: true },
    deployment_circuit_breaker: { enable: true, rollback: true },
    deployment_configuration: {
      strategy: true, bake_time_in_minutes: true,
      lifecycle_hook: { hook_target_arn: true, role_arn: true, lifecycle_stages: true, hook_details: true },
      linear_configuration: { step_percent: true, step_bake_time_in_minutes: true },
      canary_configuration: { canary_percent: true, canary_bake_time_in_minutes: true },
    },
    deployment_controller: { type: true },
    load_balancer: {
      elb_name: true, target_group_arn: true, container_name: true, container_port: true,
      advanced_configuration: { alternate_target_group_arn: true, production_listener_rule: true, role_arn: true, test_listener_rule: true },
    },
    network_configuration: { subnets: true, security_groups: true, assign_public_ip: true },
    ordered_placement_strategy: { type: true, field: true },
    placement_constraints: { type: true, expression: true },
    service_registries: { registry_arn: true, port: true, container_port: true, container_name: true },
    service_connect_configuration: {
      enabled: true, namespace: true,
      log_configuration: { log_driver: true, options: true, secret_option: { name: true, value_from: true } },
      service: {
        discovery_name: true, ingress_port_override: true, port_name: true,
        client_alias: { dns_name: true, port: true, test_traffic_rules: true },
        timeout: { idle_timeout_seconds: true, per_request_timeout_seconds: true },
        tls: { issuer_cert_authority: { aws_pca_authority_arn: true }, kms_key: true, role_arn: true },
      },
    },
    volume_configuration: {
      name: true,
      managed_ebs_volume: {
        role_arn: true, encrypted: true, file_system_type: true, iops: true, kms_key_id: true, size_in_gb: true, snapshot_id: true,
        volume_initialization_rate: true, throughput: true, volume_type: true,
        tag_specifications: { resource_type: true, propagate_tags: true, tags: true },
      },
    },
    vpc_lattice_configurations: true,
  },
  aws_lb: {
    name: true, name_prefix: true, region: true, internal: true, load_balancer_type: true, security_groups: true, subnets: true,
    subnet_mapping: true, ip_address_type: true, idle_timeout: true, enable_deletion_protection: true, enable_http2: true,
    access_logs: true, connection_logs: true, customer_owned_ipv4_pool: true, desync_mitigation_mode: true, drop_invalid_header_fields: true,
    enable_cross_zone_load_balancing: true, preserve_host_header: true, tags: true,
  },
  aws_lb_target_group: {
    name: true, name_prefix: true, region: true, port: true, protocol: true, protocol_version: true, target_type: true, vpc_id: true,
    deregistration_delay: true, slow_start: true, load_balancing_algorithm_type: true, ip_address_type: true, proxy_protocol_v2: true,
    connection_termination: true, preserve_client_ip: true, lambda_multi_value_headers_enabled: true, tags: true,
    health_check: { enabled: true, healthy_threshold: true, interval: true, matcher: true, path: true, port: true, protocol: true, timeout: true, unhealthy_threshold: true },
    stickiness: true,
  },
  aws_lb_listener: {
    load_balancer_arn: true, region: true, port: true, protocol: true, certificate_arn: true, ssl_policy: true, alpn_policy: true, tags: true,
    default_action: action,
  },
  aws_appautoscaling_target: {
    region: true, service_namespace: true, resource_id: true, scalable_dimension: true, min_capacity: true, max_capacity: true, role_arn: true,
    suspended_state: true, tags: true,
  },
  aws_appautoscaling_policy: {
    region: true, name: true, policy_type: true, resource_id: true, scalable_dimension: true, service_namespace: true,
    target_tracking_scaling_policy_configuration: {
      target_value: true, disable_scale_in: true, scale_in_cooldown: true, scale_out_cooldown: true,
      predefined_metric_specification: { predefined_metric_type: true, resource_label: true },
      customized_metric_specification: { metric_name: true, namespace: true, statistic: true, unit: true, dimensions: { name: true, value: true }, metrics: true },
    },
    step_scaling_policy_configuration: {
      adjustment_type: true, cooldown: true, metric_aggregation_type: true, min_adjustment_magnitude: true,
      step_adjustment: { metric_interval_lower_bound: true, metric_interval_upper_bound: true, scaling_adjustment: true },
    },
  },
  aws_appautoscaling_scheduled_action: {
    region: true, name: true, service_namespace: true, resource_id: true, scalable_dimension: true, schedule: true, timezone: true,
    start_time: true, end_time: true, scalable_target_action: { min_capacity: true, max_capacity: true },
  },
  aws_cloudwatch_metric_alarm: {
    region: true, alarm_name: true, comparison_operator: true, evaluation_periods: true, metric_name: true, namespace: true, period: true,
    statistic: true, threshold: true, actions_enabled: true, alarm_actions: true, alarm_description: true, datapoints_to_alarm: true,
    dimensions: true, insufficient_data_actions: true, ok_actions: true, unit: true, extended_statistic: true, treat_missing_data: true, tags: true,
  },
  aws_ecs_capacity_provider: {
    region: true, name: true, tags: true, cluster: true,
    auto_scaling_group_provider: {
      auto_scaling_group_arn: true, managed_draining: true, managed_termination_protection: true,
      managed_scaling: { instance_warmup_period: true, maximum_scaling_step_size: true, minimum_scaling_step_size: true, status: true, target_capacity: true },
    },
    managed_instances_provider: {
      infrastructure_role_arn: true, propagate_tags: true, infrastructure_optimization: { scale_in_after: true },
      instance_launch_template: {
        capacity_option_type: true, ec2_instance_profile_arn: true, monitoring: true,
        network_configuration: { subnets: true, security_groups: true },
        storage_configuration: { storage_size_gib: true },
        local_storage_configuration: { use_local_storage: true },
        instance_requirements: {
          accelerator_count: range, accelerator_manufacturers: true, accelerator_names: true, accelerator_total_memory_mib: range, accelerator_types: true,
          allowed_instance_types: true, bare_metal: true, baseline_ebs_bandwidth_mbps: range, burstable_performance: true, cpu_manufacturers: true,
          excluded_instance_types: true, instance_generations: true, local_storage: true, local_storage_types: true,
          max_spot_price_as_percentage_of_optimal_on_demand_price: true, memory_gib_per_vcpu: range, memory_mib: range, network_bandwidth_gbps: range,
          network_interface_count: range, on_demand_max_price_percentage_over_lowest_price: true, require_hibernate_support: true,
          spot_max_price_percentage_over_lowest_price: true, total_local_storage_gb: range, vcpu_count: range,
        },
      },
    },
  },
  aws_scheduler_schedule_group: { region: true, name: true, name_prefix: true, tags: true },
  aws_scheduler_schedule: {
    region: true, name: true, name_prefix: true, group_name: true, description: true, schedule_expression: true, schedule_expression_timezone: true,
    start_date: true, end_date: true, state: true, kms_key_arn: true, action_after_completion: true,
    flexible_time_window: { mode: true, maximum_window_in_minutes: true },
    target: {
      arn: true, role_arn: true, input: true, dead_letter_config: { arn: true }, retry_policy: { maximum_event_age_in_seconds: true, maximum_retry_attempts: true },
      ecs_parameters: {
        task_definition_arn: true, task_count: true, launch_type: true, platform_version: true, group: true, enable_ecs_managed_tags: true,
        enable_execute_command: true, propagate_tags: true, reference_id: true, tags: true,
        capacity_provider_strategy: { capacity_provider: true, weight: true, base: true },
        network_configuration: { subnets: true, security_groups: true, assign_public_ip: true },
        placement_constraints: { type: true, expression: true }, placement_strategy: { type: true, field: true },
      },
      eventbridge_parameters: { detail_type: true, source: true }, kinesis_parameters: { partition_key: true },
      sagemaker_pipeline_parameters: { pipeline_parameter: { name: true, value: true } }, sqs_parameters: { message_group_id: true },
    },
  },
  aws_lb_listener_rule: {
    listener_arn: true, region: true, priority: true, tags: true,
    action,
    condition: {
      host_header: { values: true }, http_request_method: { values: true }, path_pattern: { values: true }, source_ip: { values: true },
      http_header: { http_header_name: true, values: true }, query_string: { key: true, value: true },
    },
  },
};

/** Arguments and blocks of a parsed resource body not in the provider's documented schema. */
export function unknownArguments(body: Record<string, unknown>, schema: Schema, at: string, out: string[] = []): string[] {
  for (const [k, v] of Object.entries(body)) {
    if (META.includes(k)) continue;
    const s = schema[k];
    if (s === undefined) out.push(`${at}.${k}`);
    else if (s !== true && Array.isArray(v)) for (const block of v as Record<string, unknown>[]) unknownArguments(block, s, `${at}.${k}`, out);
    else if (s !== true) out.push(`${at}.${k} (a block, written as an attribute)`);
  }
  return out;
}

