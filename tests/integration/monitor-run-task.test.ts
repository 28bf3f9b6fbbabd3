import { CreateRoleCommand, IAMClient, PutRolePolicyCommand } from "@aws-sdk/client-iam";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { inProcessConfig } from "@/lib/aws/in-process";
import { EXEC_ACTIONS } from "@/lib/domain/monitor";
import { appAwsPorts } from "@/lib/server/aws-ports";
import type { AppContext } from "@/lib/server/context";
import { createEnvironment } from "@/lib/server/environments";
import { createDesign } from "@/lib/server/designs";
import { getExecReadiness, getRunTaskChoices, getTaskRun, runTask, RunTaskInputSchema } from "@/lib/server/monitor";
import { handleAwsRequest, handleControlRequest } from "@/lib/sandbox/http";
import { MemoryStore, Mutex } from "@/lib/sandbox/store";
import { testCtx } from "./helpers/fixtures";
import { createTestDatabase, type TestDatabase } from "./helpers/test-database";

// "Run a task now" against the app's own sandbox through the real SDK clients in-process: a
// one-off task from a registered or a design's task definition runs to STOPPED with its exit
// code (0 and not), its overrides applied and its lines readable; RunTask's failures come back
// in ECS's words; and ECS Exec's readiness is read from ECS and the task role's IAM policies.

let tdb: TestDatabase;
let db: Db;
let ctx: AppContext;
let envId: string;
const sandbox = { store: new MemoryStore(), mutex: new Mutex(), now: () => 1_700_000_000_000 };
const control = async (body: Record<string, unknown>) => JSON.parse(String((await handleControlRequest({ headers: {}, body: JSON.stringify({ region: "eu-west-1", ...body }) }, sandbox)).body));
const SUBNET = "subnet-0123456789abcdef0";
const awslogs = { logDriver: "awslogs" as const, options: { "awslogs-group": "/ecs/jobs", "awslogs-region": "eu-west-1", "awslogs-stream-prefix": "jobs", "awslogs-create-group": "true" } };
const ROLE = "arn:aws:iam::000000000000:role/jobs-task";

const run = (raw: unknown) => runTask({ ctx, input: RunTaskInputSchema.parse(raw) });
const base = () => ({ envId, cluster: "ops" });

beforeAll(async () => {
  tdb = await createTestDatabase();
  db = await tdb.client();
  ctx = testCtx(db, { sandbox, aws: appAwsPorts(sandbox) });
  await control({ action: "setSpeed", speed: 0 });
  envId = (await createEnvironment({ ctx, input: { name: "run-sb", kind: "sandbox", region: "eu-west-1", readOnly: false } })).id;
  const ecs = ctx.aws.ecs({ id: envId, region: "eu-west-1", kind: "sandbox" } as never);
  await ecs.createCluster({ clusterName: "ops" });
  await ecs.registerTaskDefinition({
    family: "jobs", networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], cpu: "256", memory: "512",
    executionRoleArn: "arn:aws:iam::000000000000:role/ecsTaskExecutionRole", taskRoleArn: ROLE,
    containerDefinitions: [{ name: "app", image: "jobs:1", essential: true, command: ["node", "server.js"], logConfiguration: awslogs }],
  });
  await ecs.createService({
    cluster: "ops", serviceName: "jobs", taskDefinition: "jobs", desiredCount: 0, launchType: "FARGATE", enableExecuteCommand: true,
    networkConfiguration: { awsvpcConfiguration: { subnets: [SUBNET], assignPublicIp: "DISABLED" } },
  });
  // The task role, with ECS Exec's four channel actions in an inline policy (IAM is global: us-east-1's world).
  const iam = new IAMClient(inProcessConfig((req) => handleAwsRequest(req, sandbox), "us-east-1", "/sandbox/aws"));
  await iam.send(new CreateRoleCommand({ RoleName: "jobs-task", AssumeRolePolicyDocument: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "ecs-tasks.amazonaws.com" }, Action: "sts:AssumeRole" }] }) }));
  await iam.send(new PutRolePolicyCommand({ RoleName: "jobs-task", PolicyName: "exec", PolicyDocument: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: [...EXEC_ACTIONS], Resource: "*" }] }) }));
});
afterAll(async () => { await tdb.drop(); });

async function untilStopped(task: string) {
  for (let i = 0; i < 20; i++) {
    const r = await getTaskRun({ ctx, input: { ...base(), task } });
    if (r.task.lastStatus === "STOPPED") return r;
    await control({ action: "step", seconds: 5 });
  }
  throw new Error("the task did not stop");
}

describe("a one-off task", () => {
  it("offers the service's network and launch as defaults, the families and the containers", async () => {
    const c = await getRunTaskChoices({ ctx, input: { ...base(), service: "jobs" } });
    expect(c.defaults).toMatchObject({ launchType: "FARGATE", enableExecuteCommand: true, network: { subnets: [SUBNET], securityGroups: [], assignPublicIp: "DISABLED" } });
    expect(c.families).toEqual(["jobs"]);
    expect(c.revisions).toEqual(["arn:aws:ecs:eu-west-1:000000000000:task-definition/jobs:1"]);
    expect(c.containers).toEqual([{ name: "app", essential: true, command: ["node", "server.js"] }]);
    expect(c.networkMode).toBe("awsvpc");
  });

  it("runs an overridden command to STOPPED with its non-zero exit code and its lines", async () => {
    const r = await run({
      ...base(), source: { kind: "registered", taskDefinition: "jobs" },
      options: {
        launchType: "FARGATE", network: { subnets: [SUBNET] },
        containerOverrides: [{ name: "app", command: ["sh", "-c", "echo migrating $MODE; sleep 10; echo 'migration 42 failed'; exit 3"], environment: [{ name: "MODE", value: "once" }] }],
      },
    });
    expect(r.failures).toEqual([]);
    expect(r.task?.lastStatus).toBe("PROVISIONING");
    const done = await untilStopped(r.task!.taskId);
    expect(done.task).toMatchObject({ lastStatus: "STOPPED", stopCode: "EssentialContainerExited", stoppedReason: "Essential container in task exited" });
    expect(done.task.containers).toEqual([expect.objectContaining({ name: "app", exitCode: 3 })]);
    expect(done.essential).toEqual(["app"]);
    expect(done.logs?.lines.map((l) => l.message)).toEqual(["migrating once", "migration 42 failed"]);
    // Who ran it, as ECS keeps it.
    const ecs = ctx.aws.ecs({ id: envId, region: "eu-west-1", kind: "sandbox" } as never);
    const described = await ecs.describeTasks({ cluster: "ops", tasks: [r.task!.taskArn] });
    expect(described.tasks[0]).toMatchObject({ startedBy: "stevedore", overrides: { containerOverrides: [expect.objectContaining({ environment: [{ name: "MODE", value: "once" }] })] } });
  });

  it("runs a design's task definition, registering it once, to exit code 0", async () => {
    const design = await createDesign({ ctx, input: { name: "jobs-design" } });
    const doc = await db.design.findUniqueOrThrow({ where: { id: design.id } });
    const document = doc.document as { taskDefinitions: unknown[] };
    await db.design.update({
      where: { id: design.id },
      data: { document: { ...document, taskDefinitions: [{
        id: "td-report", family: "report", networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], cpu: "256", memory: "512",
        executionRoleArn: "arn:aws:iam::000000000000:role/ecsTaskExecutionRole",
        containerDefinitions: [{ name: "report", image: "report:1", essential: true, command: ["echo", "report done"], logConfiguration: awslogs }],
      }] } },
    });
    const input = { ...base(), source: { kind: "design", designId: design.id, taskDefinition: "report" }, options: { launchType: "FARGATE", network: { subnets: [SUBNET] } } };
    const first = await run(input);
    expect(first.taskDefinition).toBe("report:1");
    const done = await untilStopped(first.task!.taskId);
    expect(done.task.containers[0].exitCode).toBe(0);
    expect(done.logs?.lines.map((l) => l.message)).toEqual(["report done"]);
    expect((await run(input)).taskDefinition).toBe("report:1");
  });

  it("answers ECS's refusals and failures in its words", async () => {
    await expect(run({ ...base(), source: { kind: "registered", taskDefinition: "nope:9" }, options: { launchType: "FARGATE", network: { subnets: [SUBNET] } } }))
      .rejects.toMatchObject({ code: "AWS", message: expect.stringMatching(/ClientException|Unable to describe task definition/) });
    await expect(run({ ...base(), source: { kind: "registered", taskDefinition: "jobs" }, options: { launchType: "FARGATE" } }))
      .rejects.toMatchObject({ code: "AWS", message: expect.stringMatching(/networkConfiguration|awsvpc/) });
  });

  it("checks ECS Exec readiness: exec enabled, the task role's ssmmessages, the agent, the platform", async () => {
    const r = await run({ ...base(), source: { kind: "registered", taskDefinition: "jobs" }, options: { launchType: "FARGATE", enableExecuteCommand: true, network: { subnets: [SUBNET] } } });
    await control({ action: "step", seconds: 30 });
    const ready = await getExecReadiness({ ctx, input: { ...base(), task: r.task!.taskId } });
    expect(ready.items.map((i) => [i.id, i.ok])).toEqual([["enabled", true], ["task-role", true], ["agent", true], ["platform", true]]);
    expect(ready.command).toBe(`aws ecs execute-command --cluster ops --task ${r.task!.taskId} --container app --interactive --command "/bin/sh"`);

    const plain = await run({ ...base(), source: { kind: "registered", taskDefinition: "jobs" }, options: { launchType: "FARGATE", network: { subnets: [SUBNET] } } });
    await control({ action: "step", seconds: 30 });
    const not = await getExecReadiness({ ctx, input: { ...base(), task: plain.task!.taskId } });
    expect(not.ready).toBe(false);
    expect(not.items.filter((i) => i.ok === false).map((i) => i.id)).toEqual(["enabled", "agent"]);
  });
});
