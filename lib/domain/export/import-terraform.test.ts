import { parse } from "@cdktf/hcl2json";
import { describe, expect, it } from "vitest";
import type { Design } from "../design";
import { importTerraform } from "./import-terraform";
import { exportTerraform } from "./terraform";
import { everythingDesign, fixtureDesigns, scaledDesign } from "./test-designs";
import { comparable, normalised } from "./test-round-trip";

const fromTerraform = async (design: Design, opts: Parameters<typeof exportTerraform>[1] = {}) => {
  const r = await importTerraform(exportTerraform(design, opts).files.map((f) => ({ name: f.path, text: f.text })), parse);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r;
};

describe("importTerraform", () => {
  for (const { name, design } of fixtureDesigns()) {
    it(`round-trips design → Terraform → design: ${name}`, async () => {
      const back = await fromTerraform(design);
      expect(comparable(back.design)).toEqual(comparable(normalised(design, exportTerraform(design).unexpressed)));
    }, 30_000);
  }

  it("round-trips the scaled design and its scheduled tasks: the design's own group (stevedore-<id>, tagged) back to no group, others by name, the overrides from the input's JSON", async () => {
    const design = scaledDesign();
    const back = await fromTerraform(design, { designId: "cm0shop" });
    // The whole design too: capacity providers, auto scaling (its derived ALBRequestCountPerTarget resource_label left unset again).
    expect(comparable(back.design)).toEqual(comparable(normalised(design, exportTerraform(design, { designId: "cm0shop" }).unexpressed)));
    expect(back.design.scheduledTasks!.find((t) => t.name === "nightly-report")!.group).toBeUndefined();
    expect(back.notes.filter((n) => n.path.startsWith("aws_scheduler"))).toEqual([]);
    // Exported for another design, the own group is a group like any other: imported by its name.
    const other = await importTerraform(exportTerraform(design, { designId: "cm0shop" }).files.map((f) => ({ name: f.path, text: f.text.replace('"stevedore:design" = "cm0shop"', '"stevedore:design" = "other"') })), parse);
    expect(other.ok && other.design.scheduledTasks!.find((t) => t.name === "nightly-report")!.group).toBe("stevedore-cm0shop");
  }, 30_000);
});

const files = (o: Record<string, string>) => Object.entries(o).map(([name, text]) => ({ name, text }));

describe("importTerraform: auto scaling and hand-written configuration", () => {
  it("round-trips a service's scalable target, policies (a step policy's alarm with it) and scheduled actions", async () => {
    const d = everythingDesign();
    d.services[0].autoScaling = {
      minCapacity: 2, maxCapacity: 10,
      policies: [
        { policyName: "cpu", policyType: "TargetTrackingScaling", targetTrackingScalingPolicyConfiguration: { targetValue: 60, predefinedMetricSpecification: { predefinedMetricType: "ECSServiceAverageCPUUtilization" }, scaleInCooldown: 120 } },
        { policyName: "queue", policyType: "StepScaling", stepScalingPolicyConfiguration: { adjustmentType: "ChangeInCapacity", stepAdjustments: [{ metricIntervalLowerBound: 0, scalingAdjustment: 2 }], cooldown: 60 },
          alarm: { metricName: "Backlog", namespace: "App", statistic: "Average", comparisonOperator: "GreaterThanThreshold", threshold: 100, period: 60, evaluationPeriods: 2 } },
      ],
      scheduledActions: [{ scheduledActionName: "night", schedule: "cron(0 22 * * ? *)", timezone: "Europe/Berlin", scalableTargetAction: { minCapacity: 1, maxCapacity: 2 } }],
    };
    const back = await fromTerraform(d);
    expect(back.design.services[0].autoScaling).toEqual(d.services[0].autoScaling);
  });

  it("reads variables (defaults and .tfvars), locals, jsonencode, heredoc and file() container definitions, ids and ARNs as references; several files merge", async () => {
    const r = await importTerraform(files({
      "variables.tf": `variable "image" {\n  default = "nginx:1"\n}\nvariable "count" {\n  type = number\n}\nvariable "subnets" {\n  type = list(string)\n}\n`,
      "prod.tfvars": `subnets = ["subnet-1", "subnet-2"]\n`,
      "main.tf": `locals {\n  cluster = "prod"\n}\nresource "aws_ecs_cluster" "main" {\n  name = local.cluster\n}\n` +
        `resource "aws_ecs_task_definition" "web" {\n  family = "web-\${local.cluster}"\n  container_definitions = jsonencode([{ name = "web", image = var.image, essential = true, command = ["echo", "$\${HOME}"] }])\n}\n` +
        `resource "aws_ecs_task_definition" "worker" {\n  family = "worker"\n  container_definitions = <<EOT\n[{"name":"w","image":"busybox"}]\nEOT\n}\n` +
        `resource "aws_ecs_task_definition" "batch" {\n  family = "batch"\n  container_definitions = file("\${path.module}/batch.json")\n}\n` +
        `resource "aws_ecs_service" "web" {\n  name = "web"\n  cluster = aws_ecs_cluster.main.id\n  task_definition = aws_ecs_task_definition.web.arn\n  desired_count = var.count\n  network_configuration {\n    subnets = var.subnets\n  }\n}\n`,
      "batch.json": `[{"name":"b","image":"alpine"}]`,
    }), parse);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.design.clusters.map((c) => c.clusterName)).toEqual(["prod"]);
    expect(r.design.taskDefinitions.map((t) => [t.family, t.containerDefinitions[0].image])).toEqual([["batch", "alpine"], ["web-prod", "nginx:1"], ["worker", "busybox"]]);
    expect(r.design.taskDefinitions[1].containerDefinitions[0].command).toEqual(["echo", "${HOME}"]);
    expect(r.design.services[0]).toMatchObject({ serviceName: "web", cluster: "prod", taskDefinition: "web-prod", networkConfiguration: { awsvpcConfiguration: { subnets: ["subnet-1", "subnet-2"] } } });
    expect(r.design.services[0].desiredCount).toBeUndefined();
    expect(r.notes).toEqual([{ path: "aws_ecs_service.web.desired_count", message: "var.count has no default and no .tfvars value: the design leaves the field unset" }]);
  });

  it("notes data sources, modules, unknown resources and arguments, functions and references it cannot resolve", async () => {
    const r = await importTerraform(files({
      "main.tf": `data "aws_iam_role" "exec" {\n  name = "exec"\n}\nmodule "vpc" {\n  source = "./vpc"\n}\nresource "aws_s3_bucket" "b" {}\n` +
        `resource "aws_ecs_task_definition" "web" {\n  family = "web"\n  execution_role_arn = data.aws_iam_role.exec.arn\n  task_role_arn = aws_iam_role.task.arn\n  cpu = upper("256")\n  skip_destroy = true\n  container_definitions = jsonencode([{ name = "web", image = "nginx" }])\n}\n`,
    }), parse);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.design.taskDefinitions).toEqual([{ id: "aws_ecs_task_definition.web", family: "web", containerDefinitions: [{ name: "web", image: "nginx" }] }]);
    expect(r.notes.map((n) => n.path)).toEqual([
      "data.aws_iam_role.exec", "module.vpc",
      "aws_ecs_task_definition.web.cpu", "aws_ecs_task_definition.web.execution_role_arn", "aws_ecs_task_definition.web.task_role_arn", "aws_ecs_task_definition.web.skip_destroy",
      "aws_s3_bucket.b",
    ]);
    expect(r.notes.find((n) => n.path.endsWith("task_role_arn"))?.message).toMatch(/aws_iam_role\.task, which is not a resource a design holds/);
    expect(r.notes.find((n) => n.path.endsWith(".cpu"))?.message).toMatch(/upper\(\.\.\.\) is evaluated by Terraform/);
  });

  it("reads a cluster's providers and strategy that name a provider of these files by reference, with or without a provider block", async () => {
    const r = await importTerraform(files({ "main.tf": `
resource "aws_ecs_cluster" "c" {
  name = "prod"
}
resource "aws_ecs_capacity_provider" "asg" {
  name = "asg-cp"
  auto_scaling_group_provider {
    auto_scaling_group_arn = "arn:aws:autoscaling:eu-west-1:123456789012:autoScalingGroup:1:autoScalingGroupName/asg"
  }
}
resource "aws_ecs_capacity_provider" "bare" {
  name = "key: v"
}
resource "aws_ecs_cluster_capacity_providers" "c" {
  cluster_name       = aws_ecs_cluster.c.name
  capacity_providers = [aws_ecs_capacity_provider.asg.name, aws_ecs_capacity_provider.bare.name, "FARGATE"]
  default_capacity_provider_strategy {
    capacity_provider = aws_ecs_capacity_provider.bare.name
    weight            = 1
  }
}
` }), parse);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.design.clusters[0]).toMatchObject({ capacityProviders: ["asg-cp", "key: v", "FARGATE"], defaultCapacityProviderStrategy: [{ capacityProvider: "key: v", weight: 1 }] });
    expect(r.notes).toEqual([]);
  });

  it("gives the parser's error on its file and line", async () => {
    const r = await importTerraform(files({ "ok.tf": "", "broken.tf": `resource "aws_ecs_cluster" "a" {\n  name =\n}\n` }), parse);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ path: "broken.tf:2", line: 2, message: expect.stringMatching(/Invalid expression/) });
  });
});
