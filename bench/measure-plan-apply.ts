import { createEcsPort } from "../lib/aws";
import type { Design } from "../lib/domain/design";
import { initialState } from "../lib/sandbox/core/state";
import { listenSandbox } from "../lib/sandbox/node-server";
import { MemoryStore, Mutex } from "../lib/sandbox/store";
import { applyPlan, planAgainstAccount } from "../lib/server/plan";

export type PlanApplyRow = { metric: string; value: string; target: string; result: "pass" | "FAIL" | "info" };

// Reads are Describe… and List… calls; everything else (Create, Register, Update, Tag, …) writes.
const isRead = (op: string) => /^(Describe|List)/.test(op);

/** A realistic design of `n` Fargate services, each with its own task definition, in two clusters. */
export function serviceDesign(n: number): Design {
  const clusters = [{ id: "cl-a", clusterName: "bench-a" }, { id: "cl-b", clusterName: "bench-b" }];
  const taskDefinitions: Design["taskDefinitions"] = [];
  const services: Design["services"] = [];
  for (let i = 0; i < n; i++) {
    const family = `svc-${i}`;
    taskDefinitions.push({
      id: `td-${i}`, family, networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], cpu: "256", memory: "512",
      containerDefinitions: [{
        name: "app", image: `public.ecr.aws/nginx/nginx:1.27`, essential: true,
        portMappings: [{ containerPort: 8080 + (i % 10), protocol: "tcp" }],
        environment: [{ name: "SERVICE", value: family }],
      }],
    });
    services.push({
      id: `svc-${i}`, serviceName: family, cluster: clusters[i % 2].clusterName, taskDefinition: family, desiredCount: 2, launchType: "FARGATE",
      networkConfiguration: { awsvpcConfiguration: { subnets: ["subnet-0a1b2c3d"], securityGroups: ["sg-0123abcd"] } },
    });
  }
  return { schemaVersion: 1, clusters, taskDefinitions, services, layout: {} };
}

/**
 * ECS calls to plan and apply a design of 20 services from scratch and to re-apply it unchanged
 * (target: no writes), and the apply's wall time, against the sandbox through the real SDK over
 * HTTP. Pacing is off: it models ECS's rate limits, which would measure the limits, not our code.
 */
export async function measurePlanApply(services = 20): Promise<PlanApplyRow[]> {
  const calls: string[] = [];
  const realNow = Date.now();
  const store = new MemoryStore();
  await store.save({ ...initialState(realNow, 11), clock: { speed: 0, realAnchor: realNow, simAnchor: realNow } });
  const server = await listenSandbox({ store, mutex: new Mutex(), now: () => Date.now() }, { observe: (op) => calls.push(op) });
  const ecs = createEcsPort({ region: "us-east-1", endpoint: server.url, credentials: { accessKeyId: "bench", secretAccessKey: "bench" }, maxAttempts: 1 });
  const design = serviceDesign(services);
  const count = (from: number) => {
    const slice = calls.slice(from);
    return { reads: slice.filter(isRead).length, writes: slice.filter((op) => !isRead(op)).length };
  };
  try {
    let mark = calls.length;
    const { plan } = await planAgainstAccount(ecs, design, { designId: "bench" });
    const planCalls = count(mark);
    mark = calls.length;
    const t0 = performance.now();
    const applied = await applyPlan(ecs, plan, {});
    const applyMs = performance.now() - t0;
    if (!applied.ok) throw new Error(`apply failed at ${applied.failedStep}: ${applied.error.message}`);
    const applyCalls = count(mark);
    mark = calls.length;
    const again = await planAgainstAccount(ecs, design, { designId: "bench" });
    const reapply = await applyPlan(ecs, again.plan, {});
    if (!reapply.ok) throw new Error(`re-apply failed: ${reapply.error.message}`);
    const reCalls = count(mark);
    const changes = again.plan.steps.filter((s) => s.action !== "no-change").length;
    const label = `${services} services, ${design.taskDefinitions.length} task definitions, ${design.clusters.length} clusters`;
    return [
      { metric: `plan from scratch (${label}): ECS calls`, value: `${planCalls.reads} reads, ${planCalls.writes} writes`, target: "—", result: "info" },
      { metric: "apply from scratch: ECS calls", value: `${applyCalls.reads} reads, ${applyCalls.writes} writes`, target: "—", result: "info" },
      { metric: "apply from scratch: wall time against the sandbox (no pacing)", value: `${applyMs.toFixed(0)} ms`, target: "—", result: "info" },
      {
        metric: "re-plan + re-apply unchanged: ECS calls",
        value: `${reCalls.reads} reads, ${reCalls.writes} writes (${changes} planned changes)`,
        target: "0 writes",
        result: reCalls.writes === 0 && changes === 0 ? "pass" : "FAIL",
      },
    ];
  } finally {
    ecs.destroy();
    await server.close();
  }
}
