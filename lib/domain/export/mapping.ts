// The one mapping every exporter shares: for each field of the design (lib/domain/design/schema.ts,
// by path: `service.deploymentConfiguration.strategy`, `[]` for an array's items), where it goes
// in the Terraform AWS provider's resources and in CloudFormation's resource types, or why it
// cannot go there. mapping.test.ts walks the zod schemas and fails on a field without an entry,
// so a field added to the design is added to every export (or explained) before it merges.
//
// A target is `<resource type>.<path>` in that format's own names. Segments ending in `[]` are
// repeated (blocks in Terraform, list items in CloudFormation), one per item of the design's
// array at the same depth; `[0]` is a list the design holds one item of (a listener's default
// action, its certificate). The exporters place values by these paths (place.ts); the few
// fields whose value changes shape (tags to a map, conditions by field) are converted there
// and named here all the same. Terraform `since` is the provider version that added the argument.

/** Where a design field goes in one format, or why it does not. */
export type Target = string | { not: string };
export type Entry = { terraform: Target; cloudformation: Target; since?: string; designOnly?: true };

const not = (why: string) => ({ not: why });
/** The provider line the argument-name fixture was written from (6.0.0 added `region` to every resource). */
export const TERRAFORM_BASELINE = "6.0.0";

type Table = Record<string, Entry>;
/** A resource's `id`: the design's own bookkeeping (canvas and layout keys), nothing AWS has; exports name resources by their names. */
const ID: Entry = { terraform: not("the design's own id"), cloudformation: not("the design's own id"), designOnly: true };
const e = (terraform: Target, cloudformation: Target, since?: string): Entry => (since ? { terraform, cloudformation, since } : { terraform, cloudformation });

/** `tags` of one resource: a map in Terraform, Key/Value items in CloudFormation. */
function tags(kind: string, tf: string, cfn: string): Table {
  return {
    [`${kind}.tags`]: e(`${tf}.tags`, `${cfn}.Tags`),
    [`${kind}.tags[].key`]: e(`${tf}.tags`, `${cfn}.Tags[].Key`),
    [`${kind}.tags[].value`]: e(`${tf}.tags`, `${cfn}.Tags[].Value`),
  };
}

const CLUSTER = "aws_ecs_cluster";
const CP = "aws_ecs_cluster_capacity_providers";
const CFN_CLUSTER = "AWS::ECS::Cluster";
const CFN_CP = "AWS::ECS::ClusterCapacityProviderAssociations";

const cluster: Table = {
  "cluster.id": ID,
  "cluster.clusterName": e(`${CLUSTER}.name`, `${CFN_CLUSTER}.ClusterName`),
  "cluster.capacityProviders": e(`${CP}.capacity_providers`, `${CFN_CP}.CapacityProviders`),
  "cluster.defaultCapacityProviderStrategy": e(`${CP}.default_capacity_provider_strategy`, `${CFN_CP}.DefaultCapacityProviderStrategy`),
  "cluster.defaultCapacityProviderStrategy[].capacityProvider": e(`${CP}.default_capacity_provider_strategy[].capacity_provider`, `${CFN_CP}.DefaultCapacityProviderStrategy[].CapacityProvider`),
  "cluster.defaultCapacityProviderStrategy[].weight": e(`${CP}.default_capacity_provider_strategy[].weight`, `${CFN_CP}.DefaultCapacityProviderStrategy[].Weight`),
  "cluster.defaultCapacityProviderStrategy[].base": e(`${CP}.default_capacity_provider_strategy[].base`, `${CFN_CP}.DefaultCapacityProviderStrategy[].Base`),
  "cluster.settings": e(`${CLUSTER}.setting`, `${CFN_CLUSTER}.ClusterSettings`),
  "cluster.settings[].name": e(`${CLUSTER}.setting[].name`, `${CFN_CLUSTER}.ClusterSettings[].Name`),
  "cluster.settings[].value": e(`${CLUSTER}.setting[].value`, `${CFN_CLUSTER}.ClusterSettings[].Value`),
  "cluster.serviceConnectDefaults": e(`${CLUSTER}.service_connect_defaults`, `${CFN_CLUSTER}.ServiceConnectDefaults`),
  "cluster.serviceConnectDefaults.namespace": e(`${CLUSTER}.service_connect_defaults.namespace`, `${CFN_CLUSTER}.ServiceConnectDefaults.Namespace`),
  ...tags("cluster", CLUSTER, CFN_CLUSTER),
};
const INSTANCES = "designed EC2 container instances are launched outside ECS (an Auto Scaling group or launch template), which the design does not describe";
for (const k of ["", "[].id", "[].instanceType", "[].cpu", "[].memory", "[].availabilityZone", "[].attributes", "[].attributes[].name", "[].attributes[].value"]) {
  cluster[`cluster.instances${k}`] = e(not(INSTANCES), not(INSTANCES));
}

// Container definitions: Terraform takes them as the ECS JSON itself (container_definitions =
// jsonencode([...]), same keys); CloudFormation spells each key in PascalCase.
const TD = "aws_ecs_task_definition";
const CFN_TD = "AWS::ECS::TaskDefinition";
const CONTAINER_FIELDS: Record<string, string> = {
  name: "Name", image: "Image", repositoryCredentials: "RepositoryCredentials", "repositoryCredentials.credentialsParameter": "RepositoryCredentials.CredentialsParameter",
  cpu: "Cpu", memory: "Memory", memoryReservation: "MemoryReservation", links: "Links",
  portMappings: "PortMappings", "portMappings[].containerPort": "PortMappings[].ContainerPort", "portMappings[].hostPort": "PortMappings[].HostPort",
  "portMappings[].protocol": "PortMappings[].Protocol", "portMappings[].name": "PortMappings[].Name", "portMappings[].appProtocol": "PortMappings[].AppProtocol",
  "portMappings[].containerPortRange": "PortMappings[].ContainerPortRange",
  essential: "Essential", restartPolicy: "RestartPolicy", entryPoint: "EntryPoint", command: "Command",
  environment: "Environment", "environment[].name": "Environment[].Name", "environment[].value": "Environment[].Value",
  environmentFiles: "EnvironmentFiles", "environmentFiles[].value": "EnvironmentFiles[].Value", "environmentFiles[].type": "EnvironmentFiles[].Type",
  mountPoints: "MountPoints", "mountPoints[].sourceVolume": "MountPoints[].SourceVolume", "mountPoints[].containerPath": "MountPoints[].ContainerPath", "mountPoints[].readOnly": "MountPoints[].ReadOnly",
  volumesFrom: "VolumesFrom", "volumesFrom[].sourceContainer": "VolumesFrom[].SourceContainer", "volumesFrom[].readOnly": "VolumesFrom[].ReadOnly",
  linuxParameters: "LinuxParameters", "linuxParameters.capabilities": "LinuxParameters.Capabilities",
  "linuxParameters.capabilities.add": "LinuxParameters.Capabilities.Add", "linuxParameters.capabilities.drop": "LinuxParameters.Capabilities.Drop",
  "linuxParameters.devices": "LinuxParameters.Devices", "linuxParameters.devices[].hostPath": "LinuxParameters.Devices[].HostPath",
  "linuxParameters.initProcessEnabled": "LinuxParameters.InitProcessEnabled", "linuxParameters.sharedMemorySize": "LinuxParameters.SharedMemorySize",
  "linuxParameters.tmpfs": "LinuxParameters.Tmpfs", "linuxParameters.tmpfs[].containerPath": "LinuxParameters.Tmpfs[].ContainerPath", "linuxParameters.tmpfs[].size": "LinuxParameters.Tmpfs[].Size",
  "linuxParameters.maxSwap": "LinuxParameters.MaxSwap", "linuxParameters.swappiness": "LinuxParameters.Swappiness",
  secrets: "Secrets", "secrets[].name": "Secrets[].Name", "secrets[].valueFrom": "Secrets[].ValueFrom",
  dependsOn: "DependsOn", "dependsOn[].containerName": "DependsOn[].ContainerName", "dependsOn[].condition": "DependsOn[].Condition",
  startTimeout: "StartTimeout", stopTimeout: "StopTimeout", versionConsistency: "VersionConsistency", hostname: "Hostname", user: "User",
  workingDirectory: "WorkingDirectory", disableNetworking: "DisableNetworking", privileged: "Privileged", readonlyRootFilesystem: "ReadonlyRootFilesystem",
  dnsServers: "DnsServers", dnsSearchDomains: "DnsSearchDomains", extraHosts: "ExtraHosts", "extraHosts[].hostname": "ExtraHosts[].Hostname", "extraHosts[].ipAddress": "ExtraHosts[].IpAddress",
  dockerSecurityOptions: "DockerSecurityOptions", interactive: "Interactive", pseudoTerminal: "PseudoTerminal", dockerLabels: "DockerLabels",
  ulimits: "Ulimits", "ulimits[].name": "Ulimits[].Name", "ulimits[].softLimit": "Ulimits[].SoftLimit", "ulimits[].hardLimit": "Ulimits[].HardLimit",
  logConfiguration: "LogConfiguration", "logConfiguration.logDriver": "LogConfiguration.LogDriver", "logConfiguration.options": "LogConfiguration.Options",
  "logConfiguration.secretOptions": "LogConfiguration.SecretOptions", "logConfiguration.secretOptions[].name": "LogConfiguration.SecretOptions[].Name",
  "logConfiguration.secretOptions[].valueFrom": "LogConfiguration.SecretOptions[].ValueFrom",
  healthCheck: "HealthCheck", "healthCheck.command": "HealthCheck.Command", "healthCheck.interval": "HealthCheck.Interval", "healthCheck.timeout": "HealthCheck.Timeout",
  "healthCheck.retries": "HealthCheck.Retries", "healthCheck.startPeriod": "HealthCheck.StartPeriod",
  systemControls: "SystemControls", "systemControls[].namespace": "SystemControls[].Namespace", "systemControls[].value": "SystemControls[].Value",
  resourceRequirements: "ResourceRequirements", "resourceRequirements[].value": "ResourceRequirements[].Value", "resourceRequirements[].type": "ResourceRequirements[].Type",
  firelensConfiguration: "FirelensConfiguration", "firelensConfiguration.type": "FirelensConfiguration.Type", "firelensConfiguration.options": "FirelensConfiguration.Options",
  credentialSpecs: "CredentialSpecs",
};

const taskDefinition: Table = {
  "taskDefinition.id": ID,
  "taskDefinition.family": e(`${TD}.family`, `${CFN_TD}.Family`),
  "taskDefinition.taskRoleArn": e(`${TD}.task_role_arn`, `${CFN_TD}.TaskRoleArn`),
  "taskDefinition.executionRoleArn": e(`${TD}.execution_role_arn`, `${CFN_TD}.ExecutionRoleArn`),
  "taskDefinition.networkMode": e(`${TD}.network_mode`, `${CFN_TD}.NetworkMode`),
  "taskDefinition.containerDefinitions": e(`${TD}.container_definitions`, `${CFN_TD}.ContainerDefinitions`),
  ...Object.fromEntries(Object.entries(CONTAINER_FIELDS).map(([k, cfn]) =>
    [`taskDefinition.containerDefinitions[].${k}`, e(`${TD}.container_definitions[].${k}`, `${CFN_TD}.ContainerDefinitions[].${cfn}`)])),
  "taskDefinition.volumes": e(`${TD}.volume`, `${CFN_TD}.Volumes`),
  "taskDefinition.volumes[].name": e(`${TD}.volume[].name`, `${CFN_TD}.Volumes[].Name`),
  "taskDefinition.volumes[].host": e(`${TD}.volume[]`, `${CFN_TD}.Volumes[].Host`),
  "taskDefinition.volumes[].host.sourcePath": e(`${TD}.volume[].host_path`, `${CFN_TD}.Volumes[].Host.SourcePath`),
  "taskDefinition.volumes[].dockerVolumeConfiguration": e(`${TD}.volume[].docker_volume_configuration`, `${CFN_TD}.Volumes[].DockerVolumeConfiguration`),
  "taskDefinition.volumes[].dockerVolumeConfiguration.scope": e(`${TD}.volume[].docker_volume_configuration.scope`, `${CFN_TD}.Volumes[].DockerVolumeConfiguration.Scope`),
  "taskDefinition.volumes[].dockerVolumeConfiguration.autoprovision": e(`${TD}.volume[].docker_volume_configuration.autoprovision`, `${CFN_TD}.Volumes[].DockerVolumeConfiguration.Autoprovision`),
  "taskDefinition.volumes[].dockerVolumeConfiguration.driver": e(`${TD}.volume[].docker_volume_configuration.driver`, `${CFN_TD}.Volumes[].DockerVolumeConfiguration.Driver`),
  "taskDefinition.volumes[].dockerVolumeConfiguration.driverOpts": e(`${TD}.volume[].docker_volume_configuration.driver_opts`, `${CFN_TD}.Volumes[].DockerVolumeConfiguration.DriverOpts`),
  "taskDefinition.volumes[].dockerVolumeConfiguration.labels": e(`${TD}.volume[].docker_volume_configuration.labels`, `${CFN_TD}.Volumes[].DockerVolumeConfiguration.Labels`),
  "taskDefinition.volumes[].efsVolumeConfiguration": e(`${TD}.volume[].efs_volume_configuration`, `${CFN_TD}.Volumes[].EFSVolumeConfiguration`),
  "taskDefinition.volumes[].efsVolumeConfiguration.fileSystemId": e(`${TD}.volume[].efs_volume_configuration.file_system_id`, `${CFN_TD}.Volumes[].EFSVolumeConfiguration.FilesystemId`),
  "taskDefinition.volumes[].efsVolumeConfiguration.rootDirectory": e(`${TD}.volume[].efs_volume_configuration.root_directory`, `${CFN_TD}.Volumes[].EFSVolumeConfiguration.RootDirectory`),
  "taskDefinition.volumes[].efsVolumeConfiguration.transitEncryption": e(`${TD}.volume[].efs_volume_configuration.transit_encryption`, `${CFN_TD}.Volumes[].EFSVolumeConfiguration.TransitEncryption`),
  "taskDefinition.volumes[].efsVolumeConfiguration.transitEncryptionPort": e(`${TD}.volume[].efs_volume_configuration.transit_encryption_port`, `${CFN_TD}.Volumes[].EFSVolumeConfiguration.TransitEncryptionPort`),
  "taskDefinition.volumes[].efsVolumeConfiguration.authorizationConfig": e(`${TD}.volume[].efs_volume_configuration.authorization_config`, `${CFN_TD}.Volumes[].EFSVolumeConfiguration.AuthorizationConfig`),
  "taskDefinition.volumes[].efsVolumeConfiguration.authorizationConfig.accessPointId": e(`${TD}.volume[].efs_volume_configuration.authorization_config.access_point_id`, `${CFN_TD}.Volumes[].EFSVolumeConfiguration.AuthorizationConfig.AccessPointId`),
  "taskDefinition.volumes[].efsVolumeConfiguration.authorizationConfig.iam": e(`${TD}.volume[].efs_volume_configuration.authorization_config.iam`, `${CFN_TD}.Volumes[].EFSVolumeConfiguration.AuthorizationConfig.IAM`),
  "taskDefinition.volumes[].fsxWindowsFileServerVolumeConfiguration": e(`${TD}.volume[].fsx_windows_file_server_volume_configuration`, `${CFN_TD}.Volumes[].FSxWindowsFileServerVolumeConfiguration`),
  "taskDefinition.volumes[].configuredAtLaunch": e(`${TD}.volume[].configure_at_launch`, `${CFN_TD}.Volumes[].ConfiguredAtLaunch`),
  "taskDefinition.placementConstraints": e(`${TD}.placement_constraints`, `${CFN_TD}.PlacementConstraints`),
  "taskDefinition.placementConstraints[].type": e(`${TD}.placement_constraints[].type`, `${CFN_TD}.PlacementConstraints[].Type`),
  "taskDefinition.placementConstraints[].expression": e(`${TD}.placement_constraints[].expression`, `${CFN_TD}.PlacementConstraints[].Expression`),
  "taskDefinition.requiresCompatibilities": e(`${TD}.requires_compatibilities`, `${CFN_TD}.RequiresCompatibilities`),
  "taskDefinition.cpu": e(`${TD}.cpu`, `${CFN_TD}.Cpu`),
  "taskDefinition.memory": e(`${TD}.memory`, `${CFN_TD}.Memory`),
  ...tags("taskDefinition", TD, CFN_TD),
  "taskDefinition.pidMode": e(`${TD}.pid_mode`, `${CFN_TD}.PidMode`),
  "taskDefinition.ipcMode": e(`${TD}.ipc_mode`, `${CFN_TD}.IpcMode`),
  "taskDefinition.proxyConfiguration": e(`${TD}.proxy_configuration`, `${CFN_TD}.ProxyConfiguration`),
  "taskDefinition.inferenceAccelerators": e(`${TD}.inference_accelerator`, `${CFN_TD}.InferenceAccelerators`),
  "taskDefinition.ephemeralStorage": e(`${TD}.ephemeral_storage`, `${CFN_TD}.EphemeralStorage`),
  "taskDefinition.ephemeralStorage.sizeInGiB": e(`${TD}.ephemeral_storage.size_in_gib`, `${CFN_TD}.EphemeralStorage.SizeInGiB`),
  "taskDefinition.runtimePlatform": e(`${TD}.runtime_platform`, `${CFN_TD}.RuntimePlatform`),
  "taskDefinition.runtimePlatform.operatingSystemFamily": e(`${TD}.runtime_platform.operating_system_family`, `${CFN_TD}.RuntimePlatform.OperatingSystemFamily`),
  "taskDefinition.runtimePlatform.cpuArchitecture": e(`${TD}.runtime_platform.cpu_architecture`, `${CFN_TD}.RuntimePlatform.CpuArchitecture`),
  "taskDefinition.enableFaultInjection": e(`${TD}.enable_fault_injection`, `${CFN_TD}.EnableFaultInjection`),
};

const SVC = "aws_ecs_service";
const CFN_SVC = "AWS::ECS::Service";

// A service's managed EBS volume (one per task): volume_configuration { managed_ebs_volume } in
// Terraform (size_in_gb, file_system_type; tags a map), VolumeConfigurations[].ManagedEBSVolume in CloudFormation.
const VC = `${SVC}.volume_configuration[]`;
const CFN_VC = `${CFN_SVC}.VolumeConfigurations[]`;
const EBS_NAMES: [string, string, string][] = [
  ["roleArn", "role_arn", "RoleArn"], ["encrypted", "encrypted", "Encrypted"], ["kmsKeyId", "kms_key_id", "KmsKeyId"],
  ["volumeType", "volume_type", "VolumeType"], ["sizeInGiB", "size_in_gb", "SizeInGiB"], ["snapshotId", "snapshot_id", "SnapshotId"],
  ["volumeInitializationRate", "volume_initialization_rate", "VolumeInitializationRate"], ["iops", "iops", "Iops"],
  ["throughput", "throughput", "Throughput"], ["filesystemType", "file_system_type", "FilesystemType"],
  ["tagSpecifications", "tag_specifications", "TagSpecifications"],
];
const TS = "service.volumeConfigurations[].managedEBSVolume.tagSpecifications[]";
const volumeConfigurations: Table = {
  "service.volumeConfigurations": e(`${SVC}.volume_configuration`, `${CFN_SVC}.VolumeConfigurations`),
  "service.volumeConfigurations[].name": e(`${VC}.name`, `${CFN_VC}.Name`),
  "service.volumeConfigurations[].managedEBSVolume": e(`${VC}.managed_ebs_volume`, `${CFN_VC}.ManagedEBSVolume`),
  ...Object.fromEntries(EBS_NAMES.map(([k, tf, cfn]) => [`service.volumeConfigurations[].managedEBSVolume.${k}`, e(`${VC}.managed_ebs_volume.${tf}`, `${CFN_VC}.ManagedEBSVolume.${cfn}`)])),
  [`${TS}.resourceType`]: e(`${VC}.managed_ebs_volume.tag_specifications[].resource_type`, `${CFN_VC}.ManagedEBSVolume.TagSpecifications[].ResourceType`),
  [`${TS}.propagateTags`]: e(`${VC}.managed_ebs_volume.tag_specifications[].propagate_tags`, `${CFN_VC}.ManagedEBSVolume.TagSpecifications[].PropagateTags`),
  [`${TS}.tags`]: e(`${VC}.managed_ebs_volume.tag_specifications[].tags`, `${CFN_VC}.ManagedEBSVolume.TagSpecifications[].Tags`),
  [`${TS}.tags[].key`]: e(`${VC}.managed_ebs_volume.tag_specifications[].tags`, `${CFN_VC}.ManagedEBSVolume.TagSpecifications[].Tags[].Key`),
  [`${TS}.tags[].value`]: e(`${VC}.managed_ebs_volume.tag_specifications[].tags`, `${CFN_VC}.ManagedEBSVolume.TagSpecifications[].Tags[].Value`),
};
const DC = `${SVC}.deployment_configuration`;
const CFN_DC = `${CFN_SVC}.DeploymentConfiguration`;
const SC = `${SVC}.service_connect_configuration`;
const CFN_SC = `${CFN_SVC}.ServiceConnectConfiguration`;
const BLUE_GREEN = "6.4.0";
const LINEAR_CANARY = "6.21.0";
const HOOK_TF = "the provider's lifecycle_hook block has hook_target_arn, role_arn, lifecycle_stages and hook_details only";
const HOOK_CFN = "AWS::ECS::Service DeploymentLifecycleHook has HookTargetArn, RoleArn, LifecycleStages and HookDetails only";

const service: Table = {
  "service.id": ID,
  "service.serviceName": e(`${SVC}.name`, `${CFN_SVC}.ServiceName`),
  "service.cluster": e(`${SVC}.cluster`, `${CFN_SVC}.Cluster`),
  "service.taskDefinition": e(`${SVC}.task_definition`, `${CFN_SVC}.TaskDefinition`),
  "service.desiredCount": e(`${SVC}.desired_count`, `${CFN_SVC}.DesiredCount`),
  "service.launchType": e(`${SVC}.launch_type`, `${CFN_SVC}.LaunchType`),
  "service.capacityProviderStrategy": e(`${SVC}.capacity_provider_strategy`, `${CFN_SVC}.CapacityProviderStrategy`),
  "service.capacityProviderStrategy[].capacityProvider": e(`${SVC}.capacity_provider_strategy[].capacity_provider`, `${CFN_SVC}.CapacityProviderStrategy[].CapacityProvider`),
  "service.capacityProviderStrategy[].weight": e(`${SVC}.capacity_provider_strategy[].weight`, `${CFN_SVC}.CapacityProviderStrategy[].Weight`),
  "service.capacityProviderStrategy[].base": e(`${SVC}.capacity_provider_strategy[].base`, `${CFN_SVC}.CapacityProviderStrategy[].Base`),
  "service.schedulingStrategy": e(`${SVC}.scheduling_strategy`, `${CFN_SVC}.SchedulingStrategy`),
  "service.platformVersion": e(`${SVC}.platform_version`, `${CFN_SVC}.PlatformVersion`),
  "service.networkConfiguration": e(`${SVC}.network_configuration`, `${CFN_SVC}.NetworkConfiguration`),
  "service.networkConfiguration.awsvpcConfiguration": e(`${SVC}.network_configuration`, `${CFN_SVC}.NetworkConfiguration.AwsvpcConfiguration`),
  "service.networkConfiguration.awsvpcConfiguration.subnets": e(`${SVC}.network_configuration.subnets`, `${CFN_SVC}.NetworkConfiguration.AwsvpcConfiguration.Subnets`),
  "service.networkConfiguration.awsvpcConfiguration.securityGroups": e(`${SVC}.network_configuration.security_groups`, `${CFN_SVC}.NetworkConfiguration.AwsvpcConfiguration.SecurityGroups`),
  "service.networkConfiguration.awsvpcConfiguration.assignPublicIp": e(`${SVC}.network_configuration.assign_public_ip`, `${CFN_SVC}.NetworkConfiguration.AwsvpcConfiguration.AssignPublicIp`),
  "service.loadBalancers": e(`${SVC}.load_balancer`, `${CFN_SVC}.LoadBalancers`),
  "service.loadBalancers[].targetGroupArn": e(`${SVC}.load_balancer[].target_group_arn`, `${CFN_SVC}.LoadBalancers[].TargetGroupArn`),
  "service.loadBalancers[].loadBalancerName": e(`${SVC}.load_balancer[].elb_name`, `${CFN_SVC}.LoadBalancers[].LoadBalancerName`),
  "service.loadBalancers[].containerName": e(`${SVC}.load_balancer[].container_name`, `${CFN_SVC}.LoadBalancers[].ContainerName`),
  "service.loadBalancers[].containerPort": e(`${SVC}.load_balancer[].container_port`, `${CFN_SVC}.LoadBalancers[].ContainerPort`),
  "service.loadBalancers[].advancedConfiguration": e(`${SVC}.load_balancer[].advanced_configuration`, `${CFN_SVC}.LoadBalancers[].AdvancedConfiguration`, BLUE_GREEN),
  "service.loadBalancers[].advancedConfiguration.alternateTargetGroupArn": e(`${SVC}.load_balancer[].advanced_configuration.alternate_target_group_arn`, `${CFN_SVC}.LoadBalancers[].AdvancedConfiguration.AlternateTargetGroupArn`, BLUE_GREEN),
  "service.loadBalancers[].advancedConfiguration.productionListenerRule": e(`${SVC}.load_balancer[].advanced_configuration.production_listener_rule`, `${CFN_SVC}.LoadBalancers[].AdvancedConfiguration.ProductionListenerRule`, BLUE_GREEN),
  "service.loadBalancers[].advancedConfiguration.testListenerRule": e(`${SVC}.load_balancer[].advanced_configuration.test_listener_rule`, `${CFN_SVC}.LoadBalancers[].AdvancedConfiguration.TestListenerRule`, BLUE_GREEN),
  "service.loadBalancers[].advancedConfiguration.roleArn": e(`${SVC}.load_balancer[].advanced_configuration.role_arn`, `${CFN_SVC}.LoadBalancers[].AdvancedConfiguration.RoleArn`, BLUE_GREEN),
  "service.serviceConnectConfiguration": e(SC, CFN_SC),
  "service.serviceConnectConfiguration.enabled": e(`${SC}.enabled`, `${CFN_SC}.Enabled`),
  "service.serviceConnectConfiguration.namespace": e(`${SC}.namespace`, `${CFN_SC}.Namespace`),
  "service.serviceConnectConfiguration.services": e(`${SC}.service`, `${CFN_SC}.Services`),
  "service.serviceConnectConfiguration.services[].portName": e(`${SC}.service[].port_name`, `${CFN_SC}.Services[].PortName`),
  "service.serviceConnectConfiguration.services[].discoveryName": e(`${SC}.service[].discovery_name`, `${CFN_SC}.Services[].DiscoveryName`),
  "service.serviceConnectConfiguration.services[].clientAliases": e(`${SC}.service[].client_alias`, `${CFN_SC}.Services[].ClientAliases`),
  "service.serviceConnectConfiguration.services[].clientAliases[].port": e(`${SC}.service[].client_alias[].port`, `${CFN_SC}.Services[].ClientAliases[].Port`),
  "service.serviceConnectConfiguration.services[].clientAliases[].dnsName": e(`${SC}.service[].client_alias[].dns_name`, `${CFN_SC}.Services[].ClientAliases[].DnsName`),
  "service.serviceConnectConfiguration.services[].ingressPortOverride": e(`${SC}.service[].ingress_port_override`, `${CFN_SC}.Services[].IngressPortOverride`),
  "service.serviceConnectConfiguration.services[].timeout": e(`${SC}.service[].timeout`, `${CFN_SC}.Services[].Timeout`),
  "service.serviceConnectConfiguration.services[].timeout.idleTimeoutSeconds": e(`${SC}.service[].timeout.idle_timeout_seconds`, `${CFN_SC}.Services[].Timeout.IdleTimeoutSeconds`),
  "service.serviceConnectConfiguration.services[].timeout.perRequestTimeoutSeconds": e(`${SC}.service[].timeout.per_request_timeout_seconds`, `${CFN_SC}.Services[].Timeout.PerRequestTimeoutSeconds`),
  "service.serviceConnectConfiguration.services[].tls": e(`${SC}.service[].tls`, `${CFN_SC}.Services[].Tls`),
  "service.serviceConnectConfiguration.services[].tls.issuerCertificateAuthority": e(`${SC}.service[].tls.issuer_cert_authority`, `${CFN_SC}.Services[].Tls.IssuerCertificateAuthority`),
  "service.serviceConnectConfiguration.services[].tls.issuerCertificateAuthority.awsPcaAuthorityArn": e(`${SC}.service[].tls.issuer_cert_authority.aws_pca_authority_arn`, `${CFN_SC}.Services[].Tls.IssuerCertificateAuthority.AwsPcaAuthorityArn`),
  "service.serviceConnectConfiguration.services[].tls.kmsKey": e(`${SC}.service[].tls.kms_key`, `${CFN_SC}.Services[].Tls.KmsKey`),
  "service.serviceConnectConfiguration.services[].tls.roleArn": e(`${SC}.service[].tls.role_arn`, `${CFN_SC}.Services[].Tls.RoleArn`),
  "service.serviceRegistries": e(`${SVC}.service_registries`, `${CFN_SVC}.ServiceRegistries`),
  "service.serviceRegistries[].registryArn": e(`${SVC}.service_registries[].registry_arn`, `${CFN_SVC}.ServiceRegistries[].RegistryArn`),
  "service.serviceRegistries[].port": e(`${SVC}.service_registries[].port`, `${CFN_SVC}.ServiceRegistries[].Port`),
  "service.serviceRegistries[].containerName": e(`${SVC}.service_registries[].container_name`, `${CFN_SVC}.ServiceRegistries[].ContainerName`),
  "service.serviceRegistries[].containerPort": e(`${SVC}.service_registries[].container_port`, `${CFN_SVC}.ServiceRegistries[].ContainerPort`),
  "service.healthCheckGracePeriodSeconds": e(`${SVC}.health_check_grace_period_seconds`, `${CFN_SVC}.HealthCheckGracePeriodSeconds`),
  "service.deploymentConfiguration": e(DC, CFN_DC),
  "service.deploymentConfiguration.minimumHealthyPercent": e(`${SVC}.deployment_minimum_healthy_percent`, `${CFN_DC}.MinimumHealthyPercent`),
  "service.deploymentConfiguration.maximumPercent": e(`${SVC}.deployment_maximum_percent`, `${CFN_DC}.MaximumPercent`),
  "service.deploymentConfiguration.deploymentCircuitBreaker": e(`${SVC}.deployment_circuit_breaker`, `${CFN_DC}.DeploymentCircuitBreaker`),
  "service.deploymentConfiguration.deploymentCircuitBreaker.enable": e(`${SVC}.deployment_circuit_breaker.enable`, `${CFN_DC}.DeploymentCircuitBreaker.Enable`),
  "service.deploymentConfiguration.deploymentCircuitBreaker.rollback": e(`${SVC}.deployment_circuit_breaker.rollback`, `${CFN_DC}.DeploymentCircuitBreaker.Rollback`),
  "service.deploymentConfiguration.strategy": e(`${DC}.strategy`, `${CFN_DC}.Strategy`, BLUE_GREEN),
  "service.deploymentConfiguration.bakeTimeInMinutes": e(`${DC}.bake_time_in_minutes`, `${CFN_DC}.BakeTimeInMinutes`, BLUE_GREEN),
  "service.deploymentConfiguration.linearConfiguration": e(`${DC}.linear_configuration`, `${CFN_DC}.LinearConfiguration`, LINEAR_CANARY),
  "service.deploymentConfiguration.linearConfiguration.stepPercent": e(`${DC}.linear_configuration.step_percent`, `${CFN_DC}.LinearConfiguration.StepPercent`, LINEAR_CANARY),
  "service.deploymentConfiguration.linearConfiguration.stepBakeTimeInMinutes": e(`${DC}.linear_configuration.step_bake_time_in_minutes`, `${CFN_DC}.LinearConfiguration.StepBakeTimeInMinutes`, LINEAR_CANARY),
  "service.deploymentConfiguration.canaryConfiguration": e(`${DC}.canary_configuration`, `${CFN_DC}.CanaryConfiguration`, LINEAR_CANARY),
  "service.deploymentConfiguration.canaryConfiguration.canaryPercent": e(`${DC}.canary_configuration.canary_percent`, `${CFN_DC}.CanaryConfiguration.CanaryPercent`, LINEAR_CANARY),
  "service.deploymentConfiguration.canaryConfiguration.canaryBakeTimeInMinutes": e(`${DC}.canary_configuration.canary_bake_time_in_minutes`, `${CFN_DC}.CanaryConfiguration.CanaryBakeTimeInMinutes`, LINEAR_CANARY),
  "service.deploymentConfiguration.lifecycleHooks": e(`${DC}.lifecycle_hook`, `${CFN_DC}.LifecycleHooks`, BLUE_GREEN),
  "service.deploymentConfiguration.lifecycleHooks[].targetType": e(not(HOOK_TF), not(HOOK_CFN)),
  "service.deploymentConfiguration.lifecycleHooks[].hookTargetArn": e(`${DC}.lifecycle_hook[].hook_target_arn`, `${CFN_DC}.LifecycleHooks[].HookTargetArn`, BLUE_GREEN),
  "service.deploymentConfiguration.lifecycleHooks[].roleArn": e(`${DC}.lifecycle_hook[].role_arn`, `${CFN_DC}.LifecycleHooks[].RoleArn`, BLUE_GREEN),
  "service.deploymentConfiguration.lifecycleHooks[].lifecycleStages": e(`${DC}.lifecycle_hook[].lifecycle_stages`, `${CFN_DC}.LifecycleHooks[].LifecycleStages`, BLUE_GREEN),
  "service.deploymentConfiguration.lifecycleHooks[].hookDetails": e(`${DC}.lifecycle_hook[].hook_details`, `${CFN_DC}.LifecycleHooks[].HookDetails`, BLUE_GREEN),
  "service.deploymentConfiguration.lifecycleHooks[].timeoutConfiguration": e(not(HOOK_TF), not(HOOK_CFN)),
  "service.deploymentConfiguration.lifecycleHooks[].timeoutConfiguration.timeoutInMinutes": e(not(HOOK_TF), not(HOOK_CFN)),
  "service.deploymentConfiguration.lifecycleHooks[].timeoutConfiguration.action": e(not(HOOK_TF), not(HOOK_CFN)),
  "service.deploymentController": e(`${SVC}.deployment_controller`, `${CFN_SVC}.DeploymentController`),
  "service.deploymentController.type": e(`${SVC}.deployment_controller.type`, `${CFN_SVC}.DeploymentController.Type`),
  "service.placementConstraints": e(`${SVC}.placement_constraints`, `${CFN_SVC}.PlacementConstraints`),
  "service.placementConstraints[].type": e(`${SVC}.placement_constraints[].type`, `${CFN_SVC}.PlacementConstraints[].Type`),
  "service.placementConstraints[].expression": e(`${SVC}.placement_constraints[].expression`, `${CFN_SVC}.PlacementConstraints[].Expression`),
  "service.placementStrategy": e(`${SVC}.ordered_placement_strategy`, `${CFN_SVC}.PlacementStrategies`),
  "service.placementStrategy[].type": e(`${SVC}.ordered_placement_strategy[].type`, `${CFN_SVC}.PlacementStrategies[].Type`),
  "service.placementStrategy[].field": e(`${SVC}.ordered_placement_strategy[].field`, `${CFN_SVC}.PlacementStrategies[].Field`),
  "service.enableExecuteCommand": e(`${SVC}.enable_execute_command`, `${CFN_SVC}.EnableExecuteCommand`),
  "service.enableECSManagedTags": e(`${SVC}.enable_ecs_managed_tags`, `${CFN_SVC}.EnableECSManagedTags`),
  "service.propagateTags": e(`${SVC}.propagate_tags`, `${CFN_SVC}.PropagateTags`),
  ...volumeConfigurations,
  ...tags("service", SVC, CFN_SVC),
};

// Application Auto Scaling of a service (ResourceId service/<cluster>/<service>, ScalableDimension
// ecs:service:DesiredCount): a scalable target, its policies, scheduled actions (inside the
// ScalableTarget in CloudFormation), and a step policy's design-only alarm as a CloudWatch alarm.
const AT = "aws_appautoscaling_target";
const AP = "aws_appautoscaling_policy";
const AS = "aws_appautoscaling_scheduled_action";
const CW = "aws_cloudwatch_metric_alarm";
const CFN_AT = "AWS::ApplicationAutoScaling::ScalableTarget";
const CFN_AP = "AWS::ApplicationAutoScaling::ScalingPolicy";
const CFN_AS = `${CFN_AT}.ScheduledActions[]`;
const CFN_CW = "AWS::CloudWatch::Alarm";
const ASP = "service.autoScaling.policies[]";
const TT = `${ASP}.targetTrackingScalingPolicyConfiguration`;
const TF_TT = `${AP}.target_tracking_scaling_policy_configuration`;
const CFN_TTC = `${CFN_AP}.TargetTrackingScalingPolicyConfiguration`;
const SS = `${ASP}.stepScalingPolicyConfiguration`;
const TF_SS = `${AP}.step_scaling_policy_configuration`;
const CFN_SSC = `${CFN_AP}.StepScalingPolicyConfiguration`;
const SA = "service.autoScaling.scheduledActions[]";
const autoScaling: Table = {
  "service.autoScaling": e(AT, CFN_AT),
  "service.autoScaling.minCapacity": e(`${AT}.min_capacity`, `${CFN_AT}.MinCapacity`),
  "service.autoScaling.maxCapacity": e(`${AT}.max_capacity`, `${CFN_AT}.MaxCapacity`),
  "service.autoScaling.policies": e(AP, CFN_AP),
  [`${ASP}.policyName`]: e(`${AP}.name`, `${CFN_AP}.PolicyName`),
  [`${ASP}.policyType`]: e(`${AP}.policy_type`, `${CFN_AP}.PolicyType`),
  [TT]: e(TF_TT, CFN_TTC),
  [`${TT}.targetValue`]: e(`${TF_TT}.target_value`, `${CFN_TTC}.TargetValue`),
  [`${TT}.predefinedMetricSpecification`]: e(`${TF_TT}.predefined_metric_specification`, `${CFN_TTC}.PredefinedMetricSpecification`),
  [`${TT}.predefinedMetricSpecification.predefinedMetricType`]: e(`${TF_TT}.predefined_metric_specification.predefined_metric_type`, `${CFN_TTC}.PredefinedMetricSpecification.PredefinedMetricType`),
  [`${TT}.predefinedMetricSpecification.resourceLabel`]: e(`${TF_TT}.predefined_metric_specification.resource_label`, `${CFN_TTC}.PredefinedMetricSpecification.ResourceLabel`),
  [`${TT}.customizedMetricSpecification`]: e(`${TF_TT}.customized_metric_specification`, `${CFN_TTC}.CustomizedMetricSpecification`),
  [`${TT}.customizedMetricSpecification.metricName`]: e(`${TF_TT}.customized_metric_specification.metric_name`, `${CFN_TTC}.CustomizedMetricSpecification.MetricName`),
  [`${TT}.customizedMetricSpecification.namespace`]: e(`${TF_TT}.customized_metric_specification.namespace`, `${CFN_TTC}.CustomizedMetricSpecification.Namespace`),
  [`${TT}.customizedMetricSpecification.dimensions`]: e(`${TF_TT}.customized_metric_specification.dimensions`, `${CFN_TTC}.CustomizedMetricSpecification.Dimensions`),
  [`${TT}.customizedMetricSpecification.dimensions[].name`]: e(`${TF_TT}.customized_metric_specification.dimensions[].name`, `${CFN_TTC}.CustomizedMetricSpecification.Dimensions[].Name`),
  [`${TT}.customizedMetricSpecification.dimensions[].value`]: e(`${TF_TT}.customized_metric_specification.dimensions[].value`, `${CFN_TTC}.CustomizedMetricSpecification.Dimensions[].Value`),
  [`${TT}.customizedMetricSpecification.statistic`]: e(`${TF_TT}.customized_metric_specification.statistic`, `${CFN_TTC}.CustomizedMetricSpecification.Statistic`),
  [`${TT}.customizedMetricSpecification.unit`]: e(`${TF_TT}.customized_metric_specification.unit`, `${CFN_TTC}.CustomizedMetricSpecification.Unit`),
  [`${TT}.scaleOutCooldown`]: e(`${TF_TT}.scale_out_cooldown`, `${CFN_TTC}.ScaleOutCooldown`),
  [`${TT}.scaleInCooldown`]: e(`${TF_TT}.scale_in_cooldown`, `${CFN_TTC}.ScaleInCooldown`),
  [`${TT}.disableScaleIn`]: e(`${TF_TT}.disable_scale_in`, `${CFN_TTC}.DisableScaleIn`),
  [SS]: e(TF_SS, CFN_SSC),
  [`${SS}.adjustmentType`]: e(`${TF_SS}.adjustment_type`, `${CFN_SSC}.AdjustmentType`),
  [`${SS}.stepAdjustments`]: e(`${TF_SS}.step_adjustment`, `${CFN_SSC}.StepAdjustments`),
  [`${SS}.stepAdjustments[].metricIntervalLowerBound`]: e(`${TF_SS}.step_adjustment[].metric_interval_lower_bound`, `${CFN_SSC}.StepAdjustments[].MetricIntervalLowerBound`),
  [`${SS}.stepAdjustments[].metricIntervalUpperBound`]: e(`${TF_SS}.step_adjustment[].metric_interval_upper_bound`, `${CFN_SSC}.StepAdjustments[].MetricIntervalUpperBound`),
  [`${SS}.stepAdjustments[].scalingAdjustment`]: e(`${TF_SS}.step_adjustment[].scaling_adjustment`, `${CFN_SSC}.StepAdjustments[].ScalingAdjustment`),
  [`${SS}.minAdjustmentMagnitude`]: e(`${TF_SS}.min_adjustment_magnitude`, `${CFN_SSC}.MinAdjustmentMagnitude`),
  [`${SS}.cooldown`]: e(`${TF_SS}.cooldown`, `${CFN_SSC}.Cooldown`),
  [`${SS}.metricAggregationType`]: e(`${TF_SS}.metric_aggregation_type`, `${CFN_SSC}.MetricAggregationType`),
  [`${ASP}.alarm`]: e(CW, CFN_CW),
  [`${ASP}.alarm.metricName`]: e(`${CW}.metric_name`, `${CFN_CW}.MetricName`),
  [`${ASP}.alarm.namespace`]: e(`${CW}.namespace`, `${CFN_CW}.Namespace`),
  [`${ASP}.alarm.statistic`]: e(`${CW}.statistic`, `${CFN_CW}.Statistic`),
  [`${ASP}.alarm.comparisonOperator`]: e(`${CW}.comparison_operator`, `${CFN_CW}.ComparisonOperator`),
  [`${ASP}.alarm.threshold`]: e(`${CW}.threshold`, `${CFN_CW}.Threshold`),
  [`${ASP}.alarm.period`]: e(`${CW}.period`, `${CFN_CW}.Period`),
  [`${ASP}.alarm.evaluationPeriods`]: e(`${CW}.evaluation_periods`, `${CFN_CW}.EvaluationPeriods`),
  "service.autoScaling.scheduledActions": e(AS, `${CFN_AT}.ScheduledActions`),
  [`${SA}.scheduledActionName`]: e(`${AS}.name`, `${CFN_AS}.ScheduledActionName`),
  [`${SA}.schedule`]: e(`${AS}.schedule`, `${CFN_AS}.Schedule`),
  [`${SA}.timezone`]: e(`${AS}.timezone`, `${CFN_AS}.Timezone`),
  [`${SA}.startTime`]: e(`${AS}.start_time`, `${CFN_AS}.StartTime`),
  [`${SA}.endTime`]: e(`${AS}.end_time`, `${CFN_AS}.EndTime`),
  [`${SA}.scalableTargetAction`]: e(`${AS}.scalable_target_action`, `${CFN_AS}.ScalableTargetAction`),
  [`${SA}.scalableTargetAction.minCapacity`]: e(`${AS}.scalable_target_action.min_capacity`, `${CFN_AS}.ScalableTargetAction.MinCapacity`),
  [`${SA}.scalableTargetAction.maxCapacity`]: e(`${AS}.scalable_target_action.max_capacity`, `${CFN_AS}.ScalableTargetAction.MaxCapacity`),
};

const ECP = "aws_ecs_capacity_provider";
const CFN_ECP = "AWS::ECS::CapacityProvider";
const ASG = `${ECP}.auto_scaling_group_provider`;
const CFN_ASG = `${CFN_ECP}.AutoScalingGroupProvider`;
const MI = "capacityProvider.managedInstancesProvider";
const CFN_MI = `${CFN_ECP}.ManagedInstancesProvider`;
const TF_MI = `${ECP}.managed_instances_provider`;
/** managed_instances_provider: v6.15.0 (hashicorp/terraform-provider-aws#44509); its infrastructure_optimization: v6.23.0 (#45142). */
const MANAGED_INSTANCES = "6.15.0";
const MI_OPTIMIZATION = "6.23.0";
const MI_TF: Record<string, string> = {
  infrastructureRoleArn: "infrastructure_role_arn", instanceLaunchTemplate: "instance_launch_template",
  "instanceLaunchTemplate.ec2InstanceProfileArn": "instance_launch_template.ec2_instance_profile_arn",
  "instanceLaunchTemplate.networkConfiguration": "instance_launch_template.network_configuration",
  "instanceLaunchTemplate.networkConfiguration.subnets": "instance_launch_template.network_configuration.subnets",
  "instanceLaunchTemplate.networkConfiguration.securityGroups": "instance_launch_template.network_configuration.security_groups",
  "instanceLaunchTemplate.storageConfiguration": "instance_launch_template.storage_configuration",
  "instanceLaunchTemplate.storageConfiguration.storageSizeGiB": "instance_launch_template.storage_configuration.storage_size_gib",
  "instanceLaunchTemplate.monitoring": "instance_launch_template.monitoring",
  "instanceLaunchTemplate.instanceRequirements": "instance_launch_template.instance_requirements",
  "instanceLaunchTemplate.instanceRequirements.vCpuCount": "instance_launch_template.instance_requirements.vcpu_count",
  "instanceLaunchTemplate.instanceRequirements.vCpuCount.min": "instance_launch_template.instance_requirements.vcpu_count.min",
  "instanceLaunchTemplate.instanceRequirements.vCpuCount.max": "instance_launch_template.instance_requirements.vcpu_count.max",
  "instanceLaunchTemplate.instanceRequirements.memoryMiB": "instance_launch_template.instance_requirements.memory_mib",
  "instanceLaunchTemplate.instanceRequirements.memoryMiB.min": "instance_launch_template.instance_requirements.memory_mib.min",
  "instanceLaunchTemplate.instanceRequirements.memoryMiB.max": "instance_launch_template.instance_requirements.memory_mib.max",
  propagateTags: "propagate_tags", infrastructureOptimization: "infrastructure_optimization", "infrastructureOptimization.scaleInAfter": "infrastructure_optimization.scale_in_after",
};
const capacityProvider: Table = {
  "capacityProvider.id": ID,
  "capacityProvider.name": e(`${ECP}.name`, `${CFN_ECP}.Name`),
  "capacityProvider.autoScalingGroupProvider": e(ASG, CFN_ASG),
  "capacityProvider.autoScalingGroupProvider.autoScalingGroupArn": e(`${ASG}.auto_scaling_group_arn`, `${CFN_ASG}.AutoScalingGroupArn`),
  "capacityProvider.autoScalingGroupProvider.managedScaling": e(`${ASG}.managed_scaling`, `${CFN_ASG}.ManagedScaling`),
  ...Object.fromEntries(([["status", "status", "Status"], ["targetCapacity", "target_capacity", "TargetCapacity"], ["minimumScalingStepSize", "minimum_scaling_step_size", "MinimumScalingStepSize"],
    ["maximumScalingStepSize", "maximum_scaling_step_size", "MaximumScalingStepSize"], ["instanceWarmupPeriod", "instance_warmup_period", "InstanceWarmupPeriod"]] as const).map(([k, tf, cfn]) =>
    [`capacityProvider.autoScalingGroupProvider.managedScaling.${k}`, e(`${ASG}.managed_scaling.${tf}`, `${CFN_ASG}.ManagedScaling.${cfn}`)])),
  "capacityProvider.autoScalingGroupProvider.managedTerminationProtection": e(`${ASG}.managed_termination_protection`, `${CFN_ASG}.ManagedTerminationProtection`),
  "capacityProvider.autoScalingGroupProvider.managedDraining": e(`${ASG}.managed_draining`, `${CFN_ASG}.ManagedDraining`),
  [MI]: e(TF_MI, CFN_MI, MANAGED_INSTANCES),
  [`${MI}.cluster`]: e(`${ECP}.cluster`, `${CFN_ECP}.ClusterName`, MANAGED_INSTANCES),
  ...Object.fromEntries(["infrastructureRoleArn", "instanceLaunchTemplate", "instanceLaunchTemplate.ec2InstanceProfileArn", "instanceLaunchTemplate.networkConfiguration",
    "instanceLaunchTemplate.networkConfiguration.subnets", "instanceLaunchTemplate.networkConfiguration.securityGroups", "instanceLaunchTemplate.storageConfiguration",
    "instanceLaunchTemplate.storageConfiguration.storageSizeGiB", "instanceLaunchTemplate.monitoring", "instanceLaunchTemplate.instanceRequirements",
    "instanceLaunchTemplate.instanceRequirements.vCpuCount", "instanceLaunchTemplate.instanceRequirements.vCpuCount.min", "instanceLaunchTemplate.instanceRequirements.vCpuCount.max",
    "instanceLaunchTemplate.instanceRequirements.memoryMiB", "instanceLaunchTemplate.instanceRequirements.memoryMiB.min", "instanceLaunchTemplate.instanceRequirements.memoryMiB.max",
    "propagateTags", "infrastructureOptimization", "infrastructureOptimization.scaleInAfter"].map((k) =>
    [`${MI}.${k}`, e(`${TF_MI}.${MI_TF[k]}`, `${CFN_MI}.${k.split(".").map((x) => x === "vCpuCount" ? "VCpuCount" : x[0].toUpperCase() + x.slice(1)).join(".")}`,
      k.startsWith("infrastructureOptimization") ? MI_OPTIMIZATION : MANAGED_INSTANCES)])),
  ...tags("capacityProvider", ECP, CFN_ECP),
};

const TG = "aws_lb_target_group";
const CFN_TG = "AWS::ElasticLoadBalancingV2::TargetGroup";
const EXISTING_TG = "an existing target group (its ARN is set): services and listeners name it by ARN, the export does not manage it";
const targetGroup: Table = {
  "targetGroup.id": ID,
  "targetGroup.name": e(`${TG}.name`, `${CFN_TG}.Name`),
  "targetGroup.targetGroupArn": e(not(EXISTING_TG), not(EXISTING_TG)),
  "targetGroup.targetType": e(`${TG}.target_type`, `${CFN_TG}.TargetType`),
  "targetGroup.port": e(`${TG}.port`, `${CFN_TG}.Port`),
  "targetGroup.protocol": e(`${TG}.protocol`, `${CFN_TG}.Protocol`),
  "targetGroup.vpcId": e(`${TG}.vpc_id`, `${CFN_TG}.VpcId`),
  "targetGroup.healthCheck": e(`${TG}.health_check`, `${CFN_TG}.HealthCheckEnabled`),
  "targetGroup.healthCheck.enabled": e(`${TG}.health_check.enabled`, `${CFN_TG}.HealthCheckEnabled`),
  "targetGroup.healthCheck.protocol": e(`${TG}.health_check.protocol`, `${CFN_TG}.HealthCheckProtocol`),
  "targetGroup.healthCheck.port": e(`${TG}.health_check.port`, `${CFN_TG}.HealthCheckPort`),
  "targetGroup.healthCheck.path": e(`${TG}.health_check.path`, `${CFN_TG}.HealthCheckPath`),
  "targetGroup.healthCheck.intervalSeconds": e(`${TG}.health_check.interval`, `${CFN_TG}.HealthCheckIntervalSeconds`),
  "targetGroup.healthCheck.timeoutSeconds": e(`${TG}.health_check.timeout`, `${CFN_TG}.HealthCheckTimeoutSeconds`),
  "targetGroup.healthCheck.healthyThresholdCount": e(`${TG}.health_check.healthy_threshold`, `${CFN_TG}.HealthyThresholdCount`),
  "targetGroup.healthCheck.unhealthyThresholdCount": e(`${TG}.health_check.unhealthy_threshold`, `${CFN_TG}.UnhealthyThresholdCount`),
  "targetGroup.healthCheck.matcher": e(`${TG}.health_check.matcher`, `${CFN_TG}.Matcher.HttpCode`),
  "targetGroup.deregistrationDelaySeconds": e(`${TG}.deregistration_delay`, `${CFN_TG}.TargetGroupAttributes`),
};

const LB = "aws_lb";
const CFN_LB = "AWS::ElasticLoadBalancingV2::LoadBalancer";
const L = "aws_lb_listener";
const CFN_L = "AWS::ElasticLoadBalancingV2::Listener";
const R = "aws_lb_listener_rule";
const CFN_R = "AWS::ElasticLoadBalancingV2::ListenerRule";
const EXISTING_LB = "an existing load balancer (its ARN is set): the design reads it and leaves it and its listeners as they are, so the export does not manage it";

/** A listener's default action or a rule's action: the same ELBv2 Action shape in both. */
function action(path: string, tf: string, cfn: string): Table {
  return {
    [path]: e(tf, cfn),
    [`${path}.type`]: e(`${tf}.type`, `${cfn}.Type`),
    [`${path}.targetGroups`]: e(`${tf}.forward.target_group`, `${cfn}.ForwardConfig.TargetGroups`),
    [`${path}.targetGroups[].targetGroupArn`]: e(`${tf}.forward.target_group[].arn`, `${cfn}.ForwardConfig.TargetGroups[].TargetGroupArn`),
    [`${path}.targetGroups[].weight`]: e(`${tf}.forward.target_group[].weight`, `${cfn}.ForwardConfig.TargetGroups[].Weight`),
    [`${path}.fixedResponse`]: e(`${tf}.fixed_response`, `${cfn}.FixedResponseConfig`),
    [`${path}.fixedResponse.statusCode`]: e(`${tf}.fixed_response.status_code`, `${cfn}.FixedResponseConfig.StatusCode`),
    [`${path}.fixedResponse.contentType`]: e(`${tf}.fixed_response.content_type`, `${cfn}.FixedResponseConfig.ContentType`),
    [`${path}.fixedResponse.messageBody`]: e(`${tf}.fixed_response.message_body`, `${cfn}.FixedResponseConfig.MessageBody`),
    [`${path}.redirect`]: e(`${tf}.redirect`, `${cfn}.RedirectConfig`),
    [`${path}.redirect.statusCode`]: e(`${tf}.redirect.status_code`, `${cfn}.RedirectConfig.StatusCode`),
    ...Object.fromEntries(["protocol", "port", "host", "path", "query"].map((k) =>
      [`${path}.redirect.${k}`, e(`${tf}.redirect.${k}`, `${cfn}.RedirectConfig.${k[0].toUpperCase()}${k.slice(1)}`)])),
  };
}

const loadBalancer: Table = {
  "loadBalancer.id": ID,
  "loadBalancer.name": e(`${LB}.name`, `${CFN_LB}.Name`),
  "loadBalancer.loadBalancerArn": e(not(EXISTING_LB), not(EXISTING_LB)),
  "loadBalancer.type": e(`${LB}.load_balancer_type`, `${CFN_LB}.Type`),
  "loadBalancer.scheme": e(`${LB}.internal`, `${CFN_LB}.Scheme`),
  "loadBalancer.subnets": e(`${LB}.subnets`, `${CFN_LB}.Subnets`),
  "loadBalancer.securityGroups": e(`${LB}.security_groups`, `${CFN_LB}.SecurityGroups`),
  ...tags("loadBalancer", LB, CFN_LB),
  "loadBalancer.listeners": e(L, CFN_L),
  "loadBalancer.listeners[].port": e(`${L}.port`, `${CFN_L}.Port`),
  "loadBalancer.listeners[].protocol": e(`${L}.protocol`, `${CFN_L}.Protocol`),
  "loadBalancer.listeners[].certificateArn": e(`${L}.certificate_arn`, `${CFN_L}.Certificates[0].CertificateArn`),
  "loadBalancer.listeners[].sslPolicy": e(`${L}.ssl_policy`, `${CFN_L}.SslPolicy`),
  ...action("loadBalancer.listeners[].defaultAction", `${L}.default_action`, `${CFN_L}.DefaultActions[0]`),
  "loadBalancer.listeners[].rules": e(R, CFN_R),
  "loadBalancer.listeners[].rules[].priority": e(`${R}.priority`, `${CFN_R}.Priority`),
  "loadBalancer.listeners[].rules[].conditions": e(`${R}.condition`, `${CFN_R}.Conditions`),
  "loadBalancer.listeners[].rules[].conditions[].field": e(`${R}.condition[]`, `${CFN_R}.Conditions[].Field`),
  "loadBalancer.listeners[].rules[].conditions[].values": e(`${R}.condition[].values`, `${CFN_R}.Conditions[].Values`),
  ...action("loadBalancer.listeners[].rules[].action", `${R}.action`, `${CFN_R}.Actions[0]`),
};

// Scheduled tasks: EventBridge Scheduler schedules whose target is ECS RunTask (Target.Arn the
// cluster's ARN, EcsParameters the run, Input the RunTask overrides as JSON), in their schedule
// group (aws_scheduler_schedule_group / AWS::Scheduler::ScheduleGroup, written by the exporters
// for every group but `default`: the design's own, `stevedore-<design>`, tagged as the plan tags it).
const SCH = "aws_scheduler_schedule";
const CFN_SCH = "AWS::Scheduler::Schedule";
const ECSP = `${SCH}.target.ecs_parameters`;
const CFN_ECSP = `${CFN_SCH}.Target.EcsParameters`;
/** The provider release after hashicorp/terraform-provider-aws#44264 (merged 2025-09-12), which added action_after_completion. */
const ACTION_AFTER_COMPLETION = "6.14.0";
const scheduledTask: Table = {
  "scheduledTask.id": ID,
  "scheduledTask.name": e(`${SCH}.name`, `${CFN_SCH}.Name`),
  "scheduledTask.group": e(`${SCH}.group_name`, `${CFN_SCH}.GroupName`),
  "scheduledTask.description": e(`${SCH}.description`, `${CFN_SCH}.Description`),
  "scheduledTask.cluster": e(`${SCH}.target.arn`, `${CFN_SCH}.Target.Arn`),
  "scheduledTask.taskDefinition": e(`${ECSP}.task_definition_arn`, `${CFN_ECSP}.TaskDefinitionArn`),
  "scheduledTask.scheduleExpression": e(`${SCH}.schedule_expression`, `${CFN_SCH}.ScheduleExpression`),
  "scheduledTask.scheduleExpressionTimezone": e(`${SCH}.schedule_expression_timezone`, `${CFN_SCH}.ScheduleExpressionTimezone`),
  "scheduledTask.state": e(`${SCH}.state`, `${CFN_SCH}.State`),
  "scheduledTask.startDate": e(`${SCH}.start_date`, `${CFN_SCH}.StartDate`),
  "scheduledTask.endDate": e(`${SCH}.end_date`, `${CFN_SCH}.EndDate`),
  "scheduledTask.flexibleTimeWindow": e(`${SCH}.flexible_time_window`, `${CFN_SCH}.FlexibleTimeWindow`),
  "scheduledTask.flexibleTimeWindow.mode": e(`${SCH}.flexible_time_window.mode`, `${CFN_SCH}.FlexibleTimeWindow.Mode`),
  "scheduledTask.flexibleTimeWindow.maximumWindowInMinutes": e(`${SCH}.flexible_time_window.maximum_window_in_minutes`, `${CFN_SCH}.FlexibleTimeWindow.MaximumWindowInMinutes`),
  "scheduledTask.roleArn": e(`${SCH}.target.role_arn`, `${CFN_SCH}.Target.RoleArn`),
  "scheduledTask.taskCount": e(`${ECSP}.task_count`, `${CFN_ECSP}.TaskCount`),
  "scheduledTask.launchType": e(`${ECSP}.launch_type`, `${CFN_ECSP}.LaunchType`),
  "scheduledTask.capacityProviderStrategy": e(`${ECSP}.capacity_provider_strategy`, `${CFN_ECSP}.CapacityProviderStrategy`),
  "scheduledTask.capacityProviderStrategy[].capacityProvider": e(`${ECSP}.capacity_provider_strategy[].capacity_provider`, `${CFN_ECSP}.CapacityProviderStrategy[].CapacityProvider`),
  "scheduledTask.capacityProviderStrategy[].weight": e(`${ECSP}.capacity_provider_strategy[].weight`, `${CFN_ECSP}.CapacityProviderStrategy[].Weight`),
  "scheduledTask.capacityProviderStrategy[].base": e(`${ECSP}.capacity_provider_strategy[].base`, `${CFN_ECSP}.CapacityProviderStrategy[].Base`),
  "scheduledTask.platformVersion": e(`${ECSP}.platform_version`, `${CFN_ECSP}.PlatformVersion`),
  "scheduledTask.networkConfiguration": e(`${ECSP}.network_configuration`, `${CFN_ECSP}.NetworkConfiguration`),
  "scheduledTask.networkConfiguration.awsvpcConfiguration": e(`${ECSP}.network_configuration`, `${CFN_ECSP}.NetworkConfiguration.AwsvpcConfiguration`),
  "scheduledTask.networkConfiguration.awsvpcConfiguration.subnets": e(`${ECSP}.network_configuration.subnets`, `${CFN_ECSP}.NetworkConfiguration.AwsvpcConfiguration.Subnets`),
  "scheduledTask.networkConfiguration.awsvpcConfiguration.securityGroups": e(`${ECSP}.network_configuration.security_groups`, `${CFN_ECSP}.NetworkConfiguration.AwsvpcConfiguration.SecurityGroups`),
  "scheduledTask.networkConfiguration.awsvpcConfiguration.assignPublicIp": e(`${ECSP}.network_configuration.assign_public_ip`, `${CFN_ECSP}.NetworkConfiguration.AwsvpcConfiguration.AssignPublicIp`),
  // RunTask's overrides are the target's Input (JSON text): every field of them goes there.
  ...Object.fromEntries(["overrides", "overrides.containerOverrides", "overrides.containerOverrides[].name", "overrides.containerOverrides[].command",
    "overrides.containerOverrides[].environment", "overrides.containerOverrides[].environment[].name", "overrides.containerOverrides[].environment[].value"].map((k) =>
    [`scheduledTask.${k}`, e(`${SCH}.target.input`, `${CFN_SCH}.Target.Input`)])),
  "scheduledTask.enableExecuteCommand": e(`${ECSP}.enable_execute_command`, `${CFN_ECSP}.EnableExecuteCommand`),
  "scheduledTask.propagateTags": e(`${ECSP}.propagate_tags`, `${CFN_ECSP}.PropagateTags`),
  "scheduledTask.retryPolicy": e(`${SCH}.target.retry_policy`, `${CFN_SCH}.Target.RetryPolicy`),
  "scheduledTask.retryPolicy.maximumEventAgeInSeconds": e(`${SCH}.target.retry_policy.maximum_event_age_in_seconds`, `${CFN_SCH}.Target.RetryPolicy.MaximumEventAgeInSeconds`),
  "scheduledTask.retryPolicy.maximumRetryAttempts": e(`${SCH}.target.retry_policy.maximum_retry_attempts`, `${CFN_SCH}.Target.RetryPolicy.MaximumRetryAttempts`),
  "scheduledTask.actionAfterCompletion": e(`${SCH}.action_after_completion`,
    not("AWS::Scheduler::Schedule has no ActionAfterCompletion property (a one-time schedule's self-deletion is set through the Scheduler API only)"), ACTION_AFTER_COMPLETION),
};

/** Every design field, by path, with its Terraform and CloudFormation target. */
export const MAPPING: Readonly<Record<string, Entry>> = { ...cluster, ...taskDefinition, ...service, ...autoScaling, ...targetGroup, ...loadBalancer, ...capacityProvider, ...scheduledTask };

/** The design's kinds of resource and where their arrays are in a Design. */
export const RESOURCE_KINDS = ["cluster", "taskDefinition", "service", "targetGroup", "loadBalancer", "capacityProvider", "scheduledTask"] as const;

export type Format = "terraform" | "cloudformation";
export const isNot = (t: Target): t is { not: string } => typeof t !== "string";

/** The coverage table (Markdown) of every design field: where each export puts it, or why it cannot. */
export function coverageTable(): string {
  const cell = (t: Target, since?: string) => (isNot(t) ? `not expressed: ${t.not}` : `\`${t}\`${since ? ` (provider ≥ ${since})` : ""}`);
  const rows = Object.entries(MAPPING).filter(([, e]) => !e.designOnly).map(([path, e]) =>
    `| \`${path}\` | ${cell(e.terraform, e.since)} | ${cell(e.cloudformation)} |`);
  return ["| Design field | Terraform (hashicorp/aws) | CloudFormation |", "| --- | --- | --- |", ...rows].join("\n");
}
