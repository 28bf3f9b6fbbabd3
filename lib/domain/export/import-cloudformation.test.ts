import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { Design } from "../design";
import { exportCloudFormation } from "./cloudformation";
import { importCloudFormation } from "./import-cloudformation";
import { parseTemplate } from "./parse-template";
import { everythingDesign, fixtureDesigns, scaledDesign } from "./test-designs";

/** The fixtures plus a design with capacity providers and every kind of auto scaling. */
const designs = () => [...fixtureDesigns(), { name: "scaled", design: scaledDesign() }];
import { comparable as comparableDesign, normalised } from "./test-round-trip";

type Json = Record<string, unknown>;

/** A design without what an export does not carry: ids, layout, and empty values. */
function comparable(d: Design): unknown {
  const strip = (v: unknown, depth: number): unknown => {
    if (Array.isArray(v)) return v.length ? v.map((x) => strip(x, depth + 1)) : undefined;
    if (typeof v !== "object" || v === null) return v;
    const out = Object.fromEntries(Object.entries(v).filter(([k]) => !(k === "id" && depth <= 2) && k !== "layout")
      .map(([k, x]) => [k, strip(x, depth + 1)]).filter(([, x]) => x !== undefined));
    return Object.keys(out).length ? out : undefined;
  };
  return strip(d, 0);
}

describe("importCloudFormation", () => {
  it("round-trips scheduled tasks (all but ActionAfterCompletion, which the template cannot hold and lists)", () => {
    const design = scaledDesign();
    const r = exportCloudFormation(design, { designId: "cm0shop" });
    const back = importCloudFormation(parse(r.yaml));
    expect(comparableDesign(back.design)).toEqual(comparableDesign(normalised(design, r.unexpressed)));
    expect(back.design.scheduledTasks!.map((t) => [t.name, t.group])).toEqual([["nightly-report", undefined], ["cleanup", "maintenance"], ["launch-day", "default"]]);
    expect(back.notes.filter((n) => /Schedule/.test(n.path))).toEqual([]);
  });

  for (const { name, design } of designs().filter((f) => exportCloudFormation(f.design).unexpressed.length === 0)) {
    it(`round-trips design → template (YAML) → design: ${name}`, () => {
      const back = importCloudFormation(parse(exportCloudFormation(design).yaml));
      expect(comparable(back.design)).toEqual(comparable(design));
    });
  }

  it("round-trips design → template (YAML, short-form intrinsics parsed) → design for every fixture, less what the export listed", () => {
    for (const { design } of designs()) {
      const r = exportCloudFormation(design);
      const parsed = parseTemplate(r.yaml);
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
      const back = importCloudFormation(parsed.template);
      expect(comparableDesign(back.design)).toEqual(comparableDesign(normalised(design, r.unexpressed)));
      // What the export leaves to the stack's parameters (a VPC, subnets the design does not name) is all that is noted.
      expect(back.notes.filter((n) => !/^parameter \w+ has no Default/.test(n.message))).toEqual([]);
    }
  });

  it("reads short-form intrinsics: Ref and GetAtt between resources, Sub/Join/Select/Split/FindInMap of known values; notes the rest and unknown properties", () => {
    const parsed = parseTemplate([
      "Parameters:", "  Env: { Type: String, Default: prod }", "  Subnets: { Type: 'List<AWS::EC2::Subnet::Id>', Default: 'subnet-1,subnet-2' }",
      "Mappings:", "  Sizes: { prod: { cpu: '512' } }",
      "Resources:",
      "  Cluster:", "    Type: AWS::ECS::Cluster", "    Properties:", "      ClusterName: !Sub '${Env}-main'",
      "  Role:", "    Type: AWS::IAM::Role",
      "  Td:", "    Type: AWS::ECS::TaskDefinition", "    Properties:", "      Family: !Join ['-', [web, !Ref Env]]",
      "      Cpu: !FindInMap [Sizes, !Ref Env, cpu]", "      TaskRoleArn: !GetAtt Role.Arn", "      ExecutionRoleArn: !ImportValue shared-exec",
      "      ContainerDefinitions:", "        - Name: web", "          Image: !Sub '${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/web'",
      "      Unheard: 1",
      "  Svc:", "    Type: AWS::ECS::Service", "    Properties:", "      ServiceName: web", "      Cluster: !Ref Cluster", "      TaskDefinition: !Ref Td",
      "      NetworkConfiguration:", "        AwsvpcConfiguration:", "          Subnets: [!Select [0, !Ref Subnets]]", "          SecurityGroups: !Split [',', 'sg-1,sg-2']",
    ].join("\n"));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const { design, notes } = importCloudFormation(parsed.template);
    expect(design.clusters[0].clusterName).toBe("prod-main");
    expect(design.taskDefinitions[0]).toMatchObject({ family: "web-prod", cpu: "512", containerDefinitions: [{ name: "web" }] });
    expect(design.taskDefinitions[0].taskRoleArn).toBeUndefined();
    expect(design.services[0]).toMatchObject({ cluster: "prod-main", taskDefinition: "web-prod", networkConfiguration: { awsvpcConfiguration: { subnets: ["subnet-1"], securityGroups: ["sg-1", "sg-2"] } } });
    expect(notes.map((n) => n.path)).toEqual(["Role", "Td.TaskRoleArn", "Td.ExecutionRoleArn", "Td.ContainerDefinitions[0].Image", "Td.Unheard"]);
    expect(notes[1].message).toMatch(/Role \(AWS::IAM::Role\), which is not a resource a design holds/);
  });

  it("gives YAML and JSON errors on their line", () => {
    const y = parseTemplate("Resources:\n  A:\n    Type: [\n");
    expect(y.ok).toBe(false);
    if (!y.ok) expect(y.issues[0].line).toBeGreaterThan(1);
    const j = parseTemplate('{\n  "Resources": {\n    "A": [1, 2\n  }\n}');
    expect(j.ok).toBe(false);
    if (!j.ok) expect(j.issues[0]).toMatchObject({ line: 4, path: "line 4" });
  });

  it("brings back references, parameters' defaults and the fields the template holds of a rich design", () => {
    const { design, notes } = importCloudFormation(exportCloudFormation(everythingDesign()).template);
    const svc = design.services[0];
    expect(svc.cluster).toBe("prod");
    expect(svc.taskDefinition).toBe("api");
    expect(svc.loadBalancers?.[0].advancedConfiguration).toEqual({
      alternateTargetGroupArn: "targetgroup/api-green", productionListenerRule: "listener-rule/api-alb/443/10", roleArn: "arn:aws:iam::111122223333:role/ecs-lb",
    });
    expect(svc.networkConfiguration?.awsvpcConfiguration.subnets).toEqual(["subnet-a"]);
    expect(svc.deploymentConfiguration?.canaryConfiguration).toEqual({ canaryPercent: 10.5, canaryBakeTimeInMinutes: 3 });
    expect(design.clusters[0].capacityProviders).toEqual(["FARGATE"]);
    const lb = design.loadBalancers![0];
    expect(lb.listeners?.[0].certificateArn).toMatch(/certificate\/x$/);
    expect(lb.listeners?.[0].rules?.[0]).toEqual(everythingDesign().loadBalancers![0].listeners![0].rules![0]);
    expect(design.targetGroups?.[0]).toMatchObject({ name: "api-blue", deregistrationDelaySeconds: 30, healthCheck: { path: "/health", matcher: "200-299" } });
    expect(design.taskDefinitions[0].proxyConfiguration).toEqual(everythingDesign().taskDefinitions[0].proxyConfiguration);
    expect(notes).toEqual([]);
  });

  it("notes what a design cannot hold: other resource types, intrinsics, parameters without defaults", () => {
    const { design, notes } = importCloudFormation({
      Parameters: { Vpc: { Type: "AWS::EC2::VPC::Id" } },
      Resources: {
        Bucket: { Type: "AWS::S3::Bucket" },
        Tg: { Type: "AWS::ElasticLoadBalancingV2::TargetGroup", Properties: { Name: { "Fn::Sub": "${AWS::StackName}-tg" }, TargetType: "ip", VpcId: { Ref: "Vpc" } } },
      },
    });
    expect(design.targetGroups).toEqual([{ id: "Tg", targetType: "ip" }] as Json[]);
    expect(notes.map((n) => n.path)).toEqual(["Bucket", "Tg.Name", "Tg.VpcId"]);
  });
});

describe("importCloudFormation: auto scaling written by hand", () => {
  const template = (extra: string[]) => parseTemplate([
    "Resources:",
    "  Web:", "    Type: AWS::ECS::Service", "    Properties: { ServiceName: web, Cluster: shop }",
    "  Target:", "    Type: AWS::ApplicationAutoScaling::ScalableTarget",
    "    Properties: { ServiceNamespace: ecs, ScalableDimension: 'ecs:service:DesiredCount', ResourceId: service/shop/web, MinCapacity: 1, MaxCapacity: 4 }",
    "  Step:", "    Type: AWS::ApplicationAutoScaling::ScalingPolicy",
    "    Properties: { PolicyName: out, PolicyType: StepScaling, ScalingTargetId: !Ref Target, StepScalingPolicyConfiguration: { AdjustmentType: ChangeInCapacity, StepAdjustments: [{ MetricIntervalLowerBound: 0, ScalingAdjustment: 2 }] } }",
    ...extra,
  ].join("\n"));

  it("attaches a target named by a literal ResourceId, its policy by ScalingTargetId and the alarm by AlarmActions", () => {
    const parsed = template([
      "  High:", "    Type: AWS::CloudWatch::Alarm",
      "    Properties: { AlarmName: high, MetricName: CPUUtilization, Namespace: AWS/ECS, Statistic: Average, ComparisonOperator: GreaterThanThreshold, Threshold: 80, Period: 60, EvaluationPeriods: 2, AlarmActions: [!Ref Step] }",
    ]);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const r = importCloudFormation(parsed.template);
    expect(r.notes).toEqual([]);
    expect(r.design.services[0].autoScaling).toEqual({
      minCapacity: 1, maxCapacity: 4,
      policies: [{
        policyName: "out", policyType: "StepScaling",
        stepScalingPolicyConfiguration: { adjustmentType: "ChangeInCapacity", stepAdjustments: [{ metricIntervalLowerBound: 0, scalingAdjustment: 2 }] },
        alarm: { metricName: "CPUUtilization", namespace: "AWS/ECS", statistic: "Average", comparisonOperator: "GreaterThanThreshold", threshold: 80, period: 60, evaluationPeriods: 2 },
      }],
    });
  });

  it("notes a target of another namespace, a policy without its target and an alarm that triggers no policy", () => {
    const parsed = template([
      "  Table:", "    Type: AWS::ApplicationAutoScaling::ScalableTarget",
      "    Properties: { ServiceNamespace: dynamodb, ScalableDimension: 'dynamodb:table:ReadCapacityUnits', ResourceId: table/orders, MinCapacity: 1, MaxCapacity: 9 }",
      "  Lone:", "    Type: AWS::ApplicationAutoScaling::ScalingPolicy", "    Properties: { PolicyName: lone, PolicyType: StepScaling, ScalingTargetId: !Ref Table }",
      "  Pager:", "    Type: AWS::CloudWatch::Alarm", "    Properties: { MetricName: CPUUtilization, Namespace: AWS/ECS, AlarmActions: [arn:aws:sns:us-east-1:111122223333:pager] }",
    ]);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const r = importCloudFormation(parsed.template);
    expect(r.notes.map((n) => n.path)).toEqual(["Table", "Lone", "Pager"]);
    expect(r.design.services[0].autoScaling?.policies?.map((p) => p.policyName)).toEqual(["out"]);
  });
});
