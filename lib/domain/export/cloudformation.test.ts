import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { exportCloudFormation } from "./cloudformation";
import { CLOUDFORMATION_PROPERTIES, RESOURCE_ATTRIBUTES, unknownProperties } from "./test-cloudformation-properties";
import { everythingDesign, fixtureDesigns, scaledDesign } from "./test-designs";

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

function refsOf(v: unknown, out: string[] = []): string[] {
  if (Array.isArray(v)) v.forEach((x) => refsOf(x, out));
  else if (isObj(v)) {
    if (typeof v.Ref === "string") out.push(v.Ref);
    if (Array.isArray(v["Fn::GetAtt"])) out.push(String(v["Fn::GetAtt"][0]));
    for (const x of Object.values(v)) refsOf(x, out);
  }
  return out;
}

describe("exportCloudFormation", () => {
  for (const { name, design } of [...fixtureDesigns(), { name: "scaled", design: scaledDesign() }]) {
    it(`writes only documented properties, resolvable Refs and DependsOn, the same template in YAML and JSON: ${name}`, () => {
      const r = exportCloudFormation(design);
      expect(parse(r.yaml)).toEqual(JSON.parse(r.json));
      expect(JSON.parse(r.json)).toEqual(r.template);
      const resources = r.template.Resources as Record<string, Json>;
      const parameters = (r.template.Parameters ?? {}) as Json;
      const problems: string[] = [];
      for (const [id, res] of Object.entries(resources)) {
        expect(id).toMatch(/^[A-Za-z0-9]+$/);
        const schema = CLOUDFORMATION_PROPERTIES[res.Type as string];
        expect(schema, `type ${String(res.Type)}`).toBeDefined();
        for (const k of Object.keys(res)) expect(RESOURCE_ATTRIBUTES).toContain(k);
        unknownProperties(res.Properties, schema, id, problems);
        for (const dep of (res.DependsOn ?? []) as string[]) expect(Object.keys(resources)).toContain(dep);
      }
      expect(problems).toEqual([]);
      for (const ref of refsOf(resources)) expect([...Object.keys(resources), ...Object.keys(parameters)]).toContain(ref);
    });
  }

  it("quotes what YAML 1.1 would read as another type (CloudFormation reads YAML 1.1)", () => {
    const d = everythingDesign();
    d.taskDefinitions[0].containerDefinitions[0].environment = [{ name: "FLAG", value: "yes" }, { name: "OFF", value: "off" }];
    const r = exportCloudFormation(d);
    expect(r.yaml).toMatch(/Value: "yes"/);
    expect(r.yaml).toMatch(/Value: "off"/);
    expect(r.yaml).toMatch(/^AWSTemplateFormatVersion: "2010-09-09"$/m);
  });

  it("references resources, takes account-specific values as Parameters, and orders services after their listeners", () => {
    const t = exportCloudFormation(everythingDesign()).template;
    const res = t.Resources as Record<string, { Type: string; Properties: Json; DependsOn?: string[] }>;
    const svc = res.ApiService;
    expect(svc.Properties.Cluster).toEqual({ Ref: "ProdCluster" });
    expect(svc.Properties.TaskDefinition).toEqual({ Ref: "ApiTaskDefinition" });
    expect(svc.DependsOn).toEqual(["ApiAlb443Listener"]);
    const lb = (svc.Properties.LoadBalancers as Json[])[0];
    expect(lb.TargetGroupArn).toEqual({ Ref: "ApiBlueTargetGroup" });
    expect(lb.AdvancedConfiguration).toEqual({
      AlternateTargetGroupArn: { Ref: "ApiGreenTargetGroup" }, ProductionListenerRule: { Ref: "ApiAlb44310Rule" }, RoleArn: "arn:aws:iam::111122223333:role/ecs-lb",
    });
    expect((svc.Properties.NetworkConfiguration as Json).AwsvpcConfiguration).toEqual({
      Subnets: { Ref: "ApiServiceSubnets" }, SecurityGroups: { Ref: "ApiServiceSecurityGroups" }, AssignPublicIp: "ENABLED",
    });
    expect((svc.Properties.DeploymentConfiguration as Json).CanaryConfiguration).toEqual({ CanaryPercent: 10.5, CanaryBakeTimeInMinutes: 3 });
    expect((svc.Properties.PlacementStrategies as Json[])[0]).toEqual({ Type: "spread", Field: "attribute:ecs.availability-zone" });
    const params = t.Parameters as Record<string, Json>;
    expect(params.ApiServiceSubnets).toEqual({ Type: "List<AWS::EC2::Subnet::Id>", Description: expect.any(String), Default: "subnet-a" });
    expect(params.ApiTaskDefinitionTaskRoleArn.Default).toBe("arn:aws:iam::111122223333:role/api");
    expect(res.ProdClusterCapacityProviders.Properties).toEqual({ Cluster: { Ref: "ProdCluster" }, CapacityProviders: ["FARGATE"], DefaultCapacityProviderStrategy: [] });
    const rule = res.ApiAlb44310Rule.Properties;
    expect(rule.Conditions).toEqual([
      { Field: "path-pattern", PathPatternConfig: { Values: ["/api/*"] } }, { Field: "http-request-method", HttpRequestMethodConfig: { Values: ["GET"] } },
    ]);
    expect(rule.ListenerArn).toEqual({ Ref: "ApiAlb443Listener" });
    // A weighted forward is one action with both target groups.
    expect(rule.Actions).toEqual([{ Type: "forward", ForwardConfig: { TargetGroups: [{ TargetGroupArn: { Ref: "ApiBlueTargetGroup" }, Weight: 100 }, { TargetGroupArn: { Ref: "ApiGreenTargetGroup" }, Weight: 0 }] } }]);
    expect(res.ApiBlueTargetGroup.Properties.TargetGroupAttributes).toEqual([{ Key: "deregistration_delay.timeout_seconds", Value: "30" }]);
    expect(res.ApiBlueTargetGroup.Properties.Matcher).toEqual({ HttpCode: "200-299" });
    expect(res.ApiAlb443Listener.Properties.Certificates).toEqual([{ CertificateArn: "arn:aws:acm:eu-west-1:111122223333:certificate/x" }]);
    const td = res.ApiTaskDefinition.Properties;
    expect(td.ProxyConfiguration).toEqual({ Type: "APPMESH", ContainerName: "envoy", ProxyConfigurationProperties: [{ Name: "IgnoredUID", Value: "1337" }] });
    expect((td.ContainerDefinitions as Json[])[0].RestartPolicy).toEqual({ Enabled: true, RestartAttemptPeriod: 60 });
    expect(Object.keys(res).some((k) => k.startsWith("Legacy") || k.startsWith("Shared"))).toBe(false);
  });

  it("lists what it could not express in Metadata", () => {
    const r = exportCloudFormation(everythingDesign());
    const listed = ((r.template.Metadata as Json).Stevedore as { NotExpressed: { Resource: string; Field: string }[] }).NotExpressed.map((n) => `${n.Resource}: ${n.Field}`);
    expect(listed).toEqual(expect.arrayContaining([
      'cluster "prod": instances[0].cpu',
      'service "api": deploymentConfiguration.lifecycleHooks[1].timeoutConfiguration.action',
      'service "api": loadBalancers[0].advancedConfiguration.testListenerRule',
      'target group "legacy": targetGroupArn',
    ]));
    expect(listed.length).toBe(r.unexpressed.length);
  });

  it("writes a service's auto scaling: a target on the service's name, policies on the target's Ref, a step policy's alarm, scheduled actions", () => {
    const r = exportCloudFormation(scaledDesign());
    const res = r.template.Resources as Record<string, { Type: string; Properties: Json; DependsOn?: string[] }>;
    const target = res.WebServiceScalableTarget;
    expect(target.Type).toBe("AWS::ApplicationAutoScaling::ScalableTarget");
    expect(target.Properties).toEqual({
      ServiceNamespace: "ecs", ScalableDimension: "ecs:service:DesiredCount",
      ResourceId: { "Fn::Join": ["/", ["service", { Ref: "ShopCluster" }, { "Fn::GetAtt": ["WebService", "Name"] }]] },
      MinCapacity: 2, MaxCapacity: 10,
      ScheduledActions: [
        { ScheduledActionName: "business-hours", Schedule: "cron(0 8 ? * MON-FRI *)", Timezone: "Europe/Berlin", ScalableTargetAction: { MinCapacity: 4, MaxCapacity: 12 } },
        { ScheduledActionName: "sale", Schedule: "at(2026-11-27T06:00:00)", StartTime: "2026-11-01T00:00:00Z", EndTime: "2026-12-01T00:00:00Z", ScalableTargetAction: { MinCapacity: 8 } },
      ],
    });
    expect(target.Properties.RoleARN).toBeUndefined();
    expect(res.WebRequestsScalingPolicy.Properties).toEqual({
      PolicyName: "requests", PolicyType: "TargetTrackingScaling", ScalingTargetId: { Ref: "WebServiceScalableTarget" },
      TargetTrackingScalingPolicyConfiguration: { TargetValue: 500, PredefinedMetricSpecification: {
        PredefinedMetricType: "ALBRequestCountPerTarget",
        ResourceLabel: { "Fn::Join": ["/", [{ "Fn::GetAtt": ["WebAlbLoadBalancer", "LoadBalancerFullName"] }, { "Fn::GetAtt": ["WebTargetGroup", "TargetGroupFullName"] }]] },
      } },
    });
    expect(res.WebCpuScalingPolicy.Properties.TargetTrackingScalingPolicyConfiguration).toEqual({
      TargetValue: 60, PredefinedMetricSpecification: { PredefinedMetricType: "ECSServiceAverageCPUUtilization" }, ScaleOutCooldown: 60, ScaleInCooldown: 300, DisableScaleIn: false,
    });
    expect((res.WebQueueScalingPolicy.Properties.TargetTrackingScalingPolicyConfiguration as Json).CustomizedMetricSpecification).toEqual({
      MetricName: "Backlog", Namespace: "Shop", Statistic: "Average", Unit: "Count", Dimensions: [{ Name: "Queue", Value: "orders" }],
    });
    expect(res.WebBurstScalingPolicy.Properties.StepScalingPolicyConfiguration).toEqual({
      AdjustmentType: "ChangeInCapacity", Cooldown: 120, MetricAggregationType: "Maximum",
      StepAdjustments: [{ MetricIntervalLowerBound: 0, MetricIntervalUpperBound: 20, ScalingAdjustment: 1 }, { MetricIntervalLowerBound: 20, ScalingAdjustment: 3 }],
    });
    expect(res.WebBurstAlarm).toEqual({ Type: "AWS::CloudWatch::Alarm", Properties: {
      AlarmName: "web-burst", MetricName: "CPUUtilization", Namespace: "AWS/ECS", Statistic: "Maximum", ComparisonOperator: "GreaterThanThreshold",
      Threshold: 85, Period: 60, EvaluationPeriods: 2, AlarmActions: [{ Ref: "WebBurstScalingPolicy" }],
      Dimensions: [{ Name: "ClusterName", Value: { Ref: "ShopCluster" } }, { Name: "ServiceName", Value: { "Fn::GetAtt": ["WebService", "Name"] } }],
    } });
    // Target tracking policies make their own alarms: only the step policy has one here.
    expect(Object.values(res).filter((x) => x.Type === "AWS::CloudWatch::Alarm")).toHaveLength(1);
    // Only the one-time schedule's ActionAfterCompletion, which AWS::Scheduler::Schedule has no property for.
    expect(r.unexpressed).toEqual([{ resource: 'scheduled task "launch-day"', path: "actionAfterCompletion", why: expect.stringContaining("no ActionAfterCompletion property") }]);
  });

  it("writes capacity providers of both kinds, account values as Parameters, and associates the cluster with them by Ref", () => {
    const r = exportCloudFormation(scaledDesign());
    const res = r.template.Resources as Record<string, { Type: string; Properties: Json }>;
    const params = r.template.Parameters as Record<string, Json>;
    expect(res.ShopAsgCapacityProvider).toEqual({ Type: "AWS::ECS::CapacityProvider", Properties: {
      Name: "shop-asg", Tags: [{ Key: "team", Value: "shop" }, { Key: "cost-centre", Value: "42" }],
      AutoScalingGroupProvider: {
        AutoScalingGroupArn: { Ref: "ShopAsgCapacityProviderAutoScalingGroupArn" }, ManagedTerminationProtection: "DISABLED", ManagedDraining: "ENABLED",
        ManagedScaling: { Status: "ENABLED", TargetCapacity: 90, MinimumScalingStepSize: 1, MaximumScalingStepSize: 4, InstanceWarmupPeriod: 120 },
      },
    } });
    expect(params.ShopAsgCapacityProviderAutoScalingGroupArn.Default).toBe("arn:aws:autoscaling:eu-west-1:111122223333:autoScalingGroup:1a2b:autoScalingGroupName/shop");
    expect(res.ShopMiCapacityProvider.Properties).toEqual({
      Name: "shop-mi", ClusterName: { Ref: "ShopCluster" },
      ManagedInstancesProvider: {
        InfrastructureRoleArn: { Ref: "ShopMiCapacityProviderInfrastructureRoleArn" }, PropagateTags: "CAPACITY_PROVIDER", InfrastructureOptimization: { ScaleInAfter: 600 },
        InstanceLaunchTemplate: {
          Ec2InstanceProfileArn: { Ref: "ShopMiCapacityProviderInstanceProfileArn" }, Monitoring: "BASIC", StorageConfiguration: { StorageSizeGiB: 50 },
          NetworkConfiguration: { Subnets: { Ref: "ShopMiCapacityProviderSubnets" }, SecurityGroups: { Ref: "ShopMiCapacityProviderSecurityGroups" } },
          InstanceRequirements: { VCpuCount: { Min: 2, Max: 8 }, MemoryMiB: { Min: 4096 } },
        },
      },
    });
    expect(params.ShopMiCapacityProviderSubnets).toEqual({ Type: "List<AWS::EC2::Subnet::Id>", Description: expect.any(String), Default: "subnet-a,subnet-b" });
    expect(res.ShopClusterCapacityProviders.Properties).toEqual({
      Cluster: { Ref: "ShopCluster" }, CapacityProviders: ["FARGATE", { Ref: "ShopAsgCapacityProvider" }],
      DefaultCapacityProviderStrategy: [{ CapacityProvider: { Ref: "ShopAsgCapacityProvider" }, Weight: 1, Base: 1 }],
    });
  });

  it("writes scheduled tasks as AWS::Scheduler::Schedule: the cluster's GetAtt Arn, the task definition's Ref, the group's Ref, overrides as Input", () => {
    const r = exportCloudFormation(scaledDesign(), { designId: "cm0shop" });
    const res = r.template.Resources as Record<string, { Type: string; Properties: Json }>;
    expect(res.StevedoreCm0shopScheduleGroup).toEqual({ Type: "AWS::Scheduler::ScheduleGroup", Properties: { Name: "stevedore-cm0shop", Tags: [{ Key: "stevedore:design", Value: "cm0shop" }] } });
    expect(res.NightlyReportScheduledTask.Properties).toEqual({
      Name: "nightly-report", GroupName: { Ref: "StevedoreCm0shopScheduleGroup" }, Description: "Orders of the day",
      ScheduleExpression: "cron(0 3 * * ? *)", ScheduleExpressionTimezone: "Europe/Berlin", FlexibleTimeWindow: { Mode: "OFF" },
      Target: {
        Arn: { "Fn::GetAtt": ["ShopCluster", "Arn"] }, RoleArn: { Ref: "NightlyReportScheduledTaskRoleArn" },
        Input: JSON.stringify({ containerOverrides: [{ name: "web", command: ["report", "--day", "${yesterday}"], environment: [{ name: "MODE", value: "full" }] }] }),
        RetryPolicy: { MaximumEventAgeInSeconds: 3600, MaximumRetryAttempts: 3 },
        EcsParameters: {
          TaskDefinitionArn: { Ref: "WebTaskDefinition" }, TaskCount: 2, LaunchType: "FARGATE", PlatformVersion: "LATEST", EnableExecuteCommand: true, PropagateTags: "TASK_DEFINITION",
          NetworkConfiguration: { AwsvpcConfiguration: { Subnets: { Ref: "NightlyReportScheduledTaskSubnets" }, SecurityGroups: { Ref: "NightlyReportScheduledTaskSecurityGroups" }, AssignPublicIp: "DISABLED" } },
        },
      },
    });
    expect(res.LaunchDayScheduledTask.Properties).toMatchObject({ GroupName: "default" });
    expect(res.LaunchDayScheduledTask.Properties.ActionAfterCompletion).toBeUndefined();
  });

  it("says plainly that a design without resources deploys nothing (CloudFormation refuses a template without resources)", () => {
    const r = exportCloudFormation({ schemaVersion: 1, clusters: [], taskDefinitions: [], services: [], layout: {} });
    expect(r.template.Resources).toEqual({});
    expect(r.template.Description).toContain("this export deploys nothing");
    expect((r.template.Metadata as { Stevedore: Json }).Stevedore.DeploysNothing).toContain("CloudFormation refuses a template without resources");
    expect(r.yaml).toContain("deploys nothing");
    expect((exportCloudFormation(scaledDesign()).template.Metadata as { Stevedore: Json }).Stevedore.DeploysNothing).toBeUndefined();
  });
});
