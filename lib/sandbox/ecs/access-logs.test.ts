import { describe, expect, it } from "vitest";
import { DRIVER_MAX_EVENT_BYTES, PUT_BATCH_MAX_EVENTS, driverBatches, splitMessage } from "../core/log-store";
import { steppedSandbox } from "../testing";
import { ACCESS_LINE_EVERY_MS, requestOutcome } from "./access-logs";

// A line per simulated request: the load's requests show in the serving container's awslogs
// stream, bounded to one line per task every 5 simulated seconds, with 5xx when the task cannot
// keep up or is unhealthy.

const MIN = 60_000;

/** One Fargate task of 256 CPU units (250 ms of CPU a second: 25 requests a second at 10 ms each) logging to /ecs/shop. */
function service() {
  const sb = steppedSandbox();
  sb.logs("CreateLogGroup", { logGroupName: "/ecs/shop" });
  sb.call("CreateCluster", { clusterName: "c" });
  sb.call("RegisterTaskDefinition", {
    family: "shop", networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], cpu: "256", memory: "512",
    executionRoleArn: "arn:aws:iam::000000000000:role/ecsTaskExecutionRole",
    containerDefinitions: [
      {
        name: "app", image: "shop:1", portMappings: [{ containerPort: 8080 }],
        logConfiguration: { logDriver: "awslogs", options: { "awslogs-group": "/ecs/shop", "awslogs-region": "us-east-1", "awslogs-stream-prefix": "shop" } },
      },
    ],
  });
  sb.call("CreateService", { cluster: "c", serviceName: "s", taskDefinition: "shop", desiredCount: 1, launchType: "FARGATE", networkConfiguration: { awsvpcConfiguration: { subnets: ["subnet-1"] } } });
  sb.step(120);
  const task = sb.call("DescribeTasks", { cluster: "c", tasks: sb.call("ListTasks", { cluster: "c" }).taskArns }).tasks[0];
  const stream = `shop/app/${(task.taskArn as string).split("/").pop()}`;
  const lines = (from = 0) => (sb.logs("FilterLogEvents", { logGroupName: "/ecs/shop", logStreamNames: [stream], startTime: from }).events as { timestamp: number; message: string }[]);
  const load = (rps: number) => sb.control({ action: "setLoad", region: "us-east-1", cluster: "c", service: "s", load: { kind: "constant", rps } });
  /** The next whole simulated minute after now: its lines are written when it ends. */
  const nextMinute = () => Math.ceil((sb.world().now + 1) / MIN) * MIN;
  return { sb, lines, load, nextMinute };
}

const ACCESS = /^(GET|POST) \/\S* (\d{3}) (\d+)ms$/;
const statuses = (ls: { message: string }[]) => ls.map((l) => Number(ACCESS.exec(l.message)?.[2]));

describe("a line per simulated request", () => {
  it("writes one access line per request below one every 5 s, after the start-up lines, inside the minute served", () => {
    const { sb, lines, load, nextMinute } = service();
    load(0.1);
    const from = nextMinute();
    sb.step((from + MIN - sb.world().now) / 1000);
    const minute = lines(from).filter((l) => l.timestamp < from + MIN);
    // 0.1 a second is 6 requests a minute: each has its line, all answered.
    expect(minute).toHaveLength(6);
    for (const l of minute) expect(l.message).toMatch(ACCESS);
    expect(statuses(minute).every((s) => s === 200 || s === 201)).toBe(true);
    expect(minute.every((l) => l.timestamp >= from && l.timestamp < from + MIN)).toBe(true);
    expect(lines()[0].message).toBe("Starting app (shop:1)");
  });

  it("samples at most one line per task every 5 simulated seconds, keeping the share of 503s when the task cannot keep up", () => {
    const { sb, lines, load, nextMinute } = service();
    // 50 a second on a task that serves 25: half are refused.
    load(50);
    const from = nextMinute();
    sb.step((from + 3 * MIN - sb.world().now) / 1000);
    const minute = lines(from).filter((l) => l.timestamp < from + MIN);
    expect(minute).toHaveLength(MIN / ACCESS_LINE_EVERY_MS);
    expect(statuses(minute).filter((s) => s === 503)).toHaveLength(6);
    const slow = minute.filter((l) => statuses([l])[0] !== 503).map((l) => Number(ACCESS.exec(l.message)![3]));
    expect(Math.max(...slow)).toBeGreaterThan(12);
  });

  it("writes nothing without a load", () => {
    const { sb, lines } = service();
    sb.step(300);
    expect(lines().every((l) => !ACCESS.test(l.message))).toBe(true);
  });
});

describe("the model", () => {
  it("refuses what the CPU cannot serve and slows the rest as utilisation rises", () => {
    const costs = { cpuMsPerRequest: 10 };
    expect(requestOutcome({ cpu: 256 }, 5, costs, false)).toEqual({ errorShare: 0, errorStatus: 503, meanMs: 15 });
    expect(requestOutcome({ cpu: 256 }, 100, costs, false).errorShare).toBe(0.75);
    // Unhealthy (ECS replaces such a task at its next look, so this lasts as long as it lives): half fail with 500, unless overload refuses more.
    expect(requestOutcome({ cpu: 256 }, 5, costs, true)).toMatchObject({ errorShare: 0.5, errorStatus: 500 });
    expect(requestOutcome({ cpu: 256 }, 100, costs, true)).toMatchObject({ errorShare: 0.75, errorStatus: 503 });
  });
});

describe("the awslogs driver's batches", () => {
  it("splits a line longer than 262,118 bytes, never inside a character", () => {
    const pieces = splitMessage("é".repeat(200_000));
    expect(pieces.map((p) => p.length)).toEqual([131_059, 68_941]);
    expect(pieces.join("")).toBe("é".repeat(200_000));
    expect(splitMessage("x".repeat(DRIVER_MAX_EVENT_BYTES))).toHaveLength(1);
  });

  it("keeps each PutLogEvents batch within 10,000 events and 1,048,576 bytes", () => {
    const many = Array.from({ length: PUT_BATCH_MAX_EVENTS + 1 }, (_, i) => ({ timestamp: i, message: "ok" }));
    expect(driverBatches(many).map((b) => b.length)).toEqual([PUT_BATCH_MAX_EVENTS, 1]);
    const big = Array.from({ length: 5 }, (_, i) => ({ timestamp: i, message: "y".repeat(DRIVER_MAX_EVENT_BYTES) }));
    // 4 × (262,118 + 26) = 1,048,576: four fit, the fifth starts a batch.
    expect(driverBatches(big).map((b) => b.length)).toEqual([4, 1]);
  });
});
