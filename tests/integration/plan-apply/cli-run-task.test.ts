import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliInTempDir } from "../helpers/run-cli";
import { startPlanSandbox, webDesign } from "./sandbox";

// `stevedore run-task` against the sandbox on a local port, the real CLI in a child process:
// --wait exits with the essential container's exit code and prints the task's lines from its
// awslogs stream (or why a container has none); a design's task definition is
// registered first; ECS's refusals exit 1 and bad flags 2, naming the flag.

const { dir: tmp, run } = cliInTempDir("stevedore-run-task-");

let sb: Awaited<ReturnType<typeof startPlanSandbox>>;
const SUBNET = "subnet-0123456789abcdef0";
beforeAll(async () => {
  sb = await startPlanSandbox();
  // Simulated time runs 50× faster, so a task's lifecycle passes while the CLI polls every 2 s.
  await sb.control({ action: "setSpeed", speed: 50 });
  await sb.ecs.createCluster({ clusterName: "ops" });
  await sb.ecs.registerTaskDefinition({
    family: "jobs", networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], cpu: "256", memory: "512",
    executionRoleArn: "arn:aws:iam::000000000000:role/ecsTaskExecutionRole",
    containerDefinitions: [{
      name: "app", image: "jobs:1", essential: true, command: ["node", "server.js"],
      logConfiguration: { logDriver: "awslogs", options: { "awslogs-group": "/ecs/jobs", "awslogs-create-group": "true", "awslogs-region": sb.region, "awslogs-stream-prefix": "jobs" } },
    }],
  });
});
afterAll(async () => { await sb.close(); });

// The app sandbox's path: ECS there, CloudWatch Logs beside it at /sandbox/aws.
const target = () => ["--endpoint", `${sb.url}/sandbox/ecs`, "--region", sb.region, "--cluster", "ops"];

describe("stevedore run-task", { timeout: 90_000 }, () => {
  it("--wait exits with the essential container's exit code, the overrides applied", async () => {
    const r = await run("run-task", ...target(), "--task-definition", "jobs", "--launch-type", "FARGATE", "--subnets", SUBNET,
      "--command", "echo $STEP; exit 4", "--env", "STEP=migrate", "--wait", "--json");
    expect(r.err).toContain("stevedore: started arn:aws:ecs:");
    expect(r.code).toBe(4);
    const out = JSON.parse(r.out);
    expect(out).toMatchObject({ ok: false, exitCode: 4, task: { lastStatus: "STOPPED", stopCode: "EssentialContainerExited", containers: [{ name: "app", exitCode: 4 }] } });
    const t = (await sb.ecs.describeTasks({ cluster: "ops", tasks: [out.task.taskArn] })).tasks[0];
    expect(t.startedBy).toBe("stevedore");
    expect(t.overrides?.containerOverrides?.[0]).toMatchObject({ name: "app", command: ["sh", "-c", "echo $STEP; exit 4"], environment: [{ name: "STEP", value: "migrate" }] });
    // What the command printed, read back from /ecs/jobs's stream jobs/app/<task-id>.
    expect(out.logs.map((l: { message: string }) => l.message)).toContain("migrate");
    expect(out.logs.every((l: { container: string; taskId: string }) => l.container === "app" && l.taskId === out.task.taskId)).toBe(true);
    expect(out.logNotes).toEqual([]);
  });

  it("--wait prints the task's log lines after its exit code", async () => {
    const r = await run("run-task", ...target(), "--task-definition", "jobs", "--launch-type", "FARGATE", "--subnets", SUBNET,
      "--command", "echo rows migrated: 42", "--wait");
    expect(r.code).toBe(0);
    const lines = r.out.split("\n");
    const exitAt = lines.indexOf("app: exit 0");
    const logsAt = lines.findIndex((l) => /^Logs \(\d+ lines?\):$/.test(l));
    expect(exitAt).toBeGreaterThanOrEqual(0);
    expect(logsAt).toBeGreaterThan(exitAt);
    expect(lines.slice(logsAt + 1).some((l) => / app [0-9a-f]{32} rows migrated: 42$/.test(l))).toBe(true);
  });

  it("registers a design's task definition and exits 0 when its command succeeds", async () => {
    const design = webDesign();
    const td = design.taskDefinitions[0];
    const file = join(tmp, "design.json");
    writeFileSync(file, JSON.stringify(design));
    const r = await run("run-task", file, ...target(), "--task-definition", td.family, "--launch-type", "FARGATE", "--subnets", SUBNET, "--command", "true", "--wait");
    expect(r.err).toContain(`stevedore: running ${td.family}:1`);
    expect(r.code).toBe(0);
    expect(r.out).toContain("exit 0");
    // Its containers log nowhere Stevedore can read: each says why.
    expect(r.out).toMatch(/no lines from \S+: /);
  });

  it("exits 1 with ECS's words when it refuses, 2 on bad flags naming them", async () => {
    const refused = await run("run-task", ...target(), "--task-definition", "jobs", "--launch-type", "FARGATE");
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/RunTask refused: InvalidParameterException: Network Configuration must be provided when networkMode .awsvpc. is specified/);
    const missing = await run("run-task", ...target(), "--task-definition", "nope:3", "--subnets", SUBNET);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/cannot read the task definition nope:3: ClientException/);
    const bad = await run("run-task", ...target(), "--task-definition", "jobs", "--subnets", "subnet-x");
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("network.subnets.0: Not a subnet id");
    const env = await run("run-task", ...target(), "--task-definition", "jobs", "--env", "NOEQUALS");
    expect(env.code).toBe(2);
    expect(env.err).toContain("--env NOEQUALS: expected NAME=value");
  });
});
