import type { Design } from "../design";
import { familyOf } from "../design";
import { ECS_NAME_PATTERN } from "../ecs-facts/names";
import { CAPACITY_PROVIDER_RESERVED_PREFIX } from "../ecs-facts/service";
import { renameProviderRefs } from "./capacity-providers";
import { moveLayoutKey } from "./layout";
import { mapShared } from "./paths";
import { renameContainerRefs, renameServiceContainerRefs, replaceClusterName, replaceFamily } from "./references";
import { containerNodeId, resolveNode } from "./resolve";
import { fail, type EditResult } from "./result";
import { rewriteForwardRefs, rewriteListenerRuleRefs } from "./load-balancers";
import { rewriteTargetGroupRefs, targetGroupRef } from "./target-groups";
import { renameScheduledTask, renameScheduleRefs } from "./scheduled-tasks";

const replaceAt = <T>(list: T[], i: number, value: T): T[] => list.map((x, j) => (j === i ? value : x));

/**
 * Renames the resource behind a node and every reference to it, so that a rename never breaks
 * the design: services and schedules follow cluster and family renames, sibling containers and load balancers
 * follow container renames, and the container's layout key moves with it.
 */
export function rename(design: Design, nodeId: string, rawName: string): EditResult {
  const name = rawName.trim();
  const r = resolveNode(design, nodeId);
  if (!r) return fail("Nothing to rename.");
  if (r.kind === "scheduledTask") return renameScheduledTask(design, r.index, name);
  if (!ECS_NAME_PATTERN.test(name)) return fail("Use 1–255 letters, digits, hyphens and underscores.");
  switch (r.kind) {
    case "cluster": {
      const from = r.cluster.clusterName;
      if (from === name) return { ok: true, design, id: nodeId };
      if (design.clusters.some((c) => c.clusterName === name)) return fail(`A cluster named ${name} already exists.`);
      return {
        ok: true, id: nodeId,
        design: {
          ...design,
          clusters: replaceAt(design.clusters, r.index, { ...r.cluster, clusterName: name }),
          services: mapShared(design.services, (s) => {
            const cluster = replaceClusterName(s.cluster, from, name);
            return cluster === s.cluster ? s : { ...s, cluster };
          }),
          ...withSchedules(renameScheduleRefs(design.scheduledTasks, "cluster", from, name)),
        },
      };
    }
    case "taskDefinition": {
      const from = r.taskDefinition.family;
      if (from === name) return { ok: true, design, id: nodeId };
      if (design.taskDefinitions.some((t) => t.family === name)) return fail(`A task definition family ${name} already exists.`);
      return {
        ok: true, id: nodeId,
        design: {
          ...design,
          taskDefinitions: replaceAt(design.taskDefinitions, r.index, { ...r.taskDefinition, family: name }),
          services: mapShared(design.services, (s) => {
            const taskDefinition = replaceFamily(s.taskDefinition, from, name);
            return taskDefinition === s.taskDefinition ? s : { ...s, taskDefinition };
          }),
          ...withSchedules(renameScheduleRefs(design.scheduledTasks, "taskDefinition", from, name)),
        },
      };
    }
    case "container": {
      const td = r.taskDefinition;
      const from = r.container.name;
      if (from === name) return { ok: true, design, id: nodeId };
      if (td.containerDefinitions.some((c) => c.name === name)) return fail(`${td.family} already has a container named ${name}.`);
      const containers = td.containerDefinitions.map((c, i) => (i === r.index ? { ...c, name } : renameContainerRefs(c, from, name)));
      const id = containerNodeId(td.id, name);
      return {
        ok: true, id,
        design: {
          ...design,
          taskDefinitions: replaceAt(design.taskDefinitions, r.tdIndex, { ...td, containerDefinitions: containers }),
          services: mapShared(design.services, (s) => (familyOf(s.taskDefinition) === td.family ? renameServiceContainerRefs(s, from, name) : s)),
          layout: moveLayoutKey(design.layout, nodeId, id),
        },
      };
    }
    case "service": {
      if (r.service.serviceName === name) return { ok: true, design, id: nodeId };
      if (design.services.some((s) => s.serviceName === name && s.cluster === r.service.cluster)) {
        return fail(`Cluster ${r.service.cluster || "(none)"} already has a service named ${name}.`);
      }
      return { ok: true, id: nodeId, design: { ...design, services: replaceAt(design.services, r.index, { ...r.service, serviceName: name }) } };
    }
    case "targetGroup": {
      const groups = design.targetGroups ?? [];
      if (r.targetGroup.name === name) return { ok: true, design, id: nodeId };
      if (groups.some((g) => g.name === name)) return fail(`A target group named ${name} already exists.`);
      const next = { ...r.targetGroup, name };
      return { ok: true, id: nodeId, design: repointGroup({ ...design, targetGroups: replaceAt(groups, r.index, next) }, targetGroupRef(r.targetGroup), targetGroupRef(next)) };
    }
    case "loadBalancer": {
      const lbs = design.loadBalancers ?? [];
      const from = r.loadBalancer.name;
      if (from === name) return { ok: true, design, id: nodeId };
      if (lbs.some((l) => l.name === name)) return fail(`A load balancer named ${name} already exists.`);
      return {
        ok: true, id: nodeId,
        design: { ...design, loadBalancers: replaceAt(lbs, r.index, { ...r.loadBalancer, name }), services: rewriteListenerRuleRefs(design.services, from, name) },
      };
    }
    case "capacityProvider": {
      const list = design.capacityProviders ?? [];
      const from = r.capacityProvider.name;
      if (from === name) return { ok: true, design, id: nodeId };
      if (CAPACITY_PROVIDER_RESERVED_PREFIX.test(name)) return fail("A capacity provider's name cannot begin with aws, ecs or fargate.");
      if (list.some((p) => p.name === name)) return fail(`A capacity provider named ${name} already exists.`);
      return { ok: true, id: nodeId, design: renameProviderRefs({ ...design, capacityProviders: replaceAt(list, r.index, { ...r.capacityProvider, name }) }, from, name) };
    }
  }
}

const withSchedules = (scheduledTasks: Design["scheduledTasks"]) => (scheduledTasks ? { scheduledTasks } : {});

/** Sets (or clears) a target group's ARN and repoints the services that use it. */
export function setTargetGroupArn(design: Design, id: string, arn: string | undefined): EditResult {
  const groups = design.targetGroups ?? [];
  const i = groups.findIndex((g) => g.id === id);
  if (i < 0) return fail("That target group is not in the design.");
  const next = { ...groups[i], targetGroupArn: arn?.trim() || undefined };
  if (next.targetGroupArn === undefined) delete next.targetGroupArn;
  return { ok: true, id, design: repointGroup({ ...design, targetGroups: replaceAt(groups, i, next) }, targetGroupRef(groups[i]), targetGroupRef(next)) };
}

/** Services and load balancer forwards follow a target group's new ref. */
function repointGroup(design: Design, from: string, to: string): Design {
  const loadBalancers = rewriteForwardRefs(design.loadBalancers, from, to);
  return { ...design, services: rewriteTargetGroupRefs(design.services, from, to), ...(loadBalancers ? { loadBalancers } : {}) };
}
