import type { Service as EcsService } from "@aws-sdk/client-ecs";
import { clusterNameOf, type Design } from "../design";
import { planCluster } from "./plan-cluster";
import { deleteCall, findLiveService, planService, serviceKey } from "./plan-service";
import { planTaskDefinition } from "./plan-task-definition";
import { tagValue } from "./tags";
import { DESIGN_TAG, RESOURCE_TAG, type LiveState, type Plan, type PlanAction, type PlanOptions, type PlanStep } from "./types";

/**
 * The changes that bring an account to a design, like a CDK diff: pure, from copies of both
 * sides, each step tagged with its impact. Steps come in the order apply must run them:
 * clusters, then task definitions (services name their revisions), then services, then deletes.
 */
export function planDesign(design: Design, live: LiveState, opts: PlanOptions): Plan {
  const { designId } = opts;
  const clusters = design.clusters.map((c) => planCluster(c, live, designId));
  const tdPlans = design.taskDefinitions.map((td) => planTaskDefinition(td, live, designId));
  const taskDefinitionRefs = Object.fromEntries(design.taskDefinitions.map((td, i) => [td.family, tdPlans[i].ref]));

  // Services this design created that it no longer names: renamed (same stevedore:id) or removed.
  const owned = live.services.filter((s) => s.status === "ACTIVE" && tagValue(s.tags, DESIGN_TAG) === designId);
  const named = (s: EcsService) => design.services.some((d) => d.serviceName === s.serviceName && clusterNameOf(d.cluster) === clusterNameOf(s.clusterArn ?? ""));
  const leftovers = owned.filter((s) => !named(s));
  const renamedFrom = new Map<string, EcsService>();
  for (const d of design.services) {
    if (findLiveService(live, d.cluster, d.serviceName)) continue;
    const old = leftovers.find((s) => tagValue(s.tags, RESOURCE_TAG) === d.id && ![...renamedFrom.values()].includes(s));
    if (old) renamedFrom.set(d.id, old);
  }
  const services = design.services.map((s) => planService(s, { design, live, designId, taskDefinitionRefs, renamedFrom: renamedFrom.get(s.id) }));
  const deletes: PlanStep[] = leftovers.filter((s) => ![...renamedFrom.values()].includes(s)).map((s) => {
    const key = serviceKey({ cluster: s.clusterArn ?? "", serviceName: s.serviceName ?? "" });
    return {
      key: `service:${key}`, kind: "service", name: key, action: "delete", changes: [], calls: [deleteCall(s)],
      notes: [`created by this design (tag ${DESIGN_TAG}=${designId}) and no longer in it`],
    };
  });
  const steps = [...clusters, ...tdPlans.map((t) => t.step), ...services, ...deletes];
  return { designId, steps, summary: summarise(steps), empty: steps.every((s) => s.calls.length === 0) };
}

export function summarise(steps: PlanStep[]): Record<PlanAction, number> {
  const summary: Record<PlanAction, number> = { create: 0, update: 0, replace: 0, delete: 0, "no-change": 0 };
  for (const s of steps) summary[s.action]++;
  return summary;
}
