import { describe, expect, it } from "vitest";
import { steppedSandbox } from "../testing";

// One-off tasks in the sandbox: a container whose command is a script the sandbox plays
// (ecs/programs.ts) prints its lines and exits with its code; an essential one's exit stops the
// task as ECS does. ECS Exec's agent is reported per container when the task has exec enabled.

const awslogs = { logDriver: "awslogs", options: { "awslogs-group": "/ecs/jobs", "awslogs-region": "us-east-1", "awslogs-stream-prefix": "jobs" } };

function setup() {
  const sb = steppedSandbox();
  sb.logs("CreateLogGroup", { logGroupName: "/ecs/jobs" });
  sb.call("CreateCluster", { clusterName: "c" });
  sb.call("RegisterTaskDefinition", {
    family: "jobs", networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], cpu: "256", memory: "512",
    executionRoleArn: "arn:aws:iam::000000000000:role/ecsTaskExecutionRole",
    containerDefinitions: [
      { name: "app", image: "jobs:1", essential: true, command: ["node", "server.js"], logConfiguration: awslogs },
      { name: "log-router", image: "fluent-bit:1", essential: false, logConfiguration: awslogs },
    ],
  });
  return sb;
}

const run = (sb: ReturnType<typeof steppedSandbox>, extra: Record<string, unknown> = {}) => sb.call("RunTask", {
  cluster: "c", taskDefinition: "jobs", launchType: "FARGATE", networkConfiguration: { awsvpcConfiguration: { subnets: ["subnet-1"] } }, ...extra,
}).tasks[0];
const describeTask = (sb: ReturnType<typeof steppedSandbox>, arn: string) => sb.call("DescribeTasks", { cluster: "c", tasks: [arn] }).tasks[0];
const lines = (sb: ReturnType<typeof steppedSandbox>, stream: string) =>
  (sb.logs("GetLogEvents", { logGroupName: "/ecs/jobs", logStreamName: stream, startFromHead: true }).events as { message: string; timestamp: number }[]);

describe("one-off tasks", () => {
  it("runs an overridden command to STOPPED with its exit code and lines", () => {
    const sb = setup();
    const task = run(sb, { overrides: { containerOverrides: [{ name: "app", command: ["sh", "-c", "echo migrating; sleep 120; echo failed; exit 3"] }] } });
    const id = task.taskArn.split("/").pop();
    sb.step(30);
    const running = describeTask(sb, task.taskArn);
    expect(running.lastStatus).toBe("RUNNING");
    expect(lines(sb, `jobs/app/${id}`).map((e) => e.message)).toEqual(["migrating"]);
    sb.step(180);
    const stopped = describeTask(sb, task.taskArn);
    expect(stopped).toMatchObject({ lastStatus: "STOPPED", stopCode: "EssentialContainerExited", stoppedReason: "Essential container in task exited" });
    expect(stopped.containers.find((c: { name: string }) => c.name === "app").exitCode).toBe(3);
    const app = lines(sb, `jobs/app/${id}`);
    expect(app.map((e) => e.message)).toEqual(["migrating", "failed"]);
    expect(app[1].timestamp - app[0].timestamp).toBe(120000);
    expect(stopped.overrides.containerOverrides[0].command).toEqual(["sh", "-c", "echo migrating; sleep 120; echo failed; exit 3"]);
  });

  it("exits 0 for a script that succeeds, and keeps a server running", () => {
    const sb = setup();
    const ok = run(sb, { overrides: { containerOverrides: [{ name: "app", command: ["echo", "hello"] }] } });
    const server = run(sb);
    sb.step(120);
    expect(describeTask(sb, ok.taskArn).containers.find((c: { name: string }) => c.name === "app").exitCode).toBe(0);
    expect(describeTask(sb, ok.taskArn).lastStatus).toBe("STOPPED");
    expect(describeTask(sb, server.taskArn).lastStatus).toBe("RUNNING");
  });

  it("stops a non-essential container alone", () => {
    const sb = setup();
    const task = run(sb, { overrides: { containerOverrides: [{ name: "log-router", command: ["sh", "-c", "exit 2"] }] } });
    sb.step(60);
    const t = describeTask(sb, task.taskArn);
    expect(t.lastStatus).toBe("RUNNING");
    expect(t.containers.find((c: { name: string }) => c.name === "log-router")).toMatchObject({ lastStatus: "STOPPED", exitCode: 2 });
  });

  it("reports ECS Exec's agent per container when exec is enabled", () => {
    const sb = setup();
    const plain = run(sb);
    const exec = run(sb, { enableExecuteCommand: true });
    expect(describeTask(sb, exec.taskArn).containers[0].managedAgents).toEqual([{ name: "ExecuteCommandAgent", lastStatus: "PENDING" }]);
    sb.step(60);
    const t = describeTask(sb, exec.taskArn);
    expect(t.enableExecuteCommand).toBe(true);
    expect(t.containers[0].managedAgents).toEqual([{ name: "ExecuteCommandAgent", lastStatus: "RUNNING", lastStartedAt: t.startedAt }]);
    expect(describeTask(sb, plain.taskArn).containers[0].managedAgents).toBeUndefined();
    expect(describeTask(sb, plain.taskArn).enableExecuteCommand).toBe(false);
  });
});
