import fc from "fast-check";
import type { z } from "zod";
import {
  CapacityProviderDesignSchema, ClusterSchema, LoadBalancerDesignSchema, listenerRuleRef, ScheduledTaskSchema, ServiceSchema, TargetGroupSchema, TaskDefinitionSchema, type Design,
} from "../design";
import { sampleDesign } from "../designer/test-fixtures";
import { sampleShopDesign } from "../designer/sample-design";
import { LESSONS } from "../learn/lessons";

// Test designs for the exporters: the designer's fixtures, every lesson's starter, one design
// that sets the fields the others leave out, and random designs drawn from the zod schemas
// themselves (so a field added to the schema is generated, and exported, from the start).

/** Blue/green + canary behind an ALB with rules, volumes, a proxy, an existing target group and load balancer, and strings HCL must escape. */
export function everythingDesign(): Design {
  return {
    schemaVersion: 1,
    clusters: [{
      id: "c1", clusterName: "prod", capacityProviders: ["FARGATE"], settings: [{ name: "containerInsights", value: "enhanced" }],
      serviceConnectDefaults: { namespace: "prod.local" }, tags: [{ key: "team", value: "platform" }],
      instances: [{ id: "i1", cpu: 2048, memory: 4096, instanceType: "m5.large" }],
    }],
    taskDefinitions: [{
      id: "t1", family: "api", networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], cpu: "1 vCPU", memory: "2 GB",
      taskRoleArn: "arn:aws:iam::111122223333:role/api", executionRoleArn: "arn:aws:iam::111122223333:role/exec",
      ephemeralStorage: { sizeInGiB: 30 }, runtimePlatform: { operatingSystemFamily: "LINUX", cpuArchitecture: "ARM64" },
      volumes: [
        { name: "data", efsVolumeConfiguration: { fileSystemId: "fs-123", rootDirectory: "/", transitEncryption: "ENABLED", transitEncryptionPort: 2049, authorizationConfig: { accessPointId: "fsap-123", iam: "ENABLED" } } },
        { name: "scratch", configuredAtLaunch: true },
        { name: "docker", dockerVolumeConfiguration: { scope: "shared", autoprovision: true, driver: "local", driverOpts: { type: "tmpfs" }, labels: { a: "b" } } },
      ],
      proxyConfiguration: { type: "APPMESH", containerName: "envoy", properties: [{ name: "IgnoredUID", value: "1337" }] },
      tags: [{ key: "app", value: "api" }],
      containerDefinitions: [{
        name: "api", image: "example/api:1.0", essential: true, cpu: 0,
        portMappings: [{ containerPort: 8080, name: "http", appProtocol: "http" }],
        environment: [{ name: "Z", value: "last" }, { name: "TEMPLATE", value: "Hello ${name} %{if x}\"quoted\"\nnext\\line" }],
        command: ["sh", "-c", "echo ${HOME} && echo \"$PATH\""],
        restartPolicy: { enabled: true, restartAttemptPeriod: 60 },
        linuxParameters: { initProcessEnabled: true, capabilities: { add: ["SYS_PTRACE"] } },
        healthCheck: { command: ["CMD", "true"] },
        dockerLabels: { "com.example/label": "x" },
        mountPoints: [{ sourceVolume: "data", containerPath: "/data" }],
      }, {
        name: "envoy", image: "envoy:1", essential: false, user: "1337",
      }],
    }],
    targetGroups: [
      { id: "g1", name: "api-blue", targetType: "ip", port: 8080, protocol: "HTTP", vpcId: "vpc-123", deregistrationDelaySeconds: 30,
        healthCheck: { path: "/health", matcher: "200-299", intervalSeconds: 10, healthyThresholdCount: 2 } },
      { id: "g2", name: "api-green", targetType: "ip", port: 8080, protocol: "HTTP", vpcId: "vpc-123" },
      { id: "g3", name: "legacy", targetType: "instance", targetGroupArn: "arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/legacy/abc", port: 80 },
    ],
    loadBalancers: [
      {
        id: "lb1", name: "api-alb", type: "application", scheme: "internal", subnets: ["subnet-a", "subnet-b"], securityGroups: ["sg-lb"],
        tags: [{ key: "tier", value: "edge" }],
        listeners: [{
          port: 443, protocol: "HTTPS", certificateArn: "arn:aws:acm:eu-west-1:111122223333:certificate/x", sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06",
          defaultAction: { type: "fixed-response", fixedResponse: { statusCode: "404", contentType: "text/plain", messageBody: "no route" } },
          rules: [
            { priority: 10, conditions: [{ field: "path-pattern", values: ["/api/*"] }, { field: "http-request-method", values: ["GET"] }],
              action: { type: "forward", targetGroups: [{ targetGroupArn: "targetgroup/api-blue", weight: 100 }, { targetGroupArn: "targetgroup/api-green", weight: 0 }] } },
            { priority: 20, conditions: [{ field: "host-header", values: ["test.example.com"] }],
              action: { type: "forward", targetGroups: [{ targetGroupArn: "targetgroup/api-green" }] } },
          ],
        }, {
          port: 80, protocol: "HTTP",
          defaultAction: { type: "redirect", redirect: { statusCode: "HTTP_301", protocol: "HTTPS", port: "443" } },
        }],
      },
      { id: "lb2", name: "shared", type: "network", loadBalancerArn: "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/net/shared/1" },
    ],
    services: [{
      id: "s1", serviceName: "api", cluster: "prod", taskDefinition: "api", desiredCount: 3,
      capacityProviderStrategy: [{ capacityProvider: "FARGATE", weight: 1 }], platformVersion: "LATEST",
      networkConfiguration: { awsvpcConfiguration: { subnets: ["subnet-a"], securityGroups: ["sg-api"], assignPublicIp: "ENABLED" } },
      loadBalancers: [{
        targetGroupArn: "targetgroup/api-blue", containerName: "api", containerPort: 8080,
        advancedConfiguration: {
          alternateTargetGroupArn: "targetgroup/api-green", productionListenerRule: listenerRuleRef("api-alb", 443, 10),
          testListenerRule: listenerRuleRef("api-alb", 443), roleArn: "arn:aws:iam::111122223333:role/ecs-lb",
        },
      }, { targetGroupArn: "arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/legacy/abc", containerName: "api", containerPort: 8080 }],
      serviceConnectConfiguration: { enabled: true, services: [{ portName: "http", clientAliases: [{ port: 80, dnsName: "api" }], timeout: { idleTimeoutSeconds: 60 } }] },
      healthCheckGracePeriodSeconds: 30,
      deploymentConfiguration: {
        strategy: "CANARY", bakeTimeInMinutes: 5, canaryConfiguration: { canaryPercent: 10.5, canaryBakeTimeInMinutes: 3 },
        deploymentCircuitBreaker: { enable: true, rollback: true },
        lifecycleHooks: [
          { hookTargetArn: "arn:aws:lambda:eu-west-1:111122223333:function:check", roleArn: "arn:aws:iam::111122223333:role/hook", lifecycleStages: ["POST_TEST_TRAFFIC_SHIFT"], hookDetails: { level: "strict" } },
          { targetType: "PAUSE", lifecycleStages: ["PRE_PRODUCTION_TRAFFIC_SHIFT"], timeoutConfiguration: { timeoutInMinutes: 30, action: "ROLLBACK" } },
        ],
      },
      deploymentController: { type: "ECS" },
      volumeConfigurations: [{
        name: "scratch",
        managedEBSVolume: {
          roleArn: "arn:aws:iam::111122223333:role/ecsInfrastructureRole", encrypted: true, kmsKeyId: "alias/ebs", volumeType: "gp3", sizeInGiB: 50,
          iops: 4000, throughput: 250, filesystemType: "ext4",
          tagSpecifications: [{ resourceType: "volume", propagateTags: "SERVICE", tags: [{ key: "backup", value: "daily" }] }],
        },
      }],
      placementStrategy: [{ type: "spread", field: "attribute:ecs.availability-zone" }],
      enableExecuteCommand: true, enableECSManagedTags: true, propagateTags: "SERVICE", tags: [{ key: "app", value: "api" }],
    }],
    layout: {},
  };
}

/**
 * Auto scaling (target tracking on ALB requests with a derived ResourceLabel, CPU with cooldowns,
 * a step policy with its alarm, scheduled actions), capacity providers of both kinds, one in
 * the cluster's default strategy, and scheduled tasks in the design's own group, a group of
 * their own and `default`.
 */
export function scaledDesign(): Design {
  return {
    schemaVersion: 1,
    clusters: [{
      id: "c1", clusterName: "shop", capacityProviders: ["FARGATE", "shop-asg"],
      defaultCapacityProviderStrategy: [{ capacityProvider: "shop-asg", weight: 1, base: 1 }],
    }],
    capacityProviders: [
      { id: "p1", name: "shop-asg", autoScalingGroupProvider: {
        autoScalingGroupArn: "arn:aws:autoscaling:eu-west-1:111122223333:autoScalingGroup:1a2b:autoScalingGroupName/shop",
        managedScaling: { status: "ENABLED", targetCapacity: 90, minimumScalingStepSize: 1, maximumScalingStepSize: 4, instanceWarmupPeriod: 120 },
        managedTerminationProtection: "DISABLED", managedDraining: "ENABLED",
      }, tags: [{ key: "team", value: "shop" }, { key: "cost-centre", value: "42" }] },
      { id: "p2", name: "shop-mi", managedInstancesProvider: {
        cluster: "shop", infrastructureRoleArn: "arn:aws:iam::111122223333:role/ecsInfrastructure",
        instanceLaunchTemplate: {
          ec2InstanceProfileArn: "arn:aws:iam::111122223333:instance-profile/ecsInstance",
          networkConfiguration: { subnets: ["subnet-a", "subnet-b"], securityGroups: ["sg-mi"] },
          storageConfiguration: { storageSizeGiB: 50 }, monitoring: "BASIC",
          instanceRequirements: { vCpuCount: { min: 2, max: 8 }, memoryMiB: { min: 4096 } },
        },
        propagateTags: "CAPACITY_PROVIDER", infrastructureOptimization: { scaleInAfter: 600 },
      } },
    ],
    taskDefinitions: [{
      id: "t1", family: "web", networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], cpu: "256", memory: "512",
      containerDefinitions: [{ name: "web", image: "nginx:1.27", essential: true, portMappings: [{ containerPort: 80 }] }],
    }],
    targetGroups: [{ id: "g1", name: "web", targetType: "ip", port: 80, protocol: "HTTP" }],
    loadBalancers: [{
      id: "lb1", name: "web-alb", type: "application",
      listeners: [{ port: 80, protocol: "HTTP", defaultAction: { type: "forward", targetGroups: [{ targetGroupArn: "targetgroup/web" }] } }],
    }],
    services: [{
      id: "s1", serviceName: "web", cluster: "shop", taskDefinition: "web", desiredCount: 2, launchType: "FARGATE",
      networkConfiguration: { awsvpcConfiguration: { subnets: ["subnet-a"], securityGroups: ["sg-web"] } },
      loadBalancers: [{ targetGroupArn: "targetgroup/web", containerName: "web", containerPort: 80 }],
      autoScaling: {
        minCapacity: 2, maxCapacity: 10,
        policies: [
          { policyName: "requests", policyType: "TargetTrackingScaling", targetTrackingScalingPolicyConfiguration: {
            targetValue: 500, predefinedMetricSpecification: { predefinedMetricType: "ALBRequestCountPerTarget" } } },
          { policyName: "cpu", policyType: "TargetTrackingScaling", targetTrackingScalingPolicyConfiguration: {
            targetValue: 60, predefinedMetricSpecification: { predefinedMetricType: "ECSServiceAverageCPUUtilization" },
            scaleOutCooldown: 60, scaleInCooldown: 300, disableScaleIn: false } },
          { policyName: "queue", policyType: "TargetTrackingScaling", targetTrackingScalingPolicyConfiguration: {
            targetValue: 100, customizedMetricSpecification: { metricName: "Backlog", namespace: "Shop", statistic: "Average", unit: "Count",
              dimensions: [{ name: "Queue", value: "orders" }] } } },
          { policyName: "burst", policyType: "StepScaling",
            stepScalingPolicyConfiguration: { adjustmentType: "ChangeInCapacity", cooldown: 120, metricAggregationType: "Maximum",
              stepAdjustments: [{ metricIntervalLowerBound: 0, metricIntervalUpperBound: 20, scalingAdjustment: 1 }, { metricIntervalLowerBound: 20, scalingAdjustment: 3 }] },
            alarm: { metricName: "CPUUtilization", namespace: "AWS/ECS", statistic: "Maximum", comparisonOperator: "GreaterThanThreshold", threshold: 85, period: 60, evaluationPeriods: 2 } },
        ],
        scheduledActions: [
          { scheduledActionName: "business-hours", schedule: "cron(0 8 ? * MON-FRI *)", timezone: "Europe/Berlin", scalableTargetAction: { minCapacity: 4, maxCapacity: 12 } },
          { scheduledActionName: "sale", schedule: "at(2026-11-27T06:00:00)", startTime: "2026-11-01T00:00:00Z", endTime: "2026-12-01T00:00:00Z", scalableTargetAction: { minCapacity: 8 } },
        ],
      },
    }],
    scheduledTasks: [
      { id: "st1", name: "nightly-report", cluster: "shop", taskDefinition: "web", scheduleExpression: "cron(0 3 * * ? *)", scheduleExpressionTimezone: "Europe/Berlin",
        description: "Orders of the day", roleArn: "arn:aws:iam::111122223333:role/scheduler", launchType: "FARGATE", taskCount: 2, platformVersion: "LATEST",
        networkConfiguration: { awsvpcConfiguration: { subnets: ["subnet-a"], securityGroups: ["sg-web"], assignPublicIp: "DISABLED" } },
        overrides: { containerOverrides: [{ name: "web", command: ["report", "--day", "${yesterday}"], environment: [{ name: "MODE", value: "full" }] }] },
        retryPolicy: { maximumEventAgeInSeconds: 3600, maximumRetryAttempts: 3 }, enableExecuteCommand: true, propagateTags: "TASK_DEFINITION" },
      { id: "st2", name: "cleanup", group: "maintenance", cluster: "shop", taskDefinition: "web", scheduleExpression: "rate(6 hours)", state: "DISABLED",
        startDate: "2026-12-01T00:00:00Z", endDate: "2027-06-01T00:00:00Z", flexibleTimeWindow: { mode: "FLEXIBLE", maximumWindowInMinutes: 30 },
        roleArn: "arn:aws:iam::111122223333:role/scheduler", capacityProviderStrategy: [{ capacityProvider: "FARGATE_SPOT", weight: 1, base: 0 }],
        networkConfiguration: { awsvpcConfiguration: { subnets: ["subnet-a"] } } },
      { id: "st3", name: "launch-day", group: "default", cluster: "shop", taskDefinition: "web:1", scheduleExpression: "at(2026-12-24T18:00:00)",
        roleArn: "arn:aws:iam::111122223333:role/scheduler", actionAfterCompletion: "DELETE" },
    ],
    layout: {},
  };
}

export function fixtureDesigns(): { name: string; design: Design }[] {
  return [
    { name: "sample shop", design: sampleShopDesign() },
    { name: "designer fixture", design: sampleDesign() },
    { name: "everything", design: everythingDesign() },
    ...LESSONS.map((l) => ({ name: `lesson ${l.id}`, design: l.starter })),
  ];
}

// --- random designs from the zod schemas ---

type Def = {
  type: string; shape?: Record<string, z.ZodType>; innerType?: z.ZodType; element?: z.ZodType; options?: z.ZodType[];
  entries?: Record<string, string>; values?: unknown[]; keyType?: z.ZodType; valueType?: z.ZodType; checks?: unknown[];
};
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Strings the formats must escape or quote, beside ordinary ones. */
const text = fc.oneof(
  fc.string({ minLength: 1, maxLength: 12 }),
  fc.constantFrom("${var.x}", "%{ if a }", "say \"hi\"", "a\nb", "back\\slash", "yes", "no", "on", "1e3", "0123", "null", "~", "- x", "#c", "key: v", "tab\there"),
);
const int = fc.integer({ min: 0, max: 100000 });

/** An arbitrary for any value of `schema` (optional fields present or not; arrays of 0–2 items). */
export function arbitraryOf(schema: z.ZodType): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  switch (def.type) {
    case "optional": return fc.option(arbitraryOf(def.innerType!), { nil: undefined, freq: 2 });
    case "nullable": case "default": case "readonly": return arbitraryOf(def.innerType!);
    case "string": return text;
    case "number": return (def.checks ?? []).length ? int : fc.oneof(int, fc.constantFrom(0.5, 10.5, 99.9));
    case "boolean": return fc.boolean();
    case "enum": return fc.constantFrom(...Object.values(def.entries!));
    case "literal": return fc.constantFrom(...def.values!);
    case "array": return fc.array(arbitraryOf(def.element!), { maxLength: 2 });
    case "record": return fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), text, { maxKeys: 2 });
    case "union": return fc.oneof(...def.options!.map(arbitraryOf));
    case "object": {
      const shape = def.shape ?? {};
      return fc.record(Object.fromEntries(Object.entries(shape).map(([k, s]) => [k, arbitraryOf(s)]))).map((o) =>
        Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)));
    }
    default: return fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.parse(JSON.stringify(v)) as unknown); // as a design read from JSON holds it
  }
}

/** Random designs: each resource kind drawn from its schema (references rarely resolve; names may repeat). */
export const arbitraryDesign: fc.Arbitrary<Design> = fc.record({
  clusters: fc.array(arbitraryOf(ClusterSchema), { maxLength: 2 }),
  taskDefinitions: fc.array(arbitraryOf(TaskDefinitionSchema), { maxLength: 2 }),
  services: fc.array(arbitraryOf(ServiceSchema), { maxLength: 2 }),
  targetGroups: fc.array(arbitraryOf(TargetGroupSchema), { maxLength: 2 }),
  loadBalancers: fc.array(arbitraryOf(LoadBalancerDesignSchema), { maxLength: 2 }),
  capacityProviders: fc.array(arbitraryOf(CapacityProviderDesignSchema), { maxLength: 2 }),
  scheduledTasks: fc.array(arbitraryOf(ScheduledTaskSchema), { maxLength: 2 }),
}).map((r) => dedupeTags({ schemaVersion: 1, layout: {}, ...r }) as unknown as Design);

/** Tag keys are unique per resource (ECS and ELBv2 refuse repeats; both exports write tags by key). */
function dedupeTags(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(dedupeTags);
  if (typeof v !== "object" || v === null) return v;
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, k === "tags" && Array.isArray(x)
    ? [...new Map((x as { key: string }[]).map((t) => [t.key, t])).values()] : dedupeTags(x)]));
}
