import { parse } from "@cdktf/hcl2json";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AutoScalingPort, Ec2Port, Elbv2Port, SchedulerPort } from "@/lib/aws";
import type { Design } from "@/lib/domain/design";
import { exportCloudFormation, exportTerraform, importIac, terraformImportsFor } from "@/lib/domain/export";
import type { Plan } from "@/lib/domain/plan";
import { applyPlan, planAgainstAccount } from "@/lib/server/plan";
import { startPlanSandbox, webDesign } from "./sandbox";

// The zero-change proof: a design applied to the sandbox, exported to Terraform and to
// CloudFormation, imported back from each export as a person would (the files' text through
// the import), and the imported design planned against what the original applied: nothing to
// change. Through the real ECS, ELBv2, EC2, Application Auto Scaling and EventBridge Scheduler
// clients over HTTP.

let sb: Awaited<ReturnType<typeof startPlanSandbox>>;
let elbv2: Elbv2Port;
let ec2: Ec2Port;
let autoscaling: AutoScalingPort;
let scheduler: SchedulerPort;
beforeEach(async () => {
  sb = await startPlanSandbox();
  elbv2 = sb.aws.elbv2({ region: sb.region });
  ec2 = sb.aws.ec2({ region: sb.region });
  autoscaling = sb.aws.autoscaling({ region: sb.region });
  scheduler = sb.aws.scheduler({ region: sb.region });
});
afterEach(async () => {
  elbv2.destroy();
  ec2.destroy();
  autoscaling.destroy();
  scheduler.destroy();
  await sb.close();
});

const designId = "design-iac";
const plan = async (d: Design) => (await planAgainstAccount(sb.ecs, d, { designId, elbv2, ec2, autoscaling, scheduler })).plan;
const changed = (p: Plan) => p.steps.filter((s) => s.action !== "no-change").map((s) => `${s.action} ${s.key}: ${JSON.stringify(s.calls.map((c) => c.operation))}`);

/** webDesign behind an ALB with a rule, tags, auto scaling, and scheduled tasks in the design's own schedule group and in one of their own. */
async function fullDesign(): Promise<Design> {
  const d = webDesign();
  const [vpc] = await ec2.describeVpcs();
  const subnets = (await ec2.describeSubnets({ filters: [{ Name: "vpc-id", Values: [vpc.VpcId!] }] })).map((s) => s.SubnetId!);
  d.clusters[0].tags = [{ key: "team", value: "shop" }];
  d.clusters[0].settings = [{ name: "containerInsights", value: "enabled" }];
  d.services[0].networkConfiguration = { awsvpcConfiguration: { subnets: subnets.slice(0, 2) } };
  d.services[0].tags = [{ key: "app", value: "web" }];
  d.services[0].loadBalancers = [{ targetGroupArn: "targetgroup/web-tg", containerName: "app", containerPort: 80 }];
  d.services[0].autoScaling = {
    minCapacity: 2, maxCapacity: 6,
    policies: [{ policyName: "cpu60", policyType: "TargetTrackingScaling", targetTrackingScalingPolicyConfiguration: { targetValue: 60, predefinedMetricSpecification: { predefinedMetricType: "ECSServiceAverageCPUUtilization" } } }],
  };
  d.targetGroups = [
    { id: "tg-web", name: "web-tg", targetType: "ip", protocol: "HTTP", port: 80, healthCheck: { path: "/health" }, deregistrationDelaySeconds: 30 },
    { id: "tg-api", name: "api-tg", targetType: "ip", protocol: "HTTP", port: 8080 },
  ];
  d.loadBalancers = [{
    id: "lb-web", name: "web-alb", type: "application", scheme: "internet-facing", tags: [{ key: "tier", value: "edge" }],
    listeners: [{
      port: 80, protocol: "HTTP",
      defaultAction: { type: "forward", targetGroups: [{ targetGroupArn: "targetgroup/web-tg" }] },
      rules: [{ priority: 10, conditions: [{ field: "path-pattern", values: ["/api/*"] }], action: { type: "forward", targetGroups: [{ targetGroupArn: "targetgroup/api-tg" }] } }],
    }],
  }];
  d.scheduledTasks = [
    { id: "st-nightly", name: "nightly-worker", cluster: "main", taskDefinition: "worker", scheduleExpression: "cron(0 3 * * ? *)", scheduleExpressionTimezone: "Europe/Berlin",
      roleArn: "arn:aws:iam::000000000000:role/scheduler-runs-tasks", launchType: "FARGATE", taskCount: 2,
      networkConfiguration: { awsvpcConfiguration: { subnets: subnets.slice(0, 1), assignPublicIp: "DISABLED" } },
      overrides: { containerOverrides: [{ name: "worker", command: ["report", "--day", "yesterday"], environment: [{ name: "MODE", value: "full" }] }] },
      retryPolicy: { maximumRetryAttempts: 3 } },
    { id: "st-cleanup", name: "cleanup", group: "shop-jobs", cluster: "main", taskDefinition: "worker", scheduleExpression: "rate(6 hours)", state: "DISABLED",
      flexibleTimeWindow: { mode: "FLEXIBLE", maximumWindowInMinutes: 30 }, roleArn: "arn:aws:iam::000000000000:role/scheduler-runs-tasks", launchType: "FARGATE",
      networkConfiguration: { awsvpcConfiguration: { subnets: subnets.slice(0, 1) } } },
  ];
  return d;
}

/** Scheduled tasks without their ids, by name (hcl2json gives blocks by label). */
const tasksOf = (d: Design) => (d.scheduledTasks ?? []).map(({ id: _id, ...t }) => t).sort((a, b) => a.name.localeCompare(b.name));

const asFiles = (files: { path: string; text: string }[]) => files.map((f) => ({ name: f.path, text: f.text }));

describe("export → import → plan against what the original applied", () => {
  it("plans zero changes for the design brought back from its Terraform and from its CloudFormation", { timeout: 60_000 }, async () => {
    const original = await fullDesign();
    const first = await plan(original);
    expect((await applyPlan(sb.ecs, first, { elbv2, autoscaling, scheduler })).ok).toBe(true);
    expect(changed(await plan(original))).toEqual([]);

    const tf = await importIac({ files: asFiles(exportTerraform(original, { designId }).files) }, parse);
    if (!tf.ok) throw new Error(JSON.stringify(tf.issues));
    expect(tf.format).toBe("terraform");
    expect(changed(await plan(tf.design))).toEqual([]);
    // The scheduled tasks come back whole: the design's own group (stevedore-<design>) as no group, the other by name.
    expect(tasksOf(tf.design)).toEqual(tasksOf(original));
    // The plan would see a loss: the same import without its listener rule deletes it.
    const lossy = structuredClone(tf.design);
    delete lossy.loadBalancers![0].listeners![0].rules;
    expect(changed(await plan(lossy))).toEqual(["update listener:web-alb/80: [\"DeleteRule\"]"]);
    // And a scheduled task that lost its overrides would replace the schedule.
    const noOverrides = structuredClone(tf.design);
    delete noOverrides.scheduledTasks!.find((t) => t.name === "nightly-worker")!.overrides;
    expect(changed(await plan(noOverrides))).toEqual(["update scheduled-task:stevedore-design-iac/nightly-worker: [\"UpdateSchedule\"]"]);

    const template = exportCloudFormation(original, { designId });
    const cfn = await importIac({ files: [{ name: "template.yaml", text: template.yaml }] }, parse);
    if (!cfn.ok) throw new Error(JSON.stringify(cfn.issues));
    expect(cfn.format).toBe("cloudformation");
    // The export writes the service's auto scaling (target, policies, scheduled actions): nothing listed, and the import plans clean.
    expect(template.unexpressed).toEqual([]);
    expect(cfn.design.services.find((s) => s.serviceName === "web")!.autoScaling).toEqual(original.services[0].autoScaling);
    expect(tasksOf(cfn.design)).toEqual(tasksOf(original));
    expect(changed(await plan(cfn.design))).toEqual([]);
  });

  it("writes an import block for every exported resource that exists, with the id the provider imports it by", { timeout: 60_000 }, async () => {
    const original = await fullDesign();
    const before = await planAgainstAccount(sb.ecs, original, { designId, elbv2, ec2, autoscaling, scheduler });
    // Nothing exists yet: no import block.
    expect(terraformImportsFor(original, before.live, designId)).toEqual([]);
    expect((await applyPlan(sb.ecs, before.plan, { elbv2, autoscaling, scheduler })).ok).toBe(true);

    const { live } = await planAgainstAccount(sb.ecs, original, { designId, elbv2, ec2, autoscaling, scheduler });
    const imports = Object.fromEntries(terraformImportsFor(original, live, designId).map((i) => [i.address, i.id]));
    const [lb] = await elbv2.describeLoadBalancers({ names: ["web-alb"] });
    const [listener] = await elbv2.describeListeners({ loadBalancerArn: lb.LoadBalancerArn! });
    const rule = (await elbv2.describeRules({ listenerArn: listener.ListenerArn! })).find((r) => r.Priority === "10")!;
    const tgs = await elbv2.describeTargetGroups({ names: ["web-tg", "api-tg"] });
    const tdArn = (family: string) => live.taskDefinitions[family].taskDefinition.taskDefinitionArn;
    expect(imports).toEqual({
      "aws_ecs_cluster.main": "main",
      "aws_ecs_task_definition.web": tdArn("web"),
      "aws_ecs_task_definition.worker": tdArn("worker"),
      "aws_ecs_service.web": "main/web",
      "aws_ecs_service.worker": "main/worker",
      "aws_lb_target_group.web_tg": tgs.find((t) => t.TargetGroupName === "web-tg")!.TargetGroupArn,
      "aws_lb_target_group.api_tg": tgs.find((t) => t.TargetGroupName === "api-tg")!.TargetGroupArn,
      "aws_lb.web_alb": lb.LoadBalancerArn,
      "aws_lb_listener.web_alb_80": listener.ListenerArn,
      "aws_lb_listener_rule.web_alb_80_10": rule.RuleArn,
      "aws_scheduler_schedule_group.shop_jobs": "shop-jobs",
      "aws_scheduler_schedule_group.stevedore_design_iac": `stevedore-${designId}`,
      "aws_scheduler_schedule.nightly_worker": `stevedore-${designId}/nightly-worker`,
      "aws_scheduler_schedule.cleanup": "shop-jobs/cleanup",
    });
    // Every resource the export writes is either imported or new: here all exist.
    const tf = exportTerraform(original, { designId, imports: terraformImportsFor(original, live, designId) });
    const main = tf.files.find((f) => f.path === "main.tf")!.text;
    expect(main).toContain(`import {\n  to = aws_ecs_service.web\n  id = "main/web"\n}`);
  });
});
