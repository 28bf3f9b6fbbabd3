import { clusterNameOf } from "../../design";
import type { DesignRule, Finding, ResourceKind } from "../types";
import { ECS_NAME_PATTERN, MAX_NAME_LENGTH, toEcsName } from "../../ecs-facts/names";
import { uniqueName } from "./service-util";

const RULE = { ruleId: "design-names", severity: "error" } as const;

export const designNames: DesignRule = {
  id: "design-names",
  title: "Names are valid for ECS and unique where ECS needs them to be",
  severity: "error",
  scope: "design",
  check({ design }) {
    const out: Finding[] = [];

    // Resource ids: layout and canvas nodes point at them, so two resources must never share one.
    const allIds = new Set<string>();
    for (const r of [...design.clusters, ...design.taskDefinitions, ...design.services]) allIds.add(r.id);
    const seenIds = new Set<string>();
    const checkId = (kind: ResourceKind, list: "clusters" | "taskDefinitions" | "services", i: number, id: string, name: string) => {
      if (!seenIds.has(id)) {
        seenIds.add(id);
        return;
      }
      const value = uniqueName(id, allIds);
      allIds.add(value);
      out.push({
        ...RULE, resource: { kind, id, name }, path: [list, i, "id"],
        message: `Another resource of the design already has id "${id}"; ids identify resources on the canvas and in the layout, so a shared id makes edits land on the wrong resource.`,
        fix: { description: `Give this ${kind} the id "${value}".`, edits: [{ path: [list, i, "id"], value }] },
      });
    };

    const clusterNames = new Set(design.clusters.map((c) => c.clusterName));
    const seenClusters = new Set<string>();
    design.clusters.forEach((c, i) => {
      checkId("cluster", "clusters", i, c.id, c.clusterName);
      const resource = { kind: "cluster" as const, id: c.id, name: c.clusterName };
      if (!ECS_NAME_PATTERN.test(c.clusterName)) {
        out.push({ ...RULE, resource, path: ["clusters", i, "clusterName"], ...badName("cluster", c.clusterName, ["clusters", i, "clusterName"]) });
      } else if (seenClusters.has(c.clusterName)) {
        const value = uniqueName(c.clusterName, clusterNames);
        clusterNames.add(value);
        out.push({
          ...RULE, resource, path: ["clusters", i, "clusterName"],
          message: `Two clusters are named "${c.clusterName}". Cluster names are unique per account and Region: CreateCluster with an existing name returns that same cluster, so both designs would become one cluster.`,
          fix: { description: `Rename this cluster to "${value}" (and point its services at the new name).`, edits: [{ path: ["clusters", i, "clusterName"], value }] },
        });
      }
      seenClusters.add(c.clusterName);
    });

    const families = new Set(design.taskDefinitions.map((t) => t.family));
    const seenFamilies = new Set<string>();
    design.taskDefinitions.forEach((td, i) => {
      checkId("taskDefinition", "taskDefinitions", i, td.id, td.family);
      if (seenFamilies.has(td.family)) {
        const value = uniqueName(td.family, families);
        families.add(value);
        out.push({
          ...RULE, resource: { kind: "taskDefinition", id: td.id, name: td.family }, path: ["taskDefinitions", i, "family"],
          message: `Two task definitions use family "${td.family}". Registering a family again creates a new revision of it, so one would silently replace the other, and services referencing "${td.family}" could not tell them apart. The design holds one revision per family.`,
          fix: { description: `Rename this family to "${value}" (services referencing "${td.family}" keep using the first one).`, edits: [{ path: ["taskDefinitions", i, "family"], value }] },
        });
      }
      seenFamilies.add(td.family);
    });

    // Service names are unique within their cluster.
    const namesByCluster = new Map<string, Set<string>>();
    for (const s of design.services) {
      const key = clusterNameOf(s.cluster);
      const set = namesByCluster.get(key);
      if (set) set.add(s.serviceName);
      else namesByCluster.set(key, new Set([s.serviceName]));
    }
    const seenServices = new Set<string>();
    design.services.forEach((s, i) => {
      checkId("service", "services", i, s.id, s.serviceName);
      const resource = { kind: "service" as const, id: s.id, name: s.serviceName };
      const clusterName = clusterNameOf(s.cluster);
      const key = `${clusterName}\u0000${s.serviceName}`;
      if (!ECS_NAME_PATTERN.test(s.serviceName)) {
        out.push({ ...RULE, resource, path: ["services", i, "serviceName"], ...badName("service", s.serviceName, ["services", i, "serviceName"]) });
      } else if (seenServices.has(key)) {
        const taken = namesByCluster.get(clusterName)!;
        const value = uniqueName(s.serviceName, taken);
        taken.add(value);
        out.push({
          ...RULE, resource, path: ["services", i, "serviceName"],
          message: `Cluster ${clusterName} already has a service named "${s.serviceName}". Service names are unique within a cluster; creating a second one with other settings fails with "Creation of service was not idempotent."`,
          fix: { description: `Rename this service to "${value}".`, edits: [{ path: ["services", i, "serviceName"], value }] },
        });
      }
      seenServices.add(key);
    });
    return out;
  },
};

function badName(kind: "cluster" | "service", name: string, path: (string | number)[]) {
  const value = toEcsName(name);
  return {
    message: `A ${kind} name must be 1 to ${MAX_NAME_LENGTH} letters, digits, hyphens and underscores; ${name === "" ? "it is empty" : `"${name}" ${name.length > MAX_NAME_LENGTH ? "is too long" : "contains other characters"}`}, so ECS rejects it.`,
    fix: value
      ? { description: `Rename it to "${value}".`, edits: [{ path, value }] }
      : { description: `Give the ${kind} a name made of letters, digits, hyphens and underscores.` },
  };
}
