import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importTaskDefinition } from "../ecs-json";
import { normaliseTaskDefinition } from "./normalise-task-definition";
import { planTaskDefinition } from "./plan-task-definition";
import { emptyLiveState } from "./index";
import type { TaskDefinition } from "../design";

const fixture = (name: string) => JSON.parse(readFileSync(join(__dirname, "../../../fixtures/ecs/task-definitions", name), "utf8"));

/** What RegisterTaskDefinition of `webTd` answers in DescribeTaskDefinition (real ECS, Fargate, awsvpc). */
const describedWeb = {
  taskDefinitionArn: "arn:aws:ecs:eu-west-1:123456789012:task-definition/web:3",
  containerDefinitions: [{
    name: "app", image: "nginx:1.27", cpu: 0, essential: true,
    portMappings: [{ containerPort: 80, hostPort: 80, protocol: "tcp" }],
    environment: [{ name: "B", value: "2" }, { name: "A", value: "1" }], mountPoints: [], volumesFrom: [], systemControls: [],
    healthCheck: { command: ["CMD-SHELL", "curl -f http://localhost/ || exit 1"], interval: 30, timeout: 5, retries: 3 },
  }],
  family: "web", networkMode: "awsvpc", revision: 3, volumes: [], status: "ACTIVE",
  requiresAttributes: [{ name: "com.amazonaws.ecs.capability.docker-remote-api.1.18" }, { name: "ecs.capability.task-eni" }],
  placementConstraints: [], compatibilities: ["EC2", "FARGATE"], requiresCompatibilities: ["FARGATE"], cpu: "256", memory: "512",
  registeredAt: new Date("2026-01-01T00:00:00Z"), registeredBy: "arn:aws:iam::123456789012:user/me",
};

const webTd: TaskDefinition = {
  id: "td-web", family: "web", networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], cpu: ".25 vCPU", memory: "0.5 GB",
  containerDefinitions: [{
    name: "app", image: "nginx:1.27", portMappings: [{ containerPort: 80 }],
    environment: [{ name: "A", value: "1" }, { name: "B", value: "2" }],
    healthCheck: { command: ["CMD-SHELL", "curl -f http://localhost/ || exit 1"] },
  }],
};

function liveWith(td: Record<string, unknown>, tags: { key: string; value: string }[] = []) {
  const live = emptyLiveState();
  live.taskDefinitions[td.family as string] = { taskDefinition: td, tags };
  return live;
}

describe("normaliseTaskDefinition", () => {
  it("makes a DescribeTaskDefinition answer equal to the design it was registered from", () => {
    expect(normaliseTaskDefinition(describedWeb)).toEqual(normaliseTaskDefinition(webTd));
  });

  it("fills ECS's defaults: essential, tcp, hostPort in awsvpc, health check timings, units for cpu and memory", () => {
    const n = normaliseTaskDefinition(webTd) as { cpu: string; memory: string; containerDefinitions: Record<string, unknown>[] };
    expect(n.cpu).toBe("256");
    expect(n.memory).toBe("512");
    expect(n.containerDefinitions[0]).toMatchObject({
      essential: true, portMappings: [{ containerPort: 80, hostPort: 80, protocol: "tcp" }],
      healthCheck: { interval: 30, timeout: 5, retries: 3 },
    });
    expect(n).not.toHaveProperty("id");
  });

  it("keeps a bridge-mode dynamic host port dynamic and drops read-only keys of real answers", () => {
    for (const name of ["describe-hello-world.json", "describe-sleep360.json"]) {
      const answer = fixture(name).taskDefinition;
      const imported = importTaskDefinition(fixture(name));
      expect(imported.ok).toBe(true);
      if (!imported.ok) return;
      expect(normaliseTaskDefinition(answer)).toEqual(normaliseTaskDefinition(imported.taskDefinition));
      expect(Object.keys(normaliseTaskDefinition(answer))).not.toContain("revision");
    }
  });
});

describe("planTaskDefinition", () => {
  it("plans no change for an unchanged definition and points services at the current revision", () => {
    const r = planTaskDefinition(webTd, liveWith(describedWeb), "d1");
    expect(r.step.action).toBe("no-change");
    expect(r.step.calls).toEqual([]);
    expect(r.ref).toBe("web:3");
  });

  it("registers the next revision when the image changes, naming the changed field", () => {
    const changed = { ...webTd, containerDefinitions: [{ ...webTd.containerDefinitions[0], image: "nginx:1.28" }] };
    const r = planTaskDefinition(changed, liveWith(describedWeb), "d1");
    expect(r.step.action).toBe("update");
    expect(r.step.changes).toEqual([{ path: "containerDefinitions[app].image", old: "nginx:1.27", new: "nginx:1.28" }]);
    expect(r.ref).toBe("web:4");
    expect(r.step.calls).toHaveLength(1);
    expect(r.step.calls[0].operation).toBe("RegisterTaskDefinition");
    expect(r.step.calls[0].input.tags).toEqual([{ key: "stevedore:design", value: "d1" }, { key: "stevedore:id", value: "td-web" }]);
    expect(r.step.calls[0].input).not.toHaveProperty("id");
  });

  it("creates a missing family as revision 1, tagged with the design", () => {
    const r = planTaskDefinition(webTd, emptyLiveState(), "d1");
    expect(r.step.action).toBe("create");
    expect(r.ref).toBe("web:1");
  });

  it("tags the current revision instead of registering one when only tags differ", () => {
    const r = planTaskDefinition({ ...webTd, tags: [{ key: "team", value: "web" }] }, liveWith(describedWeb), "d1");
    expect(r.step.action).toBe("update");
    expect(r.step.calls).toEqual([{ operation: "TagResource", input: { resourceArn: describedWeb.taskDefinitionArn, tags: [{ key: "team", value: "web" }] } }]);
    expect(r.ref).toBe("web:3");
  });
});
