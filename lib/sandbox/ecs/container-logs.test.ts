import { describe, expect, it } from "vitest";
import { failureOf, steppedSandbox } from "../testing";
import { MISSING_LOG_GROUP_REASON } from "./container-logs";

// The awslogs driver in the sandbox: ECS writes what its containers print into CloudWatch Logs,
// so a task's stop reason and its logs tell the same story.

const awslogs = (options: Record<string, string>) => ({ logDriver: "awslogs", options: { "awslogs-region": "us-east-1", ...options } });

function start(opts: { createGroup?: boolean; makeGroup?: boolean; sidecarEssential?: boolean; sidecarDriver?: string } = {}) {
  const sb = steppedSandbox();
  if (opts.makeGroup !== false) sb.logs("CreateLogGroup", { logGroupName: "/ecs/shop" });
  sb.call("CreateCluster", { clusterName: "c" });
  const group = { "awslogs-group": "/ecs/shop", "awslogs-stream-prefix": "shop", ...(opts.createGroup ? { "awslogs-create-group": "true" } : {}) };
  sb.call("RegisterTaskDefinition", {
    family: "shop", networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], cpu: "256", memory: "512",
    executionRoleArn: "arn:aws:iam::000000000000:role/ecsTaskExecutionRole",
    containerDefinitions: [
      { name: "app", image: "shop:1", essential: true, portMappings: [{ containerPort: 8080 }], logConfiguration: awslogs(group) },
      {
        name: "proxy", image: "envoy:1", essential: opts.sidecarEssential ?? false,
        logConfiguration: opts.sidecarDriver ? { logDriver: opts.sidecarDriver, options: {} } : awslogs(group),
      },
    ],
  });
  const run = sb.call("RunTask", { cluster: "c", taskDefinition: "shop", launchType: "FARGATE", networkConfiguration: { awsvpcConfiguration: { subnets: ["subnet-1"] } } });
  const arn = run.tasks[0].taskArn as string;
  const id = arn.split("/").pop()!;
  return { sb, arn, id };
}

const lines = (sb: ReturnType<typeof steppedSandbox>, stream: string) =>
  sb.logs("GetLogEvents", { logGroupName: "/ecs/shop", logStreamName: stream, startFromHead: true }).events as { timestamp: number; message: string }[];
const describeTask = (sb: ReturnType<typeof steppedSandbox>, arn: string) => sb.call("DescribeTasks", { cluster: "c", tasks: [arn] }).tasks[0];

describe("ECS's awslogs driver in the sandbox", () => {
  it("writes a start-up line per container into <prefix>/<container>/<task-id> at the time the task started", () => {
    const { sb, arn, id } = start();
    sb.step(30);
    const task = describeTask(sb, arn);
    expect(task.lastStatus).toBe("RUNNING");
    const started = task.startedAt * 1000;
    expect(lines(sb, `shop/app/${id}`)).toEqual([
      { timestamp: started, message: "Starting app (shop:1)", ingestionTime: started },
      { timestamp: started, message: "app listening on port 8080", ingestionTime: started },
    ]);
    expect(lines(sb, `shop/proxy/${id}`).map((e) => e.message)).toEqual(["Starting proxy (envoy:1)", "proxy ready"]);
  });

  it("ends with a stack trace before an exit code 1, at the time the task began stopping", () => {
    const { sb, arn, id } = start();
    sb.step(30);
    sb.control({ action: "crashTask", cluster: "c", task: arn, container: "app", exitCode: 1, reason: "TypeError: cannot read properties of undefined" });
    sb.step(30);
    const task = describeTask(sb, arn);
    expect(task).toMatchObject({ lastStatus: "STOPPED", stopCode: "EssentialContainerExited" });
    const app = lines(sb, `shop/app/${id}`);
    expect(app.slice(2).map((e) => e.message)).toEqual([
      "Error: TypeError: cannot read properties of undefined",
      "    at main (/app/app/index.js:42:11)",
      "    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)",
      "app exited with code 1",
    ]);
    expect(app[app.length - 1].timestamp).toBe(task.stoppingAt * 1000);
    expect(lines(sb, `shop/proxy/${id}`).pop()!.message).toBe("Received SIGTERM, proxy shutting down");
  });

  it("prints nothing after an OOM kill (exit 137)", () => {
    const { sb, arn, id } = start();
    sb.step(30);
    sb.control({ action: "outOfMemory", cluster: "c", task: arn, container: "app" });
    sb.step(30);
    expect(describeTask(sb, arn).containers.find((c: { name: string }) => c.name === "app").exitCode).toBe(137);
    expect(lines(sb, `shop/app/${id}`).map((e) => e.message)).toEqual(["Starting app (shop:1)", "app listening on port 8080"]);
  });

  it("an essential sidecar's error is in the sidecar's stream, the app's shutdown in the app's", () => {
    const { sb, arn, id } = start({ sidecarEssential: true });
    sb.step(30);
    sb.control({ action: "crashTask", cluster: "c", task: arn, container: "proxy", exitCode: 2, reason: "upstream config invalid" });
    sb.step(30);
    expect(describeTask(sb, arn).stopCode).toBe("EssentialContainerExited");
    expect(lines(sb, `shop/proxy/${id}`).map((e) => e.message)).toContain("Error: upstream config invalid");
    expect(lines(sb, `shop/app/${id}`).pop()!.message).toBe("Received SIGTERM, app shutting down");
    const filtered = sb.logs("FilterLogEvents", { logGroupName: "/ecs/shop", filterPattern: "Error" }).events;
    expect(filtered.map((e: { logStreamName: string }) => e.logStreamName)).toEqual([`shop/proxy/${id}`]);
  });

  it("fails the task to start as ECS does when the group is missing and awslogs-create-group is not true", () => {
    const { sb, arn } = start({ makeGroup: false });
    sb.step(30);
    const task = describeTask(sb, arn);
    expect(task).toMatchObject({ lastStatus: "STOPPED", stopCode: "TaskFailedToStart", stoppedReason: MISSING_LOG_GROUP_REASON });
    expect(MISSING_LOG_GROUP_REASON).toMatch(/^ResourceInitializationError: failed to validate logger args: /);
    expect(failureOf(() => sb.logs("DescribeLogStreams", { logGroupName: "/ecs/shop" })).code).toBe("ResourceNotFoundException");
  });

  it("creates the group when awslogs-create-group is true", () => {
    const { sb, arn, id } = start({ makeGroup: false, createGroup: true });
    sb.step(30);
    expect(describeTask(sb, arn).lastStatus).toBe("RUNNING");
    expect(sb.logs("DescribeLogGroups", {}).logGroups.map((g: { logGroupName: string }) => g.logGroupName)).toEqual(["/ecs/shop"]);
    expect(lines(sb, `shop/app/${id}`)).toHaveLength(2);
  });

  it("writes nothing for a container of another log driver", () => {
    const { sb, arn, id } = start({ sidecarDriver: "awsfirelens" });
    sb.step(30);
    expect(describeTask(sb, arn).lastStatus).toBe("RUNNING");
    const streams = sb.logs("DescribeLogStreams", { logGroupName: "/ecs/shop" }).logStreams.map((s: { logStreamName: string }) => s.logStreamName);
    expect(streams).toEqual([`shop/app/${id}`]);
  });
});
