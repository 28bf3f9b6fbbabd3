import { describe, expect, it } from "vitest";
import { sampleShopDesign } from "../designer/sample-design";
import { canvasLive, clusterMissing, liveClusters, type LiveClusterState, type LiveContainerState, type LiveServiceState, type LiveTaskDefinitionState } from "./canvas-live";
import { service, stopped, task } from "./fixtures";
import { toView, type MonitorView } from "./snapshot-view";
import type { MonitorService, MonitorTask } from "./types";

const NOW = new Date("2026-11-28T08:10:00.000Z");
const TD = (rev: string) => `arn:aws:ecs:eu-west-1:000000000000:task-definition/${rev}`;

function view(services: MonitorService[], tasks: MonitorTask[], over: Partial<MonitorView> = {}): MonitorView {
  return { ...toView({ envId: "env", cluster: "shop", snapshot: { cluster: "shop", takenAt: NOW.toISOString(), services, tasks }, now: NOW, intervalMs: 2000 }), ...over };
}

const storefront = (over: Partial<MonitorService> = {}) => service({
  serviceName: "storefront", taskDefinition: TD("storefront:3"),
  deployments: [{ id: "ecs-svc/1", status: "PRIMARY", taskDefinition: TD("storefront:3"), desiredCount: 2, runningCount: 2, pendingCount: 0, failedTasks: 0, rolloutState: "COMPLETED" }],
  ...over,
});
const running = (svc: string, rev: string, name: string) => task({ serviceName: svc, taskDefinitionArn: TD(rev), containers: [{ name, lastStatus: "RUNNING" }] });

describe("canvasLive", () => {
  it("lists the clusters to poll: the design's and those its services name", () => {
    const d = sampleShopDesign();
    d.services[1] = { ...d.services[1], cluster: "arn:aws:ecs:eu-west-1:1:cluster/other" };
    expect(liveClusters(d)).toEqual(["other", "shop"]);
  });

  it("maps a running service, its task definition, containers and cluster", () => {
    const d = sampleShopDesign();
    const live = canvasLive(d, { shop: view([storefront()], [running("storefront", "storefront:3", "web"), running("storefront", "storefront:3", "web")]) });
    const svc = live["svc-storefront"] as LiveServiceState;
    expect(svc).toMatchObject({ deployed: true, running: 2, desired: 2, pending: 0, health: "healthy", rolloutState: "COMPLETED", liveRevision: "storefront:3", drift: false });
    expect(live["svc-orders"]).toMatchObject({ kind: "service", deployed: false, unknown: false });
    const td = live["td-storefront"] as LiveTaskDefinitionState;
    expect(td).toMatchObject({ liveRevisions: ["storefront:3"], runningTasks: 2, drift: false, deployed: true });
    expect((live["td-storefront/web"] as LiveContainerState).running).toBe(2);
    expect(live["td-orders"]).toMatchObject({ liveRevisions: [], deployed: false });
    expect(live["cl-shop"] as LiveClusterState).toMatchObject({ deployed: true, runningTasks: 2, services: 1, stale: false, unreachable: false });
  });

  it("reads a rollout in progress as deploying and a failed one as failing with the reason", () => {
    const d = sampleShopDesign();
    const deploying = storefront({
      runningCount: 3, desiredCount: 2,
      deployments: [
        { id: "ecs-svc/2", status: "PRIMARY", taskDefinition: TD("storefront:4"), desiredCount: 2, runningCount: 1, pendingCount: 1, failedTasks: 0, rolloutState: "IN_PROGRESS" },
        { id: "ecs-svc/1", status: "ACTIVE", taskDefinition: TD("storefront:3"), desiredCount: 2, runningCount: 2, pendingCount: 0, failedTasks: 0, rolloutState: "COMPLETED" },
      ],
    });
    const a = canvasLive(d, { shop: view([deploying], []) })["svc-storefront"] as LiveServiceState;
    expect(a).toMatchObject({ health: "deploying", rolloutState: "IN_PROGRESS", running: 3 });
    expect(a.reasons[0]).toMatch(/in progress: 1\/2 running/);

    const failing = storefront({ runningCount: 0, deployments: [{ id: "ecs-svc/2", status: "PRIMARY", desiredCount: 2, runningCount: 0, pendingCount: 0, failedTasks: 3, rolloutState: "FAILED", rolloutStateReason: "circuit breaker" }] });
    const b = canvasLive(d, { shop: view([failing], [stopped({ serviceName: "storefront", stopCode: "EssentialContainerExited" })]) })["svc-storefront"] as LiveServiceState;
    expect(b.health).toBe("failing");
    expect(b.reasons.join(" ")).toMatch(/failed: circuit breaker/);
  });

  it("marks drift when the live desired count or task family differs, or the plan would update", () => {
    const d = sampleShopDesign();
    d.services[0] = { ...d.services[0], desiredCount: 3 };
    const a = canvasLive(d, { shop: view([storefront()], []) })["svc-storefront"] as LiveServiceState;
    expect(a.drift).toBe(true);
    expect(a.driftReasons).toEqual(["Desired count: 2 live, 3 in the design"]);

    const other = canvasLive(sampleShopDesign(), { shop: view([storefront({ taskDefinition: TD("legacy:9") })], []) })["svc-storefront"] as LiveServiceState;
    expect(other.driftReasons[0]).toMatch(/legacy:9 live, storefront in the design/);

    const planned = canvasLive(sampleShopDesign(), { shop: view([storefront()], []) }, { "svc-storefront": "update", "td-storefront": "update", "cl-shop": "no-change" });
    expect(planned["svc-storefront"]).toMatchObject({ drift: true, driftReasons: ["Applying the design would update this service"] });
    expect(planned["td-storefront"]).toMatchObject({ drift: true });
    expect((planned["td-storefront"] as LiveTaskDefinitionState).driftReasons[0]).toMatch(/differs from storefront:3/);
    expect(planned["cl-shop"]).toMatchObject({ drift: false });

    const same = canvasLive(sampleShopDesign(), { shop: view([storefront()], []) }, { "svc-storefront": "no-change", "td-storefront": "no-change" });
    expect(same["svc-storefront"]).toMatchObject({ drift: false });
    expect(same["td-storefront"]).toMatchObject({ drift: false });
  });

  it("tells a missing cluster (not deployed) from one not fetched yet and an unreachable one", () => {
    const d = sampleShopDesign();
    const none = canvasLive(d, {});
    expect(none["svc-storefront"]).toMatchObject({ deployed: false, unknown: true });
    expect(none["cl-shop"]).toMatchObject({ deployed: false, unknown: true });

    const missing = view([], [], { lastRefreshedAt: null, unreachable: true, stale: true, error: "ClusterNotFoundException: Cluster not found." });
    const m = canvasLive(d, { shop: missing });
    expect(m["cl-shop"]).toMatchObject({ deployed: false, unknown: false, unreachable: false });
    expect(m["svc-storefront"]).toMatchObject({ deployed: false, unknown: false });

    const down = view([storefront()], [], { unreachable: true, stale: true, error: "connect ECONNREFUSED" });
    const u = canvasLive(d, { shop: down });
    expect(u["cl-shop"]).toMatchObject({ deployed: true, unreachable: true, stale: true });
    expect(u["svc-storefront"]).toMatchObject({ deployed: true, running: 2 });
  });

  it("lists every live revision of a family, newest first", () => {
    const d = sampleShopDesign();
    const live = canvasLive(d, { shop: view([storefront({ taskDefinition: TD("storefront:4") })], [running("storefront", "storefront:3", "web"), running("storefront", "storefront:4", "web")]) });
    expect((live["td-storefront"] as LiveTaskDefinitionState).liveRevisions).toEqual(["storefront:4", "storefront:3"]);
  });
});

describe("clusterMissing", () => {
  it("tells ECS's 'cluster not found' from an environment that does not answer", () => {
    const base = view([], [], { lastRefreshedAt: null, unreachable: true, stale: true });
    expect(clusterMissing({ ...base, error: "ClusterNotFoundException: Cluster not found." })).toBe(true);
    expect(clusterMissing({ ...base, error: "connect ECONNREFUSED 127.0.0.1:4566" })).toBe(false);
    expect(clusterMissing(view([], []))).toBe(false);
  });
});
