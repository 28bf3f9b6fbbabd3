import type { Service as EcsService } from "@aws-sdk/client-ecs";
import { describe, expect, it } from "vitest";
import type { Design } from "../design";
import { emptyLiveState, planDesign, renderPlanJson, renderPlanText, type LiveState } from "./index";

const ARN = "arn:aws:ecs:eu-west-1:123456789012";

function design(over: Partial<Design> = {}): Design {
  return {
    schemaVersion: 1,
    clusters: [{ id: "cl-main", clusterName: "main" }],
    taskDefinitions: [{
      id: "td-web", family: "web", networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], cpu: "256", memory: "512",
      containerDefinitions: [{ name: "app", image: "nginx:1.27", essential: true, portMappings: [{ containerPort: 80 }] }],
    }],
    services: [{
      id: "svc-web", serviceName: "web", cluster: "main", taskDefinition: "web", desiredCount: 2, launchType: "FARGATE",
      networkConfiguration: { awsvpcConfiguration: { subnets: ["subnet-b", "subnet-a"] } },
    }],
    layout: {},
    ...over,
  };
}

const owned = (id: string) => [{ key: "stevedore:design", value: "d1" }, { key: "stevedore:id", value: id }];

function liveService(over: Partial<EcsService> = {}): EcsService {
  const name = over.serviceName ?? "web";
  return {
    serviceArn: `${ARN}:service/main/${name}`, serviceName: name, clusterArn: `${ARN}:cluster/main`, status: "ACTIVE",
    desiredCount: 2, runningCount: 2, pendingCount: 0, launchType: "FARGATE", platformVersion: "LATEST",
    taskDefinition: `${ARN}:task-definition/web:1`,
    deploymentConfiguration: { minimumHealthyPercent: 100, maximumPercent: 200, deploymentCircuitBreaker: { enable: false, rollback: false } },
    networkConfiguration: { awsvpcConfiguration: { subnets: ["subnet-a", "subnet-b"], securityGroups: [], assignPublicIp: "DISABLED" } },
    loadBalancers: [], serviceRegistries: [], placementConstraints: [], placementStrategy: [], schedulingStrategy: "REPLICA",
    deploymentController: { type: "ECS" }, enableECSManagedTags: false, propagateTags: "NONE", enableExecuteCommand: false,
    deployments: [], events: [], tags: owned("svc-web"),
    ...over,
  };
}

/** The account after applying `design()`: what DescribeClusters/Services/TaskDefinition answer. */
function appliedLive(): LiveState {
  const live = emptyLiveState();
  live.clusters.main = { clusterArn: `${ARN}:cluster/main`, clusterName: "main", status: "ACTIVE", tags: owned("cl-main"),
    settings: [{ name: "containerInsights", value: "disabled" }], capacityProviders: [], defaultCapacityProviderStrategy: [] };
  live.taskDefinitions.web = {
    taskDefinition: {
      taskDefinitionArn: `${ARN}:task-definition/web:1`, family: "web", revision: 1, status: "ACTIVE", networkMode: "awsvpc",
      containerDefinitions: [{ name: "app", image: "nginx:1.27", cpu: 0, essential: true, environment: [], mountPoints: [], volumesFrom: [],
        portMappings: [{ containerPort: 80, hostPort: 80, protocol: "tcp" }] }],
      volumes: [], placementConstraints: [], requiresCompatibilities: ["FARGATE"], compatibilities: ["EC2", "FARGATE"], cpu: "256", memory: "512",
    },
    tags: owned("td-web"),
  };
  live.services = [liveService()];
  return live;
}

const actions = (d: Design, live: LiveState) => planDesign(d, live, { designId: "d1" }).steps.map((s) => `${s.action} ${s.key}`);

describe("planDesign", () => {
  it("creates everything in dependency order on an empty account, each created resource tagged with the design", () => {
    const plan = planDesign(design(), emptyLiveState(), { designId: "d1" });
    expect(plan.steps.map((s) => `${s.action} ${s.key}`)).toEqual(["create cluster:main", "create task-definition:web", "create service:main/web"]);
    expect(plan.steps.flatMap((s) => s.calls.map((c) => c.operation))).toEqual(["CreateCluster", "RegisterTaskDefinition", "CreateService"]);
    for (const call of plan.steps.flatMap((s) => s.calls)) expect(call.input.tags).toContainEqual({ key: "stevedore:design", value: "d1" });
    const create = plan.steps[2].calls[0].input;
    expect(create).toMatchObject({ cluster: "main", serviceName: "web", taskDefinition: "web:1" });
    expect(create.clientToken).toMatch(/^stv-[0-9a-f]{28}$/);
    expect(plan.summary).toMatchObject({ create: 3, update: 0 });
    expect(plan.empty).toBe(false);
  });

  it("plans zero changes when the account matches (defaults and ordering ECS adds do not count)", () => {
    const plan = planDesign(design(), appliedLive(), { designId: "d1" });
    expect(plan.steps.map((s) => s.action)).toEqual(["no-change", "no-change", "no-change"]);
    expect(plan.empty).toBe(true);
  });

  it("a new image registers a revision and moves the service onto it", () => {
    const d = design();
    d.taskDefinitions[0].containerDefinitions[0].image = "nginx:1.28";
    const plan = planDesign(d, appliedLive(), { designId: "d1" });
    const [, td, svc] = plan.steps;
    expect(td.action).toBe("update");
    expect(svc.action).toBe("update");
    expect(svc.changes).toEqual([{ path: "taskDefinition", old: "web:1", new: "web:2" }]);
    expect(svc.calls).toEqual([{ operation: "UpdateService", input: { cluster: "main", service: "web", taskDefinition: "web:2" } }]);
  });

  it("updates in place the fields UpdateService takes", () => {
    const d = design();
    d.services[0].desiredCount = 4;
    d.services[0].deploymentConfiguration = { minimumHealthyPercent: 50 };
    const [, , svc] = planDesign(d, appliedLive(), { designId: "d1" }).steps;
    expect(svc.action).toBe("update");
    expect(svc.changes.map((c) => c.path)).toEqual(["desiredCount", "deploymentConfiguration"]);
    expect(svc.calls[0].input).toEqual({ cluster: "main", service: "web", desiredCount: 4, deploymentConfiguration: { minimumHealthyPercent: 50 } });
  });

  it("replaces a service whose launch type or scheduling strategy changes, with the reason", () => {
    const d = design();
    d.services[0].launchType = "EC2";
    const [, , svc] = planDesign(d, appliedLive(), { designId: "d1" }).steps;
    expect(svc.action).toBe("replace");
    expect(svc.reason).toContain("launchType cannot be changed in place");
    expect(svc.calls.map((c) => c.operation)).toEqual(["DeleteService", "CreateService"]);
    expect(svc.calls[0].input).toEqual({ cluster: "main", service: "web", force: true });
  });

  it("moves a launch-type service onto a capacity provider strategy in place (UpdateService, since June 2025)", () => {
    const d = design();
    delete d.services[0].launchType;
    d.services[0].capacityProviderStrategy = [{ capacityProvider: "FARGATE_SPOT", weight: 1 }];
    const [, , svc] = planDesign(d, appliedLive(), { designId: "d1" }).steps;
    expect(svc.action).toBe("update");
    expect(svc.calls[0].input).toMatchObject({ capacityProviderStrategy: [{ capacityProvider: "FARGATE_SPOT", weight: 1 }], forceNewDeployment: true });
  });

  it("does not delete a service it did not create, even to replace it", () => {
    const live = appliedLive();
    live.services = [liveService({ tags: [] })];
    const d = design();
    d.services[0].role = "ecsServiceRole";
    const [, , svc] = planDesign(d, live, { designId: "d1" }).steps;
    expect(svc.action).toBe("replace");
    expect(svc.calls).toEqual([]);
    expect(svc.notes.join()).toContain("not created by this design");
  });

  it("deletes only services tagged with this design that the design no longer has", () => {
    const live = appliedLive();
    live.services.push(
      liveService({ serviceName: "old", serviceArn: `${ARN}:service/main/old`, tags: owned("svc-old") }),
      liveService({ serviceName: "theirs", serviceArn: `${ARN}:service/main/theirs`, tags: [{ key: "stevedore:design", value: "other" }] }),
      liveService({ serviceName: "manual", serviceArn: `${ARN}:service/main/manual`, tags: [] }),
    );
    expect(actions(design(), live)).toEqual(["no-change cluster:main", "no-change task-definition:web", "no-change service:main/web", "delete service:main/old"]);
    const del = planDesign(design(), live, { designId: "d1" }).steps[3];
    expect(del.calls).toEqual([{ operation: "DeleteService", input: { cluster: "main", service: "old", force: true } }]);
  });

  it("replaces a renamed service: same stevedore:id, new name", () => {
    const d = design();
    d.services[0].serviceName = "web-v2";
    const plan = planDesign(d, appliedLive(), { designId: "d1" });
    expect(plan.steps.map((s) => `${s.action} ${s.key}`)).toEqual(["no-change cluster:main", "no-change task-definition:web", "replace service:main/web-v2"]);
    expect(plan.steps[2].reason).toContain("serviceName");
    expect(plan.steps[2].calls.map((c) => `${c.operation} ${c.input.service ?? c.input.serviceName}`)).toEqual(["DeleteService web", "CreateService web-v2"]);
  });

  it("updates cluster settings and adds missing design tags, leaving tags others added", () => {
    const d = design();
    d.clusters[0].settings = [{ name: "containerInsights", value: "enabled" }];
    d.clusters[0].tags = [{ key: "team", value: "ops" }];
    const live = appliedLive();
    live.clusters.main.tags!.push({ key: "cost-centre", value: "42" });
    const [cluster] = planDesign(d, live, { designId: "d1" }).steps;
    expect(cluster.action).toBe("update");
    expect(cluster.calls).toEqual([
      { operation: "UpdateCluster", input: { cluster: "main", settings: [{ name: "containerInsights", value: "enabled" }] } },
      { operation: "TagResource", input: { resourceArn: `${ARN}:cluster/main`, tags: [{ key: "team", value: "ops" }, { key: "stevedore:managed-tags", value: "team" }] } },
    ]);
  });

  it("gives the same client token for the same service and input, and another for another input", () => {
    const token = (d: Design) => planDesign(d, emptyLiveState(), { designId: "d1" }).steps[2].calls[0].input.clientToken;
    const changed = design();
    changed.services[0].desiredCount = 3;
    expect(token(design())).toBe(token(design()));
    expect(token(changed)).not.toBe(token(design()));
    expect(String(token(design())).length).toBeLessThanOrEqual(36);
  });

  it("notes a service whose cluster exists nowhere", () => {
    const d = design();
    d.services[0].cluster = "nowhere";
    const svc = planDesign(d, emptyLiveState(), { designId: "d1" }).steps[2];
    expect(svc.notes).toContain(`cluster "nowhere" is neither in the design nor in the account`);
  });
});

describe("planDesign: deleting owned clusters and task definition families", () => {
  const cluster = (name: string, tags = owned(`cl-${name}`)) =>
    ({ clusterArn: `${ARN}:cluster/${name}`, clusterName: name, status: "ACTIVE", tags });
  const svcIn = (clusterName: string, serviceName: string, tags = owned(`svc-${serviceName}`)) => liveService({
    serviceName, serviceArn: `${ARN}:service/${clusterName}/${serviceName}`, clusterArn: `${ARN}:cluster/${clusterName}`, tags,
  });

  it("deletes the owned services of a removed owned cluster, then the cluster, after every other step", () => {
    const live = appliedLive();
    live.ownedClusters = { batch: cluster("batch") };
    live.services.push(svcIn("batch", "jobs"), svcIn("batch", "cron"), svcIn("main", "old"));
    const d = design();
    d.taskDefinitions[0].containerDefinitions[0].image = "nginx:1.28";
    const plan = planDesign(d, live, { designId: "d1" });
    expect(plan.steps.map((s) => `${s.action} ${s.key}`)).toEqual([
      "no-change cluster:main", "update task-definition:web", "update service:main/web",
      "delete service:batch/jobs", "delete service:batch/cron", "delete service:main/old", "delete cluster:batch",
    ]);
    expect(plan.steps.at(-1)?.calls).toEqual([{ operation: "DeleteCluster", input: { cluster: "batch" } }]);
    expect(plan.steps[3].calls).toEqual([{ operation: "DeleteService", input: { cluster: "batch", service: "jobs", force: true } }]);
    expect(plan.summary.delete).toBe(4);
  });

  it("never deletes a cluster it does not own, even an empty one, nor its services", () => {
    const live = appliedLive();
    live.ownedClusters = {
      manual: cluster("manual", []),
      theirs: cluster("theirs", [{ key: "stevedore:design", value: "other" }]),
    };
    live.services.push(svcIn("theirs", "x", [{ key: "stevedore:design", value: "other" }]));
    expect(actions(design(), live)).toEqual(["no-change cluster:main", "no-change task-definition:web", "no-change service:main/web"]);
    expect(planDesign(design(), live, { designId: "d1" }).empty).toBe(true);
  });

  it("keeps an owned cluster the design still uses, and one that holds a service it did not create", () => {
    const live = appliedLive();
    live.ownedClusters = { main: cluster("main"), shared: cluster("shared") };
    live.services.push(svcIn("shared", "mine"), svcIn("shared", "manual", []));
    const plan = planDesign(design(), live, { designId: "d1" });
    expect(plan.steps.map((s) => `${s.action} ${s.key}`)).toEqual([
      "no-change cluster:main", "no-change task-definition:web", "no-change service:main/web", "delete service:shared/mine", "no-change cluster:shared",
    ]);
    expect(plan.steps.at(-1)?.calls).toEqual([]);
    expect(plan.steps.at(-1)?.notes.join()).toContain("still has services this design did not create (manual)");
  });

  it("deregisters every ACTIVE revision of an owned family the design dropped, and leaves foreign families alone", () => {
    const live = appliedLive();
    live.ownedFamilies = {
      worker: { revisionArns: [`${ARN}:task-definition/worker:1`, `${ARN}:task-definition/worker:3`], tags: owned("td-worker") },
      theirs: { revisionArns: [`${ARN}:task-definition/theirs:1`], tags: [{ key: "stevedore:design", value: "other" }] },
      untagged: { revisionArns: [`${ARN}:task-definition/untagged:1`], tags: [] },
      web: { revisionArns: [`${ARN}:task-definition/web:1`], tags: owned("td-web") },
    };
    live.ownedClusters = { batch: cluster("batch") };
    const plan = planDesign(design(), live, { designId: "d1" });
    expect(plan.steps.map((s) => `${s.action} ${s.key}`)).toEqual([
      "no-change cluster:main", "no-change task-definition:web", "no-change service:main/web", "delete task-definition:worker", "delete cluster:batch",
    ]);
    expect(plan.steps[3].calls).toEqual([
      { operation: "DeregisterTaskDefinition", input: { taskDefinition: `${ARN}:task-definition/worker:1` } },
      { operation: "DeregisterTaskDefinition", input: { taskDefinition: `${ARN}:task-definition/worker:3` } },
    ]);
    expect(renderPlanText(plan)).toContain("Plan: 0 to create, 0 to update, 0 to replace, 2 to delete (3 unchanged).");
  });
});

describe("rendering", () => {
  it("shows a grouped diff with old → new and a summary", () => {
    const d = design();
    d.taskDefinitions[0].containerDefinitions[0].image = "nginx:1.28";
    const text = renderPlanText(planDesign(d, appliedLive(), { designId: "d1" }));
    expect(text).toContain("Task definitions\n  ~ update    web\n");
    expect(text).toContain(`containerDefinitions[app].image: "nginx:1.27" → "nginx:1.28"`);
    expect(text).toContain("Plan: 0 to create, 2 to update, 0 to replace, 0 to delete (1 unchanged).");
  });

  it("carries the validator's errors (not its warnings), listed first in the text and in the JSON", () => {
    expect(planDesign(design(), emptyLiveState(), { designId: "d1" }).errors).toEqual([]);
    const d = design();
    delete d.services[0].networkConfiguration;
    const plan = planDesign(d, emptyLiveState(), { designId: "d1" });
    expect(plan.errors.map((f) => [f.ruleId, f.severity, f.resource.name])).toEqual([["service-network", "error", "web"]]);
    const text = renderPlanText(plan);
    expect(text.split("\n")[0]).toBe("1 validator error: ECS would refuse this design; the plan is not applied until they are fixed");
    expect(text.split("\n")[1]).toMatch(/^ {2}! service web: .* Fix: .* \[service-network\]$/);
    expect(text.indexOf("! service web")).toBeLessThan(text.indexOf("Clusters"));
    expect(JSON.parse(renderPlanJson(plan)).errors).toHaveLength(1);
  });

  it("says so when there is nothing to do, and the JSON carries every call", () => {
    expect(renderPlanText(planDesign(design(), appliedLive(), { designId: "d1" }))).toContain("No changes");
    const json = JSON.parse(renderPlanJson(planDesign(design(), emptyLiveState(), { designId: "d1" })));
    expect(json.steps[0].calls[0]).toEqual({ operation: "CreateCluster", input: { clusterName: "main", tags: [{ key: "stevedore:design", value: "d1" }, { key: "stevedore:id", value: "cl-main" }] } });
  });
});

describe("the plan's cost", () => {
  const task = 0.25 * 0.04048 + 0.5 * 0.004445; // us-east-1 Linux x86, per hour
  const cents = (n: number) => Math.round(n * 100) / 100;

  it("is the change in monthly cost from what the account runs to the design, zero when nothing changes", () => {
    const same = planDesign(design(), appliedLive(), { designId: "d1", region: "us-east-1" });
    expect(cents(same.cost?.before ?? -1)).toBe(cents(2 * task * 730));
    expect(cents(same.cost?.change ?? -1)).toBe(0);
    expect(same.cost?.deployments).toEqual([]);
    const more = planDesign(design({ services: [{ ...design().services[0], desiredCount: 5 }] }), appliedLive(), { designId: "d1" });
    expect(cents(more.cost?.change ?? 0)).toBe(cents(3 * task * 730));
    expect(renderPlanText(more)).toMatch(/Monthly cost \(us-east-1, prices of [\d-]+\): \$18\.02\/mo → \$45\.05\/mo \(\+\$27\.03\/mo\)/);
    expect(renderPlanText(more)).toContain("assumes: 730 hours a month");
  });

  it("prices a new design from nothing, and at the scaling bounds when given", () => {
    const p = planDesign(design(), emptyLiveState(), { designId: "d1", capacity: { "svc-web": { min: 1, max: 10 } } });
    expect(cents(p.cost?.before ?? -1)).toBe(0);
    expect(cents(p.cost?.afterAtMax ?? 0)).toBe(cents(10 * task * 730));
    expect(cents(p.cost?.afterAtMin ?? 0)).toBe(cents(task * 730));
  });

  it("states each deployment's temporary extra cost: a green copy for BLUE_GREEN, maximumPercent for ROLLING", () => {
    const newImage = (strategy?: "BLUE_GREEN" | "CANARY") => design({
      taskDefinitions: [{ ...design().taskDefinitions[0], containerDefinitions: [{ name: "app", image: "nginx:1.28", essential: true, portMappings: [{ containerPort: 80 }] }] }],
      services: [{ ...design().services[0], ...(strategy ? { deploymentConfiguration: { strategy, bakeTimeInMinutes: 20 } } : {}) }],
    });
    const bg = planDesign(newImage("BLUE_GREEN"), appliedLive(), { designId: "d1" }).cost?.deployments ?? [];
    expect(bg).toHaveLength(1);
    expect(bg[0]).toMatchObject({ strategy: "BLUE_GREEN", extraTasks: 2, minutes: 30 });
    expect(bg[0].extra).toBeCloseTo(2 * task * 0.5, 6);
    expect(bg[0].text).toMatch(/^\+\$0\.01 for the ~30 minutes of a deployment \(BLUE_GREEN: a full green copy of 2 tasks beside blue/);
    const canary = planDesign(newImage("CANARY"), appliedLive(), { designId: "d1" }).cost?.deployments ?? [];
    expect(canary[0]).toMatchObject({ strategy: "CANARY", minutes: 10 + 20 + 10 });
    const rolling = planDesign(newImage(), appliedLive(), { designId: "d1" }).cost?.deployments ?? [];
    expect(rolling[0]).toMatchObject({ strategy: "ROLLING", extraTasks: 2, minutes: 10 });
  });
});
