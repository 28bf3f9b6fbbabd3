// Test fixture: the documented properties of the CloudFormation resource types the export
// writes, nested through their property types (`true` is a value: string, number, boolean,
// list of them, or Json; an object is a property type, or a list of it). Map-typed properties
// (Options, DockerLabels, DriverOpts, Labels, HookDetails) are `true`: their keys are the user's.
//
// Sources (CloudFormation Template Reference):
//   https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ecs-cluster.html
//   https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ecs-clustercapacityproviderassociations.html
//   https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ecs-taskdefinition.html
//   https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-ecs-taskdefinition-containerdefinition.html
//   https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ecs-service.html
//   https://docs.amazonaws.cn/en_us/AWSCloudFormation/latest/TemplateReference/aws-properties-ecs-service-deploymentconfiguration.md
//     (Alarms, BakeTimeInMinutes, CanaryConfiguration, DeploymentCircuitBreaker, LifecycleHooks, LinearConfiguration, MaximumPercent, MinimumHealthyPercent, Strategy)
//   https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_ecs.CfnService.DeploymentConfigurationProperty.html
//     (CanaryConfiguration: CanaryBakeTimeInMinutes, CanaryPercent; LinearConfiguration: StepBakeTimeInMinutes, StepPercent;
//      DeploymentLifecycleHook: HookTargetArn, LifecycleStages, RoleArn, HookDetails)
//   https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-elasticloadbalancingv2-loadbalancer.html
//   https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-elasticloadbalancingv2-targetgroup.html
//   https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-elasticloadbalancingv2-listener.html
//   https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-elasticloadbalancingv2-listenerrule.html
//   https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ecs-capacityprovider.html
//   https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-ecs-capacityprovider-managedinstancesprovider.html
//     (and aws-cdk-lib 2.278.0 aws-ecs/lib/ecs.generated.d.ts, CfnCapacityProvider, generated from the registry schema:
//      InstanceLaunchTemplate, InstanceRequirementsRequest, ManagedInstancesNetworkConfiguration, ManagedInstancesStorageConfiguration)
//   https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-applicationautoscaling-scalabletarget.html
//   https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-applicationautoscaling-scalingpolicy.html
//   https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-cloudwatch-alarm.html
//   https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-scheduler-schedule.html
//   https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-scheduler-schedule-ecsparameters.html
//   https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-scheduler-schedule-flexibletimewindow.html
//   https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-scheduler-schedulegroup.html
//     (and aws-cdk-lib 2.278.0 aws-scheduler/lib/scheduler.generated.d.ts, CfnSchedule and CfnScheduleGroup, generated from the
//      registry schema: Target, EcsParameters, NetworkConfiguration.AwsvpcConfiguration, RetryPolicy, DeadLetterConfig, …)

type Schema = { [name: string]: true | Schema };

const Tags: Schema = { Key: true, Value: true };
const Strategy: Schema = { CapacityProvider: true, Weight: true, Base: true };
const KeyValuePair: Schema = { Name: true, Value: true };

const ContainerDefinition: Schema = {
  Name: true, Image: true, Cpu: true, Memory: true, MemoryReservation: true, Links: true, Essential: true, EntryPoint: true, Command: true,
  StartTimeout: true, StopTimeout: true, VersionConsistency: true, Hostname: true, User: true, WorkingDirectory: true, DisableNetworking: true,
  Privileged: true, ReadonlyRootFilesystem: true, DnsServers: true, DnsSearchDomains: true, DockerSecurityOptions: true, Interactive: true,
  PseudoTerminal: true, DockerLabels: true, CredentialSpecs: true,
  RepositoryCredentials: { CredentialsParameter: true },
  PortMappings: { ContainerPort: true, HostPort: true, Protocol: true, Name: true, AppProtocol: true, ContainerPortRange: true },
  RestartPolicy: { Enabled: true, IgnoredExitCodes: true, RestartAttemptPeriod: true },
  Environment: KeyValuePair,
  EnvironmentFiles: { Value: true, Type: true },
  MountPoints: { SourceVolume: true, ContainerPath: true, ReadOnly: true },
  VolumesFrom: { SourceContainer: true, ReadOnly: true },
  LinuxParameters: {
    Capabilities: { Add: true, Drop: true }, Devices: { HostPath: true, ContainerPath: true, Permissions: true }, InitProcessEnabled: true,
    SharedMemorySize: true, Tmpfs: { ContainerPath: true, Size: true, MountOptions: true }, MaxSwap: true, Swappiness: true,
  },
  Secrets: { Name: true, ValueFrom: true },
  DependsOn: { ContainerName: true, Condition: true },
  ExtraHosts: { Hostname: true, IpAddress: true },
  Ulimits: { Name: true, SoftLimit: true, HardLimit: true },
  LogConfiguration: { LogDriver: true, Options: true, SecretOptions: { Name: true, ValueFrom: true } },
  HealthCheck: { Command: true, Interval: true, Timeout: true, Retries: true, StartPeriod: true },
  SystemControls: { Namespace: true, Value: true },
  ResourceRequirements: { Type: true, Value: true },
  FirelensConfiguration: { Type: true, Options: true },
};

const Action: Schema = {
  Type: true, Order: true, TargetGroupArn: true,
  ForwardConfig: { TargetGroups: { TargetGroupArn: true, Weight: true }, TargetGroupStickinessConfig: { Enabled: true, DurationSeconds: true } },
  FixedResponseConfig: { StatusCode: true, ContentType: true, MessageBody: true },
  RedirectConfig: { StatusCode: true, Protocol: true, Port: true, Host: true, Path: true, Query: true },
  AuthenticateCognitoConfig: true, AuthenticateOidcConfig: true,
};

export const CLOUDFORMATION_PROPERTIES: Record<string, Schema> = {
  "AWS::ECS::Cluster": {
    ClusterName: true, CapacityProviders: true, DefaultCapacityProviderStrategy: Strategy, ClusterSettings: { Name: true, Value: true },
    Configuration: true, ServiceConnectDefaults: { Namespace: true }, Tags,
  },
  "AWS::ECS::ClusterCapacityProviderAssociations": { Cluster: true, CapacityProviders: true, DefaultCapacityProviderStrategy: Strategy },
  "AWS::ECS::TaskDefinition": {
    Family: true, TaskRoleArn: true, ExecutionRoleArn: true, NetworkMode: true, RequiresCompatibilities: true, Cpu: true, Memory: true,
    PidMode: true, IpcMode: true, EnableFaultInjection: true, Tags,
    ContainerDefinitions: ContainerDefinition,
    Volumes: {
      Name: true, ConfiguredAtLaunch: true, Host: { SourcePath: true },
      DockerVolumeConfiguration: { Autoprovision: true, Driver: true, DriverOpts: true, Labels: true, Scope: true },
      EFSVolumeConfiguration: { FilesystemId: true, RootDirectory: true, TransitEncryption: true, TransitEncryptionPort: true, AuthorizationConfig: { AccessPointId: true, IAM: true } },
      FSxWindowsFileServerVolumeConfiguration: { FileSystemId: true, RootDirectory: true, AuthorizationConfig: { CredentialsParameter: true, Domain: true } },
    },
    PlacementConstraints: { Type: true, Expression: true },
    ProxyConfiguration: { Type: true, ContainerName: true, ProxyConfigurationProperties: KeyValuePair },
    InferenceAccelerators: { DeviceName: true, DeviceType: true },
    EphemeralStorage: { SizeInGiB: true },
    RuntimePlatform: { OperatingSystemFamily: true, CpuArchitecture: true },
  },
  "AWS::ECS::Service": {
    ServiceName: true, Cluster: true, TaskDefinition: true, DesiredCount: true, LaunchType: true, SchedulingStrategy: true, PlatformVersion: true,
    HealthCheckGracePeriodSeconds: true, EnableExecuteCommand: true, EnableECSManagedTags: true, PropagateTags: true, Role: true,
    AvailabilityZoneRebalancing: true, ForceNewDeployment: true, VpcLatticeConfigurations: true, Tags,
    CapacityProviderStrategy: Strategy,
    VolumeConfigurations: {
      Name: true,
      ManagedEBSVolume: {
        RoleArn: true, Encrypted: true, FilesystemType: true, Iops: true, KmsKeyId: true, SizeInGiB: true, SnapshotId: true,
        VolumeInitializationRate: true, Throughput: true, VolumeType: true,
        TagSpecifications: { ResourceType: true, PropagateTags: true, Tags },
      },
    },
    NetworkConfiguration: { AwsvpcConfiguration: { Subnets: true, SecurityGroups: true, AssignPublicIp: true } },
    LoadBalancers: {
      TargetGroupArn: true, LoadBalancerName: true, ContainerName: true, ContainerPort: true,
      AdvancedConfiguration: { AlternateTargetGroupArn: true, ProductionListenerRule: true, TestListenerRule: true, RoleArn: true },
    },
    ServiceConnectConfiguration: {
      Enabled: true, Namespace: true, LogConfiguration: true,
      Services: {
        PortName: true, DiscoveryName: true, IngressPortOverride: true,
        ClientAliases: { Port: true, DnsName: true, TestTrafficRules: true },
        Timeout: { IdleTimeoutSeconds: true, PerRequestTimeoutSeconds: true },
        Tls: { IssuerCertificateAuthority: { AwsPcaAuthorityArn: true }, KmsKey: true, RoleArn: true },
      },
    },
    ServiceRegistries: { RegistryArn: true, Port: true, ContainerName: true, ContainerPort: true },
    DeploymentConfiguration: {
      MinimumHealthyPercent: true, MaximumPercent: true, Strategy: true, BakeTimeInMinutes: true,
      Alarms: { AlarmNames: true, Enable: true, Rollback: true },
      DeploymentCircuitBreaker: { Enable: true, Rollback: true },
      LinearConfiguration: { StepPercent: true, StepBakeTimeInMinutes: true },
      CanaryConfiguration: { CanaryPercent: true, CanaryBakeTimeInMinutes: true },
      LifecycleHooks: { HookTargetArn: true, RoleArn: true, LifecycleStages: true, HookDetails: true },
    },
    DeploymentController: { Type: true },
    PlacementConstraints: { Type: true, Expression: true },
    PlacementStrategies: { Type: true, Field: true },
  },
  "AWS::ElasticLoadBalancingV2::LoadBalancer": {
    Name: true, Type: true, Scheme: true, Subnets: true, SecurityGroups: true, IpAddressType: true, SubnetMappings: true,
    LoadBalancerAttributes: { Key: true, Value: true }, Tags,
  },
  "AWS::ElasticLoadBalancingV2::TargetGroup": {
    Name: true, TargetType: true, Port: true, Protocol: true, ProtocolVersion: true, VpcId: true, IpAddressType: true, Targets: true,
    HealthCheckEnabled: true, HealthCheckProtocol: true, HealthCheckPort: true, HealthCheckPath: true, HealthCheckIntervalSeconds: true,
    HealthCheckTimeoutSeconds: true, HealthyThresholdCount: true, UnhealthyThresholdCount: true, Matcher: { HttpCode: true, GrpcCode: true },
    TargetGroupAttributes: { Key: true, Value: true }, Tags,
  },
  "AWS::ElasticLoadBalancingV2::Listener": {
    LoadBalancerArn: true, Port: true, Protocol: true, SslPolicy: true, AlpnPolicy: true, Certificates: { CertificateArn: true },
    DefaultActions: Action,
  },
  "AWS::ElasticLoadBalancingV2::ListenerRule": {
    ListenerArn: true, Priority: true, Actions: Action,
    Conditions: {
      Field: true, Values: true, PathPatternConfig: { Values: true }, HostHeaderConfig: { Values: true },
      HttpRequestMethodConfig: { Values: true }, SourceIpConfig: { Values: true }, HttpHeaderConfig: true, QueryStringConfig: true,
    },
  },
};

const Range: Schema = { Min: true, Max: true };
const CapacityProvider: Schema = {
  Name: true, ClusterName: true, Tags,
  AutoScalingGroupProvider: {
    AutoScalingGroupArn: true, ManagedTerminationProtection: true, ManagedDraining: true,
    ManagedScaling: { Status: true, TargetCapacity: true, MinimumScalingStepSize: true, MaximumScalingStepSize: true, InstanceWarmupPeriod: true },
  },
  ManagedInstancesProvider: {
    InfrastructureRoleArn: true, PropagateTags: true, AutoRepairConfiguration: true, InfrastructureOptimization: { ScaleInAfter: true },
    InstanceLaunchTemplate: {
      Ec2InstanceProfileArn: true, Monitoring: true, CapacityOptionType: true, CapacityReservations: true, FipsEnabled: true,
      InstanceMetadataTagsPropagation: true, LocalStorageConfiguration: true, NitroEnclavesEnabled: true,
      NetworkConfiguration: { Subnets: true, SecurityGroups: true },
      StorageConfiguration: { StorageSizeGiB: true },
      InstanceRequirements: {
        VCpuCount: Range, MemoryMiB: Range, AcceleratorCount: Range, AcceleratorManufacturers: true, AcceleratorNames: true, AcceleratorTotalMemoryMiB: Range,
        AcceleratorTypes: true, AllowedInstanceTypes: true, BareMetal: true, BaselineEbsBandwidthMbps: Range, BurstablePerformance: true, CpuManufacturers: true,
        ExcludedInstanceTypes: true, InstanceGenerations: true, LocalStorage: true, LocalStorageTypes: true, MaxSpotPriceAsPercentageOfOptimalOnDemandPrice: true,
        MemoryGiBPerVCpu: Range, NetworkBandwidthGbps: Range, NetworkInterfaceCount: Range, OnDemandMaxPricePercentageOverLowestPrice: true,
        RequireHibernateSupport: true, SpotMaxPricePercentageOverLowestPrice: true, TotalLocalStorageGB: Range,
      },
    },
  },
};

const Dimension: Schema = { Name: true, Value: true };

CLOUDFORMATION_PROPERTIES["AWS::ECS::CapacityProvider"] = CapacityProvider;
CLOUDFORMATION_PROPERTIES["AWS::ApplicationAutoScaling::ScalableTarget"] = {
  ServiceNamespace: true, ResourceId: true, ScalableDimension: true, MinCapacity: true, MaxCapacity: true, RoleARN: true,
  SuspendedState: { DynamicScalingInSuspended: true, DynamicScalingOutSuspended: true, ScheduledScalingSuspended: true },
  ScheduledActions: { ScheduledActionName: true, Schedule: true, Timezone: true, StartTime: true, EndTime: true, ScalableTargetAction: { MinCapacity: true, MaxCapacity: true } },
};
CLOUDFORMATION_PROPERTIES["AWS::ApplicationAutoScaling::ScalingPolicy"] = {
  PolicyName: true, PolicyType: true, ScalingTargetId: true, ResourceId: true, ScalableDimension: true, ServiceNamespace: true, PredictiveScalingPolicyConfiguration: true,
  TargetTrackingScalingPolicyConfiguration: {
    TargetValue: true, DisableScaleIn: true, ScaleInCooldown: true, ScaleOutCooldown: true,
    PredefinedMetricSpecification: { PredefinedMetricType: true, ResourceLabel: true },
    CustomizedMetricSpecification: { MetricName: true, Namespace: true, Statistic: true, Unit: true, Dimensions: Dimension, Metrics: true },
  },
  StepScalingPolicyConfiguration: {
    AdjustmentType: true, Cooldown: true, MetricAggregationType: true, MinAdjustmentMagnitude: true,
    StepAdjustments: { MetricIntervalLowerBound: true, MetricIntervalUpperBound: true, ScalingAdjustment: true },
  },
};
CLOUDFORMATION_PROPERTIES["AWS::CloudWatch::Alarm"] = {
  AlarmName: true, AlarmDescription: true, ActionsEnabled: true, AlarmActions: true, OKActions: true, InsufficientDataActions: true,
  MetricName: true, Namespace: true, Statistic: true, ExtendedStatistic: true, Dimensions: Dimension, Period: true, EvaluationPeriods: true,
  DatapointsToAlarm: true, Threshold: true, ThresholdMetricId: true, ComparisonOperator: true, TreatMissingData: true, EvaluateLowSampleCountPercentile: true,
  Unit: true, Metrics: true, Tags,
};

CLOUDFORMATION_PROPERTIES["AWS::Scheduler::ScheduleGroup"] = { Name: true, Tags };
CLOUDFORMATION_PROPERTIES["AWS::Scheduler::Schedule"] = {
  Name: true, GroupName: true, Description: true, ScheduleExpression: true, ScheduleExpressionTimezone: true, StartDate: true, EndDate: true,
  State: true, KmsKeyArn: true, FlexibleTimeWindow: { Mode: true, MaximumWindowInMinutes: true },
  Target: {
    Arn: true, RoleArn: true, Input: true, DeadLetterConfig: { Arn: true }, RetryPolicy: { MaximumEventAgeInSeconds: true, MaximumRetryAttempts: true },
    EcsParameters: {
      TaskDefinitionArn: true, TaskCount: true, LaunchType: true, CapacityProviderStrategy: Strategy, PlatformVersion: true, Group: true,
      EnableECSManagedTags: true, EnableExecuteCommand: true, PropagateTags: true, ReferenceId: true, Tags: true,
      NetworkConfiguration: { AwsvpcConfiguration: { Subnets: true, SecurityGroups: true, AssignPublicIp: true } },
      PlacementConstraints: { Type: true, Expression: true }, PlacementStrategy: { Type: true, Field: true },
    },
    EventBridgeParameters: { DetailType: true, Source: true }, KinesisParameters: { PartitionKey: true },
    SageMakerPipelineParameters: { PipelineParameterList: { Name: true, Value: true } }, SqsParameters: { MessageGroupId: true },
  },
};

/** What a resource may carry besides Properties (CloudFormation resource attributes). */
export const RESOURCE_ATTRIBUTES = ["Type", "Properties", "DependsOn", "Metadata", "Condition", "DeletionPolicy", "UpdateReplacePolicy"];

const INTRINSIC = /^(Ref|Fn::[A-Za-z]+)$/;
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Properties of a resource (at every depth) that its type does not document. */
export function unknownProperties(v: unknown, schema: Schema, at: string, out: string[] = []): string[] {
  if (Array.isArray(v)) {
    v.forEach((x, i) => unknownProperties(x, schema, `${at}[${i}]`, out));
    return out;
  }
  if (!isObj(v)) return out;
  if (Object.keys(v).length === 1 && INTRINSIC.test(Object.keys(v)[0])) return out;
  for (const [k, x] of Object.entries(v)) {
    const s = schema[k];
    if (s === undefined) out.push(`${at}.${k}`);
    else if (s !== true) unknownProperties(x, s, `${at}.${k}`, out);
  }
  return out;
}

