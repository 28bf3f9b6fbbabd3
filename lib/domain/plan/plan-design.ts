import type { Service as EcsService } from "@aws-sdk/client-ecs";
import { clusterNameOf, type Design } from "../design";
import { validateDesign } from "../rules";
import { planAutoScaling, scalingDelete } from "./plan-auto-scaling";
import { planCluster, planClusterStrategy } from "./plan-cluster";
import { capacityProviderDeletes, planCapacityProvider, scopedProviders } from "./plan-capacity-provider";
import { planCost } from "./plan-cost";
import {
  liveRefs, loadBalancerDeletes, planListeners, planLoadBalancer, planTargetGroup, targetGroupDeletes,
} from "./plan-elbv2";
import { deleteCall, findLiveService, planService, serviceKey } from "./plan-service";
import { planTaskDefinition } from "./plan-task-definition";
import { planScheduledTask, planScheduleGroups, scheduledTaskDeletes } from "./plan-scheduled-task";
import { tagValue } from "./tags";
import { DESIGN_TAG, RESOURCE_TAG, type EcsCall, type LiveState, type Plan, type PlanAction, type PlanOptions, type PlanStep } from "./types";

/**
 * The changes that bring an account to a design, like a CDK diff: pure, from copies of both
 * sides, each step tagged with its impact. Steps come in the order apply must run them:
 * clusters, then task definitions (services name their revisions), then target groups, load
 * balancers and their listeners (ECS attaches a service only to a target group a listener
 * forwards to), then services, then their auto scaling, then deletes: the scaling of deleted
 * services, services, listeners, load balancers, target groups,
 * task definition families, and last clusters (ECS deletes a cluster only once its services and
 * tasks are gone). Scheduled tasks (EventBridge Scheduler schedules) come after services and
 * their scaling, and their deletes first among the deletes. Deletes touch only resources tagged
 * stevedore:design=<designId> (a schedule: one in a schedule group so tagged).
 * The plan carries the validator's errors, so that whoever applies it is told first.
 */
export function planDesign(design: Design, live: LiveState, opts: PlanOptions): Plan {
  const { designId } = opts;
  // Auto Scaling group providers before the clusters that name them; Managed Instances ones in their cluster, after it.
  const providers = (design.capacityProviders ?? []).map((cp) => ({ cp, step: planCapacityProvider(cp, live, designId) }));
  const asgProviders = providers.filter((p) => !p.cp.managedInstancesProvider).map((p) => p.step);
  const miProviders = providers.filter((p) => p.cp.managedInstancesProvider).map((p) => p.step);
  const clusters = design.clusters.map((c) => planCluster(c, live, designId, scopedProviders(design, c.clusterName)));
  // A default strategy naming a Managed Instances provider the plan creates is set once the provider is in its cluster.
  const strategies = design.clusters.flatMap((c) => planClusterStrategy(c, live, scopedProviders(design, c.clusterName)) ?? []);
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
  const targetGroups = (design.targetGroups ?? []).map((tg) => planTargetGroup(tg, design, live, designId));
  const lbPlans = (design.loadBalancers ?? []).map((lb) => ({ lb, ...planLoadBalancer(lb, live, designId) }));
  const replaced = new Set([...targetGroups, ...lbPlans.map((p) => p.step)].filter((s) => s.action === "replace" && s.calls.length > 0).map((s) => s.key));
  const refs = liveRefs(design, live, replaced);
  const listeners = lbPlans.map((p) => planListeners(p.lb, p.fresh, live, designId, refs));
  const services = design.services.map((s) => planService(s, { design, live, designId, taskDefinitionRefs, renamedFrom: renamedFrom.get(s.id), refs }));
  const scaling = design.services.flatMap((s) => planAutoScaling(s, { design, live, designId, refs }) ?? []);
  // Scheduled tasks after the clusters and task definitions their schedules name; their deletes before those of families and clusters.
  const scheduleInput = { design, live, designId, taskDefinitionRefs };
  const schedules = [...planScheduleGroups(scheduleInput), ...(design.scheduledTasks ?? []).map((t) => planScheduledTask(t, scheduleInput))];
  const dropped = leftovers.filter((s) => ![...renamedFrom.values()].includes(s));
  const scalingDeletes = [...dropped, ...renamedFrom.values()].flatMap((s) => scalingDelete(s, live) ?? []);
  const deletes: PlanStep[] = dropped.map((s) => {
    const key = serviceKey({ cluster: s.clusterArn ?? "", serviceName: s.serviceName ?? "" });
    return {
      key: `service:${key}`, kind: "service", name: key, action: "delete", changes: [], calls: [deleteCall(s)],
      notes: [ownedNote(designId)],
    };
  });
  const providerDeletes = capacityProviderDeletes(design, live, designId);
  const isManaged = (s: PlanStep) => live.ownedCapacityProviders?.[s.name]?.type === "MANAGED_INSTANCES";
  const steps = [...asgProviders, ...clusters, ...miProviders, ...strategies, ...tdPlans.map((t) => t.step), ...targetGroups, ...lbPlans.map((p) => p.step), ...listeners.flatMap((l) => l.steps),
    ...services, ...scaling, ...schedules, ...scheduledTaskDeletes(scheduleInput), ...scalingDeletes, ...deletes, ...listeners.flatMap((l) => l.deletes), ...loadBalancerDeletes(design, live, designId), ...targetGroupDeletes(design, live, designId),
    ...familyDeletes(design, live, designId), ...providerDeletes.filter(isManaged), ...clusterDeletes(design, live, designId),
    ...providerDeletes.filter((s) => !isManaged(s))];
  const errors = validateDesign(design).filter((f) => f.severity === "error");
  const cost = planCost(design, live, steps, { ...(opts.region ? { region: opts.region } : {}), ...(opts.capacity ? { capacity: opts.capacity } : {}), ...(opts.priceTable ? { table: opts.priceTable } : {}), ...(opts.instancesFor ? { instancesFor: opts.instancesFor } : {}) });
  return { designId, steps, summary: summarise(steps), empty: steps.every((s) => s.calls.length === 0), errors, cost };
}

const ownedNote = (designId: string) => `created by this design (tag ${DESIGN_TAG}=${designId}) and no longer in it`;

/** Families the design created and dropped: every ACTIVE revision is deregistered. */
function familyDeletes(design: Design, live: LiveState, designId: string): PlanStep[] {
  const kept = new Set(design.taskDefinitions.map((td) => td.family));
  return Object.entries(live.ownedFamilies ?? {})
    .filter(([family, f]) => !kept.has(family) && tagValue(f.tags, DESIGN_TAG) === designId && f.revisionArns.length > 0)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([family, f]) => ({
      key: `task-definition:${family}`, kind: "task-definition" as const, name: family, action: "delete" as const, changes: [],
      notes: [ownedNote(designId), `deregisters ${f.revisionArns.length} ACTIVE revision${f.revisionArns.length === 1 ? "" : "s"}`],
      calls: f.revisionArns.map((arn): EcsCall => ({ operation: "DeregisterTaskDefinition", input: { taskDefinition: arn } })),
    }));
}

/**
 * Clusters the design created and no longer uses, after the deletes of their owned services. A
 * cluster that still holds a service this design did not create is kept (ECS would refuse, and
 * the design does not own that service).
 */
function clusterDeletes(design: Design, live: LiveState, designId: string): PlanStep[] {
  const used = new Set([...design.clusters.map((c) => c.clusterName), ...design.services.map((s) => clusterNameOf(s.cluster))]);
  return Object.values(live.ownedClusters ?? {})
    .filter((c) => c.clusterName && !used.has(c.clusterName) && c.status === "ACTIVE" && tagValue(c.tags, DESIGN_TAG) === designId)
    .sort((a, b) => (a.clusterName ?? "").localeCompare(b.clusterName ?? ""))
    .map((c) => {
      const name = c.clusterName ?? "";
      const base = { key: `cluster:${name}`, kind: "cluster" as const, name, changes: [] };
      const foreign = live.services.filter((s) => s.status === "ACTIVE" && clusterNameOf(s.clusterArn ?? "") === name && tagValue(s.tags, DESIGN_TAG) !== designId);
      if (foreign.length > 0) {
        return { ...base, action: "no-change" as const, calls: [],
          notes: [`${ownedNote(designId)}, but kept: it still has services this design did not create (${foreign.map((s) => s.serviceName).join(", ")})`] };
      }
      return { ...base, action: "delete" as const, notes: [ownedNote(designId)], calls: [{ operation: "DeleteCluster" as const, input: { cluster: name } }] };
    });
}

export function summarise(steps: PlanStep[]): Record<PlanAction, number> {
  const summary: Record<PlanAction, number> = { create: 0, update: 0, replace: 0, delete: 0, "no-change": 0 };
  for (const s of steps) summary[s.action]++;
  return summary;
}
