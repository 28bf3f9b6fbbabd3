import { describe, expect, it } from "vitest";
import { LANE_CAPACITY, LIFECYCLE, SCENE_LIMITS, buildScene, endpointsLabel, sceneChanges, type SceneInput, type SceneTaskInput } from "./scene";
import { sceneInputFromEcs, sceneInputFromMonitor } from "./scene-input";
import type { MonitorView } from "./snapshot-view";

let seq = 0;
const task = (over: Partial<SceneTaskInput> = {}): SceneTaskInput => ({
  id: `t${String(++seq).padStart(3, "0")}`, service: "web", revision: 1, lastStatus: "RUNNING", desiredStatus: "RUNNING", createdAt: seq * 1000, ...over,
});
const input = (over: Partial<SceneInput> = {}): SceneInput => ({ services: [], tasks: [], instances: [], ...over });
const web = (over: Partial<SceneInput["services"][number]> = {}) => ({
  name: "web", desired: 4, running: 4, pending: 0, deployments: [{ status: "PRIMARY", revision: 1, desired: 4, running: 4, pending: 0, rolloutState: "COMPLETED" }], ...over,
});

describe("buildScene", () => {
  it("puts each task in the lane of its lifecycle state, oldest first", () => {
    const a = task({ lastStatus: "PENDING", createdAt: 5 });
    const b = task({ lastStatus: "PENDING", createdAt: 1 });
    const c = task({ lastStatus: "RUNNING" });
    const scene = buildScene(input({ tasks: [a, b, c] }));
    expect(scene.lanes.map((l) => l.status)).toEqual([...LIFECYCLE]);
    expect(scene.lanes.find((l) => l.status === "PENDING")!.tasks.map((t) => t.id)).toEqual([b.id, a.id]);
    expect(scene.lanes.find((l) => l.status === "RUNNING")!.tasks.map((t) => t.id)).toEqual([c.id]);
  });

  it("marks tasks ECS is stopping and caps long lanes with a count of the rest", () => {
    const stopping = task({ desiredStatus: "STOPPED", lastStatus: "RUNNING" });
    const many = Array.from({ length: LANE_CAPACITY + 3 }, () => task());
    const scene = buildScene(input({ tasks: [stopping, ...many] }));
    const running = scene.lanes.find((l) => l.status === "RUNNING")!;
    expect(running.tasks).toHaveLength(LANE_CAPACITY);
    expect(running.hidden).toBe(4);
    expect(running.tasks[0]).toMatchObject({ id: stopping.id, stopping: true });
  });

  it("shows the newest stopped tasks first", () => {
    const old = task({ lastStatus: "STOPPED", desiredStatus: "STOPPED", createdAt: 1 });
    const recent = task({ lastStatus: "STOPPED", desiredStatus: "STOPPED", createdAt: 9 });
    expect(buildScene(input({ tasks: [old, recent] })).lanes.at(-1)!.tasks.map((t) => t.id)).toEqual([recent.id, old.id]);
  });

  it("measures a rolling deployment against its bounds", () => {
    const svc = web({
      minimumHealthyPercent: 50, maximumPercent: 150,
      deployments: [
        { status: "PRIMARY", revision: 2, desired: 4, running: 1, pending: 1, rolloutState: "IN_PROGRESS" },
        { status: "ACTIVE", revision: 1, desired: 2, running: 2, pending: 0 },
      ],
    });
    const tasks = [
      task({ revision: 1 }), task({ revision: 1 }), task({ revision: 1, desiredStatus: "STOPPED", lastStatus: "DEACTIVATING" }),
      task({ revision: 2 }), task({ revision: 2, lastStatus: "PENDING" }),
      task({ revision: 1, lastStatus: "STOPPED", desiredStatus: "STOPPED" }),
    ];
    const [s] = buildScene(input({ services: [svc], tasks })).services;
    expect(s).toMatchObject({ lower: 2, upper: 6, counted: 4, leaving: 1 });
    expect(s.deployments.map((d) => [d.revision, d.tone])).toEqual([[2, 1], [1, 0]]);
    expect(s.segments).toEqual([
      { revision: 2, tone: 1, running: 1, starting: 1, stopping: 0 },
      { revision: 1, tone: 0, running: 2, starting: 0, stopping: 1 },
    ]);
    expect(s.story).toMatch(/Revision 2 is replacing the old one: 1 new and 2 old running, 1 starting, 1 stopping\./);
    expect(s.story).toMatch(/at least 2 running and at most 6 running or starting at once/);
  });

  it("tells a steady service from one replacing a lost task", () => {
    const steady = buildScene(input({ services: [web({ desired: 2 })], tasks: [task(), task()] })).services[0];
    expect(steady.story).toMatch(/^Steady: 2 tasks running/);
    const healing = buildScene(input({ services: [web({ desired: 2 })], tasks: [task(), task({ lastStatus: "PROVISIONING" })] })).services[0];
    expect(healing.story).toMatch(/1 of 2 running, 1 starting: the service scheduler starts tasks/);
  });

  it("fills container instances with the tasks placed on them and keeps Fargate tasks apart", () => {
    const i1 = { arn: "arn:ci/1", label: "i-1", status: "ACTIVE", cpu: { registered: 2048, remaining: 1024 }, memory: { registered: 4096, remaining: 4096 } };
    const i2 = { arn: "arn:ci/2", label: "i-2", status: "ACTIVE", cpu: { registered: 2048, remaining: 2048 }, memory: { registered: 4096, remaining: 3072 } };
    const on1 = task({ instanceArn: "arn:ci/1" });
    const gone = task({ instanceArn: "arn:ci/1", lastStatus: "STOPPED", desiredStatus: "STOPPED" });
    const fargate = task();
    const scene = buildScene(input({ instances: [i2, i1], tasks: [on1, gone, fargate] }));
    expect(scene.instances.map((i) => [i.label, i.cpuUsed, i.memoryUsed, i.tasks.map((t) => t.id)])).toEqual([
      ["i-1", 0.5, 0, [on1.id]],
      ["i-2", 0, 0.25, []],
    ]);
    expect(scene.fargate.map((t) => t.id)).toEqual([fargate.id]);
  });

  it("follows one service of a busy cluster and caps what it draws", () => {
    const services = Array.from({ length: SCENE_LIMITS.services + 2 }, (_, i) => web({ name: `svc-${i}`, desired: 1 }));
    const tasks = services.map((s) => task({ service: s.name }));
    const all = buildScene(input({ services, tasks }));
    expect(all.services).toHaveLength(SCENE_LIMITS.services);
    expect(all.more.services).toBe(2);
    expect(all.lanes.find((l) => l.status === "RUNNING")!.tasks).toHaveLength(LANE_CAPACITY);

    const last = services.at(-1)!.name;
    const one = buildScene(input({ services, tasks }), last);
    expect(one.services[0].name).toBe(last);
    expect(one.lanes.flatMap((l) => l.tasks).map((t) => t.service)).toEqual([last]);
    // The other services still count their own tasks.
    expect(one.services.slice(1).every((s) => s.counted === 1)).toBe(true);
    // An unknown focus (a service not deployed yet) shows the whole cluster.
    expect(buildScene(input({ services, tasks }), "nope").lanes.find((l) => l.status === "RUNNING")!.hidden).toBe(tasks.length - LANE_CAPACITY);
  });

  it("shows the busiest instances when there are more than it draws", () => {
    const instances = Array.from({ length: SCENE_LIMITS.instances + 5 }, (_, i) => ({
      arn: `arn:ci/${i}`, label: `i-${String(i).padStart(3, "0")}`, status: "ACTIVE", cpu: { registered: 1024, remaining: 1024 }, memory: { registered: 1024, remaining: 1024 },
    }));
    const busy = task({ instanceArn: "arn:ci/28" });
    const scene = buildScene(input({ instances, tasks: [busy] }));
    expect(scene.instances).toHaveLength(SCENE_LIMITS.instances);
    expect(scene.instances[0].arn).toBe("arn:ci/28");
    expect(scene.more.instances).toBe(5);
  });

  it("is empty with nothing in the cluster", () => {
    expect(buildScene(input()).empty).toBe(true);
  });
});

describe("sceneChanges", () => {
  it("says what moved between two looks", () => {
    const a = task({ lastStatus: "PENDING" });
    const b = task();
    const before = input({ tasks: [a, b] });
    const after = input({ tasks: [{ ...a, lastStatus: "ACTIVATING" }, { ...b, desiredStatus: "STOPPED", stoppedReason: "Essential container in task exited" }, task({ lastStatus: "PROVISIONING", id: "new1" })] });
    expect(sceneChanges(before, after)).toEqual([
      `Task ${a.id} of web (revision 1): PENDING → ACTIVATING.`,
      `ECS is stopping task ${b.id} of web (revision 1): Essential container in task exited.`,
      "Task new1 of web (revision 1) appeared in PROVISIONING.",
    ]);
    expect(sceneChanges(undefined, after)).toEqual([]);
    expect(sceneChanges(after, after)).toEqual([]);
  });
});

describe("scene inputs", () => {
  it("reads ECS answers: revisions from ARNs, service from the group, resources by name", () => {
    const scene = sceneInputFromEcs({
      services: [{ serviceName: "web", status: "ACTIVE", desiredCount: 2, runningCount: 1, pendingCount: 1, deploymentConfiguration: { minimumHealthyPercent: 50, maximumPercent: 200 }, deployments: [{ status: "PRIMARY", taskDefinition: "arn:aws:ecs:eu-west-1:1:task-definition/web:3", desiredCount: 2, runningCount: 1, pendingCount: 1 }] }, { serviceName: "old", status: "INACTIVE" }],
      tasks: [{ taskArn: "arn:aws:ecs:eu-west-1:1:task/c/abc", group: "service:web", taskDefinitionArn: "arn:aws:ecs:eu-west-1:1:task-definition/web:3", lastStatus: "RUNNING", desiredStatus: "RUNNING", createdAt: new Date(5000), containerInstanceArn: "arn:ci/1" }],
      containerInstances: [{ containerInstanceArn: "arn:ci/1", ec2InstanceId: "i-1", status: "ACTIVE", registeredResources: [{ name: "CPU", integerValue: 1024 }, { name: "MEMORY", integerValue: 2048 }], remainingResources: [{ name: "CPU", integerValue: 512 }, { name: "MEMORY", integerValue: 1024 }] }],
    });
    expect(scene.services).toEqual([{ name: "web", desired: 2, running: 1, pending: 1, minimumHealthyPercent: 50, maximumPercent: 200, deployments: [{ status: "PRIMARY", revision: 3, desired: 2, running: 1, pending: 1, rolloutState: undefined }] }]);
    expect(scene.tasks[0]).toMatchObject({ id: "abc", service: "web", revision: 3, createdAt: 5000, instanceArn: "arn:ci/1" });
    expect(scene.instances[0]).toEqual({ arn: "arn:ci/1", label: "i-1", status: "ACTIVE", cpu: { registered: 1024, remaining: 512 }, memory: { registered: 2048, remaining: 1024 } });
  });

  it("reads the monitor's view of a cluster", () => {
    const view = {
      envId: "e", cluster: "c", lastRefreshedAt: null, stale: false, unreachable: false, intervalMs: 5000,
      services: [{ serviceName: "web", serviceArn: "a", status: "ACTIVE", desiredCount: 1, runningCount: 1, pendingCount: 0, deploymentBounds: { maximumPercent: 150 }, deployments: [], events: [], health: { level: "healthy", reasons: [] } }],
      tasks: [{ taskArn: "arn/t1", taskId: "t1", serviceName: "web", taskDefinitionArn: "web:2", lastStatus: "RUNNING", desiredStatus: "RUNNING", createdAt: "1970-01-01T00:00:02.000Z", containers: [] }],
    } as unknown as MonitorView;
    const scene = sceneInputFromMonitor(view);
    expect(scene.services[0]).toMatchObject({ name: "web", maximumPercent: 150, minimumHealthyPercent: undefined });
    expect(scene.tasks[0]).toMatchObject({ id: "t1", revision: 2, createdAt: 2000 });
  });

  it("keeps the capacity provider a task runs on (Spot tasks are drawn apart)", () => {
    const task = (id: string, capacityProviderName?: string) => ({ taskArn: `arn:aws:ecs:eu-west-1:1:task/c/${id}`, group: "service:w", lastStatus: "RUNNING", desiredStatus: "RUNNING", capacityProviderName });
    const input = sceneInputFromEcs({ services: [], tasks: [task("a", "FARGATE"), task("b", "FARGATE_SPOT"), task("c")], containerInstances: [] });
    expect(input.tasks.map((t) => t.capacityProvider)).toEqual(["FARGATE", "FARGATE_SPOT", undefined]);
    expect(buildScene(input).fargate.map((t) => t.capacityProvider)).toEqual(["FARGATE", "FARGATE_SPOT", undefined]);
  });
});

describe("scene during a traffic-shifting deployment", () => {
  it("draws the source revision blue and the target green, with each side's share of production traffic", () => {
    const input = {
      services: [{ name: "web", desired: 2, running: 4, pending: 0, deployments: [], traffic: { blue: 1, green: 2, greenPercent: 10, strategy: "CANARY" } }],
      tasks: [
        { id: "b1", service: "web", revision: 1, lastStatus: "RUNNING", desiredStatus: "RUNNING", createdAt: 1 },
        { id: "b2", service: "web", revision: 1, lastStatus: "RUNNING", desiredStatus: "RUNNING", createdAt: 2 },
        { id: "g1", service: "web", revision: 2, lastStatus: "RUNNING", desiredStatus: "RUNNING", createdAt: 3 },
        { id: "o1", service: "other", revision: 2, lastStatus: "RUNNING", desiredStatus: "RUNNING", createdAt: 4 },
      ],
      instances: [],
    };
    const scene = buildScene(input, "web");
    const running = scene.lanes.find((l) => l.status === "RUNNING")!.tasks;
    expect(running.map((t) => [t.id, t.side])).toEqual([["b1", "blue"], ["b2", "blue"], ["g1", "green"]]);
    const web = scene.services[0];
    expect(web.segments.map((s) => [s.revision, s.side, s.percent, s.running])).toEqual([[2, "green", 10, 1], [1, "blue", 90, 2]]);
    expect(web.story).toBe("canary deployment: blue revision 1 (2 running) takes 90 % of production traffic, green revision 2 (1 running) 10 %. Both sets run side by side until the traffic has moved.");
  });

  it("gives the legend and the deployments the colours the tokens are drawn with", () => {
    const input = {
      services: [{
        name: "web", desired: 2, running: 3, pending: 0, traffic: { blue: 1, green: 2, greenPercent: 50, strategy: "BLUE_GREEN" },
        deployments: [{ status: "PRIMARY", revision: 2, desired: 2, running: 1, pending: 0 }, { status: "ACTIVE", revision: 1, desired: 2, running: 2, pending: 0 }],
      }],
      tasks: [
        { id: "b1", service: "web", revision: 1, lastStatus: "RUNNING", desiredStatus: "RUNNING", createdAt: 1 },
        { id: "g1", service: "web", revision: 2, lastStatus: "RUNNING", desiredStatus: "RUNNING", createdAt: 2 },
        // Another service runs revision 2 of its own family the plain way.
        { id: "o1", service: "other", revision: 2, lastStatus: "RUNNING", desiredStatus: "RUNNING", createdAt: 3 },
      ],
      instances: [],
    };
    const scene = buildScene(input);
    expect(scene.legend).toEqual([{ revision: 1, tone: 0, side: "blue" }, { revision: 2, tone: 1 }, { revision: 2, tone: 1, side: "green" }]);
    expect(scene.services[0].deployments.map((d) => [d.revision, d.side])).toEqual([[2, "green"], [1, "blue"]]);
    // Without a traffic split, a revision has its own colour everywhere.
    const rolling = buildScene({ ...input, services: [{ ...input.services[0], traffic: undefined }] });
    expect(rolling.legend).toEqual([{ revision: 1, tone: 0 }, { revision: 2, tone: 1 }]);
    expect(rolling.services[0].deployments.every((d) => d.side === undefined)).toBe(true);
  });
});

describe("sceneTrafficOf", () => {
  it("takes the moving, traffic-shifting deployment's revisions and its production weight on green; nothing for rolling ones", async () => {
    const { sceneTrafficOf } = await import("./scene-input");
    const d = {
      arn: "a", id: "a", strategy: "CANARY" as const, status: "IN_PROGRESS", active: true, rolledBack: false, stages: [], hooks: [], sources: [],
      traffic: { target: 10, over: [] }, sourceTaskDefinition: "arn:aws:ecs:us-east-1:1:task-definition/web:4", targetTaskDefinition: "arn:aws:ecs:us-east-1:1:task-definition/web:5",
    };
    expect(sceneTrafficOf([d])).toEqual({ blue: 4, green: 5, greenPercent: 10, strategy: "CANARY" });
    expect(sceneTrafficOf([{ ...d, strategy: "ROLLING" }])).toBeUndefined();
    expect(sceneTrafficOf([{ ...d, active: false }])).toBeUndefined();
  });
});

describe("Service Connect in the scene", () => {
  it("reads the aliases a service serves from its PRIMARY deployment and counts the endpoints that answer", () => {
    const td = "arn:aws:ecs:eu-west-1:1:task-definition/api:1";
    const apiTask = (id: string, over: Record<string, unknown> = {}) => ({ taskArn: `arn:aws:ecs:eu-west-1:1:task/c/${id}`, group: "service:api", taskDefinitionArn: td, lastStatus: "RUNNING", desiredStatus: "RUNNING", createdAt: new Date(1000), ...over });
    const scene = buildScene(sceneInputFromEcs({
      services: [
        { serviceName: "api", status: "ACTIVE", desiredCount: 3, runningCount: 3, pendingCount: 0, deployments: [{
          status: "PRIMARY", taskDefinition: td, desiredCount: 3, runningCount: 3, pendingCount: 0,
          serviceConnectConfiguration: { enabled: true, namespace: "shop", services: [{ portName: "api", clientAliases: [{ port: 8080, dnsName: "api" }] }, { portName: "admin", clientAliases: [{ port: 9090 }] }] },
        }] },
        { serviceName: "web", status: "ACTIVE", desiredCount: 1, runningCount: 1, pendingCount: 0, deployments: [{ status: "PRIMARY", taskDefinition: td, desiredCount: 1, runningCount: 1, pendingCount: 0, serviceConnectConfiguration: { enabled: true } }] },
      ],
      // Two answer; one is being stopped, one is unhealthy, one still starts.
      tasks: [apiTask("a"), apiTask("b"), apiTask("c", { desiredStatus: "STOPPED" }), apiTask("d", { healthStatus: "UNHEALTHY" }), apiTask("e", { lastStatus: "PENDING" })],
      containerInstances: [],
    }));
    const api = scene.services.find((s) => s.name === "api")!;
    expect(api.endpoints).toEqual([{ alias: "api:8080", endpoints: 2 }, { alias: "admin.shop:9090", endpoints: 2 }]);
    expect(api.endpoints.map(endpointsLabel)).toEqual(["api:8080 · 2 endpoints", "admin.shop:9090 · 2 endpoints"]);
    // A client only (no services[]): serves no alias.
    expect(scene.services.find((s) => s.name === "web")!.endpoints).toEqual([]);
    expect(endpointsLabel({ alias: "api:8080", endpoints: 1 })).toBe("api:8080 · 1 endpoint");
  });
});
