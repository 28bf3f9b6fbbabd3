import { describe, expect, it } from "vitest";
import { checkDesign, lesson, solve, solvedUpTo, step } from "../test/run";

// Failures beyond "the starter is not done yet" (lessons.test.ts covers that for every step):
// the hint names what is wrong.

describe("first-task-definition", () => {
  it("add-container: a task definition whose container has no image is not enough", () => {
    const d = solvedUpTo("first-task-definition", "add-container");
    d.taskDefinitions.push({ id: "td-x", family: "x", containerDefinitions: [{ name: "c", image: " " }] });
    expect(checkDesign(step("first-task-definition", "add-container"), d).hint).toMatch(/no container with an image/);
  });
  it("port-and-memory: a port without memory is named", () => {
    const d = solvedUpTo("first-task-definition", "port-and-memory");
    d.taskDefinitions[0].containerDefinitions[0].portMappings = [{ containerPort: 80 }];
    expect(checkDesign(step("first-task-definition", "port-and-memory"), d).hint).toMatch(/memory/);
  });
  it("no-errors: reports the first remaining error", () => {
    const d = solvedUpTo("first-task-definition", "no-errors");
    d.taskDefinitions[0].requiresCompatibilities = ["FARGATE"];
    d.taskDefinitions[0].cpu = "256";
    d.taskDefinitions[0].memory = "4096";
    expect(checkDesign(step("first-task-definition", "no-errors"), d).hint).toMatch(/error/);
  });
});

describe("service-self-healing", () => {
  it("add-service: wrong desired count is named", () => {
    const s = step("service-self-healing", "add-service");
    const d = solve(s, lesson("service-self-healing").starter);
    d.services[0].desiredCount = 3;
    expect(checkDesign(s, d).hint).toMatch(/exactly 2/);
  });
});

describe("fargate-awsvpc", () => {
  it("awsvpc: dropping FARGATE is not the way out", () => {
    const d = solvedUpTo("fargate-awsvpc", "awsvpc");
    d.taskDefinitions[0].requiresCompatibilities = ["EC2"];
    expect(checkDesign(step("fargate-awsvpc", "awsvpc"), d).hint).toMatch(/keep FARGATE/);
  });
  it("task-size: an unknown cpu and an out-of-range memory are both named", () => {
    const s = step("fargate-awsvpc", "task-size");
    const d = solvedUpTo("fargate-awsvpc", "task-size");
    // Validation caches findings per task definition object: each variant is a new object.
    const sized = (cpu: string, memory: string) => ({ ...d, taskDefinitions: [{ ...d.taskDefinitions[0], cpu, memory }] });
    expect(checkDesign(s, sized("300", "4096")).hint).toMatch(/Fargate needs one of/);
    expect(checkDesign(s, sized("512", "512")).hint).toMatch(/1024–4096/);
    expect(checkDesign(s, sized("512", "2048"))).toEqual({ done: true });
  });
});

describe("bridge-ports", () => {
  it("dynamic: switching to awsvpc early is not this step", () => {
    const s = step("bridge-ports", "dynamic");
    const d = solvedUpTo("bridge-ports", "dynamic");
    expect(checkDesign(s, { ...d, taskDefinitions: [{ ...d.taskDefinitions[0], networkMode: "awsvpc" }] }).hint).toMatch(/Keep bridge/);
  });
  it("awsvpc: two containers listening on 80 in one namespace collide", () => {
    const s = step("bridge-ports", "awsvpc");
    const d = solvedUpTo("bridge-ports", "awsvpc");
    d.taskDefinitions[0].networkMode = "awsvpc";
    expect(checkDesign(s, d).hint).toMatch(/both listen on 80/);
  });
});

describe("rolling-deployment", () => {
  it("percentages: each wrong value is named", () => {
    const s = step("rolling-deployment", "percentages");
    const d = solvedUpTo("rolling-deployment", "percentages");
    d.services[0].deploymentConfiguration = { minimumHealthyPercent: 50, maximumPercent: 200 };
    expect(checkDesign(s, d).hint).toMatch(/Maximum percent is 200/);
  });
});

describe("placement-strategies", () => {
  it("binpack: needs the memory field", () => {
    const s = step("placement-strategies", "binpack");
    const d = solvedUpTo("placement-strategies", "binpack");
    d.services[0].placementStrategy = [{ type: "binpack" }];
    expect(checkDesign(s, d).hint).toMatch(/needs a field/);
  });
});

describe("essential-sidecar", () => {
  it("non-essential: making nothing essential is wrong", () => {
    const s = step("essential-sidecar", "non-essential");
    const d = solve(s, solvedUpTo("essential-sidecar", "non-essential"));
    d.taskDefinitions[0].containerDefinitions[0].essential = false;
    expect(checkDesign(s, d).hint).toMatch(/Keep web essential/);
  });
});

describe("task-role", () => {
  it("remove-keys: removing BUCKET too is wrong", () => {
    const s = step("task-role", "remove-keys");
    const d = solvedUpTo("task-role", "remove-keys");
    d.taskDefinitions[0].containerDefinitions[0].environment = [];
    expect(checkDesign(s, d).hint).toMatch(/BUCKET/);
  });
  it("task-role and execution-role: need role ARNs", () => {
    const d = solvedUpTo("task-role", "task-role");
    d.taskDefinitions[0].taskRoleArn = "reports-task";
    expect(checkDesign(step("task-role", "task-role"), d).hint).toMatch(/not an IAM role ARN/);
    const e = solvedUpTo("task-role", "execution-role");
    e.taskDefinitions[0].executionRoleArn = "arn:aws:iam::123456789012:user/bob";
    expect(checkDesign(step("task-role", "execution-role"), e).hint).toMatch(/not an IAM role ARN/);
  });
});
