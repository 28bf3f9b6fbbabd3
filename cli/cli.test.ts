import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { targetTrackingEc2 } from "../lib/domain/learn/lessons/target-tracking-ec2";

const root = fileURLToPath(new URL("../", import.meta.url));
const bin = join(root, "bin/stevedore.mjs");
const tmp = mkdtempSync(join(tmpdir(), "stevedore-cli-"));
const fixture = (p: string) => join(root, "fixtures", p);

/** Runs the real CLI from a directory outside the checkout. */
function run(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: tmp, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
function temp(name: string, content: string) {
  const p = join(tmp, name);
  writeFileSync(p, content);
  return p;
}

const cleanTd = JSON.stringify({
  family: "web", networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], cpu: "256", memory: "512",
  containerDefinitions: [{ name: "app", image: "nginx:1.27", essential: true, portMappings: [{ containerPort: 80 }] }],
});
const badTd = JSON.stringify({
  family: "web", networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], cpu: "256", memory: "4096",
  containerDefinitions: [{ name: "app", image: "nginx:1.27", essential: true }],
});

describe("stevedore lint", { timeout: 30_000 }, () => {
  it("exits 0 on a clean task definition, with a human summary", () => {
    const r = run("lint", temp("clean.json", cleanTd));
    expect(r.code).toBe(0);
    expect(r.out).toContain("clean.json  (task definition)");
    expect(r.out).toContain("no problems");
    expect(r.out).not.toMatch(/\u001b\[/);
  });

  it("exits 1 on errors and names rule, field, message and fix", () => {
    const r = run("lint", temp("bad.json", badTd));
    expect(r.code).toBe(1);
    expect(r.out).toContain("task definition web");
    expect(r.out).toMatch(/error\s+fargate-task-size\s+memory/);
    expect(r.out).toContain("fix:");
  });

  it("prints JSON for machines: file, format, findings and notes", () => {
    const r = run("lint", "--json", temp("bad2.json", badTd), fixture("ecs/task-definitions/describe-sleep360.json"));
    expect(r.code).toBe(1);
    const reports = JSON.parse(r.out);
    expect(reports.map((x: { format: string }) => x.format)).toEqual(["task-definition", "task-definition"]);
    expect(reports[0].findings.some((f: { ruleId: string; severity: string; field: string }) =>
      f.ruleId === "fargate-task-size" && f.severity === "error" && f.field === "memory")).toBe(true);
    expect(reports[1].notes.map((n: { path: string }) => n.path)).toContain("taskDefinition.revision");
  });

  it("with --json, prints the import notes to standard error too, keeping standard output JSON", () => {
    const r = run("lint", "--json", fixture("compose/build-only.compose.yml"));
    expect(JSON.parse(r.out)[0].notes.length).toBeGreaterThan(0);
    expect(r.err).toMatch(/^stevedore: .*build-only\.compose\.yml: warning: services\.app\.build: No image \(build only\)/m);
    expect(r.err.trim().split("\n")).toHaveLength(JSON.parse(r.out)[0].notes.length);
  });

  it("exits 2 on malformed input, naming the file and the line", () => {
    const r = run("lint", temp("broken.json", '{\n  "family": "web",\n  "cpu": }\n'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/broken\.json: Malformed JSON at line 3, column 10/);
  });

  it("exits 2 on a wrong field, naming the field", () => {
    const r = run("lint", temp("shape.json", JSON.stringify({ family: "web", containerDefinitions: [{ name: "app", image: 7 }] })));
    expect(r.code).toBe(2);
    expect(r.err).toContain("shape.json: containerDefinitions[0].image:");
  });

  it("exits 2 on unreadable files and on bad usage", () => {
    const missing = run("lint", "no-such-file.json");
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("no-such-file.json: cannot read: no such file");
    expect(run("lint").code).toBe(2);
    expect(run("frobnicate").code).toBe(2);
    expect(run("--help").code).toBe(0);
  });

  it("exit code 2 wins over 1 when files mix", () => {
    expect(run("lint", temp("bad3.json", badTd), "missing.json").code).toBe(2);
  });

  it("warnings fail only with --strict; compose files are linted too", () => {
    const warnOnly = temp("warn.json", cleanTd.replace("nginx:1.27", "nginx"));
    expect(run("lint", warnOnly).code).toBe(0);
    expect(run("lint", "--strict", warnOnly).code).toBe(1);
    const compose = run("lint", fixture("compose/build-only.compose.yml"));
    expect(compose.out).toContain("(Docker Compose)");
    expect(compose.err).toContain("services.app.build");
  });

  it("accepts service JSON and design files", () => {
    const svc = run("lint", "--json", fixture("ecs/services/describe-my-http-service.json"));
    expect(JSON.parse(svc.out)[0].format).toBe("service");
    const design = JSON.stringify({ schemaVersion: 1, clusters: [], taskDefinitions: [JSON.parse(cleanTd)], services: [], layout: {} });
    const d = run("lint", temp("design.json", design.replace('"family"', '"id":"td-1","family"')));
    expect(d.code).toBe(0);
    expect(d.out).toContain("(design)");
  });
});

describe("stevedore convert", { timeout: 30_000 }, () => {
  it("converts a compose file to a design and a chosen task definition", () => {
    const design = run("convert", fixture("compose/shop.compose.yaml"), "--to", "design");
    expect(design.code).toBe(0);
    expect(JSON.parse(design.out).taskDefinitions).toHaveLength(5);
    const td = run("convert", fixture("compose/shop.compose.yaml"), "--to", "task-definition", "--family", "api");
    expect(td.code).toBe(0);
    expect(JSON.parse(td.out)).toMatchObject({ family: "api", cpu: "1024", memory: "2048" });
    expect(JSON.parse(td.out).id).toBeUndefined();
  });

  it("needs --family or --service when there are several, and exits 2", () => {
    const r = run("convert", fixture("compose/shop.compose.yaml"), "--to", "service");
    expect(r.code).toBe(2);
    expect(r.err).toContain("--service NAME");
    expect(r.out).toBe("");
  });

  it("turns a DescribeTaskDefinition answer into RegisterTaskDefinition input", () => {
    const r = run("convert", fixture("ecs/task-definitions/describe-sleep360.json"), "--to", "task-definition");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    expect(out.family).toBe("sleep360");
    expect(Object.keys(out)).not.toContain("revision");
    expect(Object.keys(out)).not.toContain("taskDefinitionArn");
  });

  it("reads a console export full of nulls as not set, and writes none back", () => {
    const r = run("convert", fixture("ecs/task-definitions/console-be-nulls.json"), "--to", "task-definition");
    expect(r.code).toBe(0);
    expect(r.out).not.toContain("null");
    expect(JSON.parse(r.out)).toMatchObject({ family: "be", cpu: "1024", memory: "1024", containerDefinitions: [{ name: "be", memory: 800 }] });
  });

  it("prints what was not converted to standard error, one note a line, and only JSON to standard output", () => {
    const r = run("convert", fixture("compose/shop.compose.yaml"), "--to", "design");
    expect(r.code).toBe(0);
    expect(() => JSON.parse(r.out)).not.toThrow();
    const lines = r.err.trim().split("\n");
    expect(lines.every((l) => /^stevedore: .*shop\.compose\.yaml: (warning|info): /.test(l))).toBe(true);
    expect(r.err).toContain("warning: services.web.depends_on.api: ");
    expect(r.err).toContain('info: x-logging: Extension field');
    const td = run("convert", fixture("ecs/task-definitions/console-be-nulls.json"), "--to", "task-definition");
    expect(td.err).toMatch(/info: null means "not set" in ECS JSON, as the AWS SDKs send it: \d+ null values left out/);
    expect(td.err).toContain('info: "taskDefinitionArn" is set by ECS and rejected by RegisterTaskDefinition; stripped');
  });

  it("exits 2 on a missing --to or malformed input", () => {
    expect(run("convert", fixture("compose/shop.compose.yaml")).code).toBe(2);
    const bad = run("convert", temp("bad.yaml", "services:\n  a: [\n"), "--to", "design");
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/bad\.yaml: Malformed YAML at line/);
  });
});

describe("stevedore with compose target flags", { timeout: 30_000 }, () => {
  const flags = ["--subnets", "subnet-0a1b2c3d,subnet-0e4f5a6b", "--security-groups", "sg-0123abcd", "--execution-role-arn", "arn:aws:iam::123456789012:role/ecsTaskExecutionRole"];
  it("lints a compose file clean once the network and role are given", () => {
    expect(run("lint", fixture("compose/shop.compose.yaml")).code).toBe(1);
    const r = run("lint", fixture("compose/shop.compose.yaml"), ...flags);
    // Nothing is wrong; what compose keys were not converted is said on standard error, as warnings only.
    expect(r.err).not.toMatch(/: error: /);
    expect(r.err.trim().split("\n").every((l) => l.startsWith(`stevedore: ${fixture("compose/shop.compose.yaml")}: warning: `))).toBe(true);
    expect(r.out).not.toContain("import notes");
    expect(r.code).toBe(0);
  });
  it("converts with the flags applied", () => {
    const r = run("convert", fixture("compose/shop.compose.yaml"), "--to", "service", "--service", "web", ...flags);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).networkConfiguration.awsvpcConfiguration.subnets).toEqual(["subnet-0a1b2c3d", "subnet-0e4f5a6b"]);
  });
  it("refuses a malformed flag with exit 2, naming the flag", () => {
    const r = run("lint", fixture("compose/shop.compose.yaml"), "--subnets", "not-a-subnet");
    expect(r.code).toBe(2);
    expect(r.err).toContain("--subnets");
  });
});

describe("stevedore cost", { timeout: 30_000 }, () => {
  const costDesign = (over: Record<string, unknown> = {}) => JSON.stringify({
    schemaVersion: 1, clusters: [{ id: "c", clusterName: "main" }], layout: {},
    taskDefinitions: [{ id: "t", family: "web", networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], cpu: "256", memory: "512", containerDefinitions: [{ name: "app", image: "nginx:1.27" }] }],
    services: [{ id: "s", serviceName: "web", cluster: "main", taskDefinition: "web", desiredCount: 1, launchType: "FARGATE" }],
    ...over,
  });

  it("prints the monthly cost with its line items and assumptions, exit 0", () => {
    const r = run("cost", temp("cost.json", costDesign()));
    expect(r.code).toBe(0);
    expect(r.out).toContain("service main/web: $9.01/mo for 1 task");
    expect(r.out).toContain("Total: $9.01/mo");
    expect(r.out).toMatch(/730 hours a month, on-demand prices of us-east-1 read \d{4}-\d{2}-\d{2}/);
  });

  it("prints JSON for pipelines", () => {
    const r = run("cost", "--json", temp("cost2.json", costDesign({ services: [{ id: "s", serviceName: "web", cluster: "main", taskDefinition: "web", desiredCount: 3, launchType: "FARGATE" }] })));
    expect(r.code).toBe(0);
    const c = JSON.parse(r.out);
    expect(c.region).toBe("us-east-1");
    expect(Math.round(c.total * 100) / 100).toBe(27.03);
    expect(c.services[0].taskCount).toBe(3);
  });

  it("prices tasks on an Auto Scaling group capacity provider by the instances the sandbox's placement needs", () => {
    const r = run("cost", "--json", temp("asg.json", JSON.stringify(targetTrackingEc2.starter)));
    expect(r.code).toBe(0);
    const c = JSON.parse(r.out);
    const line = c.shared.find((l: { kind: string }) => l.kind === "instances");
    expect(line.label).toContain("m5.large");
    expect(Math.round(c.totalAtMin * 100) / 100).toBe(70.08);
    expect(Math.round(c.totalAtMax * 100) / 100).toBe(210.24);
  });

  it("exits 1 when part of the design cannot be priced, naming it", () => {
    const r = run("cost", temp("cost3.json", costDesign({ clusters: [{ id: "c", clusterName: "main", instances: [{ id: "i1", instanceType: "zz9.huge", cpu: 2048, memory: 4096 }] }] })));
    expect(r.code).toBe(1);
    expect(r.out).toContain("no price for instance type zz9.huge");
  });

  it("exits 2 on a Region the table lacks, a malformed Region and unreadable input", () => {
    const f = temp("cost4.json", costDesign());
    const unknown = run("cost", f, "--region", "ap-south-2");
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("no prices for Region ap-south-2");
    expect(run("cost", f, "--region", "Mars").code).toBe(2);
    const missing = run("cost", "nope.json");
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("nope.json: cannot read: no such file");
  });
});

describe("stevedore convert --to terraform | cloudformation", { timeout: 60_000 }, () => {
  const design = JSON.stringify({
    schemaVersion: 1, layout: {},
    clusters: [{ id: "c", clusterName: "main", instances: [{ id: "i", cpu: 2048, memory: 4096 }] }],
    taskDefinitions: [{ id: "t", family: "web", requiresCompatibilities: ["FARGATE"], cpu: "256", memory: "512", containerDefinitions: [{ name: "app", image: "nginx:1.27" }] }],
    services: [{ id: "s", serviceName: "web", cluster: "main", taskDefinition: "web", desiredCount: 2,
      networkConfiguration: { awsvpcConfiguration: { subnets: ["subnet-1"] } } }],
  });

  it("writes one main.tf to standard output, and what it could not express to standard error", () => {
    const r = run("convert", temp("tf.json", design), "--to", "terraform", "--ignore-changes", "image", "desiredCount");
    expect(r.code).toBe(0);
    expect(r.out).toContain('source  = "hashicorp/aws"');
    expect(r.out).toContain('resource "aws_ecs_service" "web"');
    expect(r.out).toContain("cluster = aws_ecs_cluster.main.arn");
    expect(r.out).toContain("ignore_changes = [task_definition, desired_count]");
    expect(r.out).toContain('variable "web_subnets"');
    expect(r.err).toMatch(/warning: cluster "main" instances\[0\]\.cpu: not expressed in Terraform/);
  });

  it("writes scheduled tasks in the schedule group --design-id names, and says plainly when a design deploys nothing", () => {
    const withTask = JSON.parse(design);
    withTask.scheduledTasks = [{ id: "st", name: "nightly", cluster: "main", taskDefinition: "web", scheduleExpression: "cron(0 3 * * ? *)", roleArn: "arn:aws:iam::111122223333:role/scheduler" }];
    const r = run("convert", temp("tf-scheduled.json", JSON.stringify(withTask)), "--to", "terraform", "--design-id", "cm0shop");
    expect(r.code).toBe(0);
    expect(r.out).toContain('resource "aws_scheduler_schedule_group" "stevedore_cm0shop" {\n  name = "stevedore-cm0shop"');
    expect(r.out).toContain("group_name = aws_scheduler_schedule_group.stevedore_cm0shop.name");
    expect(r.out).toContain("arn = aws_ecs_cluster.main.arn");
    const empty = temp("tf-empty.json", JSON.stringify({ schemaVersion: 1, layout: {}, clusters: [], taskDefinitions: [], services: [] }));
    const none = run("convert", empty, "--to", "cloudformation", "--format", "json");
    expect(none.code).toBe(0);
    expect(JSON.parse(none.out).Metadata.Stevedore.DeploysNothing).toContain("this export deploys nothing");
    expect(run("convert", empty, "--to", "design", "--design-id", "x").code).toBe(2);
  });

  it("writes an import block for each --import ADDRESS=ID, and refuses a malformed one", () => {
    const file = temp("tf3.json", design);
    const r = run("convert", file, "--to", "terraform", "--import", "aws_ecs_service.web=main/web", "aws_ecs_cluster.main=main");
    expect(r.code).toBe(0);
    expect(r.out).toContain('import {\n  to = aws_ecs_service.web\n  id = "main/web"\n}');
    expect(r.out).toContain("to = aws_ecs_cluster.main");
    const bad = run("convert", file, "--to", "terraform", "--import", "web");
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("expected ADDRESS=ID");
  });

  it("writes versions.tf, variables.tf and main.tf into --out DIR", () => {
    const dir = join(tmp, "tf-out");
    const r = run("convert", temp("tf2.json", design), "--to", "terraform", "--out", dir);
    expect(r.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(["main.tf", "variables.tf", "versions.tf"]);
    expect(readFileSync(join(dir, "variables.tf"), "utf8")).toContain('default = ["subnet-1"]');
  });

  it("writes a CloudFormation template in YAML, or JSON with --format json", () => {
    const yaml = run("convert", temp("cf.json", design), "--to", "cloudformation");
    expect(yaml.code).toBe(0);
    expect(yaml.out).toMatch(/^AWSTemplateFormatVersion: "2010-09-09"$/m);
    expect(yaml.out).toContain("Type: AWS::ECS::Service");
    const json = run("convert", temp("cf2.json", design), "--to", "cloudformation", "--format", "json");
    expect(json.code).toBe(0);
    const t = JSON.parse(json.out);
    expect(t.Resources.WebService.Properties.Cluster).toEqual({ Ref: "MainCluster" });
    expect(t.Metadata.Stevedore.NotExpressed.map((n: { Field: string }) => n.Field)).toContain("instances[0].cpu");
  });

  it("writes a CDK app into --out DIR (never to standard output) whose `npx tsx bin/app.ts` synthesises the CloudFormation export", () => {
    const dir = join(tmp, "cdk-out");
    const file = temp("shop.json", design);
    const r = run("convert", file, "--to", "cdk", "--out", dir);
    expect(r.code).toBe(0);
    expect(r.err).toContain(`wrote ${join(dir, "lib/shop-stack.ts")}`);
    expect(readdirSync(dir).sort()).toEqual(["bin", "cdk.json", "lib", "package.json", "tsconfig.json"]);
    expect(readFileSync(join(dir, "lib/shop-stack.ts"), "utf8")).toContain("export class ShopStack extends Stack");
    symlinkSync(resolve(root, "node_modules"), join(dir, "node_modules"));
    const synth = spawnSync(process.execPath, [resolve(root, "node_modules/tsx/dist/cli.mjs"), "bin/app.ts"], { cwd: dir, env: { ...process.env, CDK_OUTDIR: join(dir, "cdk.out") }, encoding: "utf8" });
    expect(synth.status, synth.stderr).toBe(0);
    const template = JSON.parse(readFileSync(join(dir, "cdk.out/ShopStack.template.json"), "utf8"));
    const cfn = run("convert", file, "--to", "cloudformation", "--format", "json");
    expect(template).toEqual(JSON.parse(cfn.out));
    const named = run("convert", file, "--to", "cdk", "--name", "Orders API", "--out", join(tmp, "cdk-named"));
    expect(named.code).toBe(0);
    expect(readdirSync(join(tmp, "cdk-named/lib"))).toEqual(["orders-api-stack.ts"]);
    const noOut = run("convert", file, "--to", "cdk");
    expect(noOut.code).toBe(2);
    expect(noOut.err).toContain("--out DIR");
  });

  it("refuses --out for JSON targets", () => {
    const r = run("convert", temp("cf3.json", design), "--to", "design", "--out", join(tmp, "x"));
    expect(r.code).toBe(2);
    expect(r.err).toContain("--out is for");
  });
});

describe("stevedore convert FILE... --to design from Terraform and CloudFormation", { timeout: 60_000 }, () => {
  const tf = [
    'variable "image" {\n  default = "nginx:1.27"\n}\nvariable "desired" {}\n',
    'resource "aws_ecs_cluster" "main" {\n  name = "shop"\n}\n',
    'resource "aws_ecs_task_definition" "web" {\n  family = "web"\n  container_definitions = jsonencode([{ name = "web", image = var.image, essential = true }])\n}\n',
    'resource "aws_ecs_service" "web" {\n  name = "web"\n  cluster = aws_ecs_cluster.main.id\n  task_definition = aws_ecs_task_definition.web.arn\n  desired_count = var.desired\n}\n',
  ];

  it("merges a directory's .tf files and its .tfvars into one design, references resolved", () => {
    const dir = mkdtempSync(join(tmp, "tf-in-"));
    writeFileSync(join(dir, "variables.tf"), tf[0]);
    writeFileSync(join(dir, "main.tf"), tf.slice(1).join("\n"));
    writeFileSync(join(dir, "prod.tfvars"), "desired = 3\n");
    const r = run("convert", dir, "--to", "design");
    expect(r.code).toBe(0);
    const d = JSON.parse(r.out);
    expect(d.services[0]).toMatchObject({ serviceName: "web", cluster: "shop", taskDefinition: "web", desiredCount: 3 });
    expect(d.taskDefinitions[0].containerDefinitions[0].image).toBe("nginx:1.27");
    expect(r.err).toBe("");
  });

  it("notes a variable without a value on standard error, and converts Terraform to CloudFormation", () => {
    const files = [temp("vars.tf", tf[0]), temp("main.tf", tf.slice(1).join("\n"))];
    const r = run("convert", ...files, "--to", "cloudformation");
    expect(r.code).toBe(0);
    expect(r.out).toContain("Type: AWS::ECS::Service");
    expect(r.err).toMatch(/warning: aws_ecs_service\.web\.desired_count: not imported: var\.desired has no default/);
  });

  it("reads a CloudFormation template with short-form intrinsics; --from names the format of a file detection cannot place", () => {
    const yaml = "Parameters:\n  Name: { Type: String, Default: shop }\nResources:\n  C:\n    Type: AWS::ECS::Cluster\n    Properties:\n      ClusterName: !Ref Name\n";
    const r = run("convert", temp("stack.yaml", yaml), "--to", "design");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).clusters[0].clusterName).toBe("shop");
    const odd = run("convert", temp("cluster.txt", 'resource "aws_ecs_cluster" "x" {\n  name = "a"\n}\n'), "--to", "design", "--from", "terraform");
    expect(odd.code).toBe(0);
    expect(JSON.parse(odd.out).clusters[0].clusterName).toBe("a");
  });

  it("gives the parser's error with its file and line, exit 2", () => {
    const r = run("convert", temp("broken.tf", 'resource "aws_ecs_cluster" "a" {\n  name =\n}\n'), "--to", "design");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/broken\.tf:2.*Invalid expression/);
  });
});
