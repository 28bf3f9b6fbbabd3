import { clusterNameOf, familyOf } from "../../design";
import type { DesignRule, Finding, Fix, PathSegment } from "../types";
import { isArn } from "./service-util";

export const serviceReferences: DesignRule = {
  id: "service-references",
  title: "Services reference a cluster and a task definition of the design",
  severity: "error",
  scope: "design",
  check({ design, clusterByName, tdByFamily }) {
    const out: Finding[] = [];
    if (design.services.length === 0) return out;
    const clusterNames = [...clusterByName.keys()];
    const families = [...tdByFamily.keys()];
    const clusterLower = lowerMap(clusterNames);
    const familyLower = lowerMap(families);

    design.services.forEach((s, i) => {
      const resource = { kind: "service" as const, id: s.id, name: s.serviceName };
      const clusterName = clusterNameOf(s.cluster);
      if (!clusterByName.has(clusterName)) {
        const path = ["services", i, "cluster"];
        out.push(isArn(s.cluster)
          ? {
            ruleId: "service-references", severity: "info", resource, path,
            message: `Cluster ${clusterName} is outside this design (referenced by ARN), so its capacity providers and instances cannot be checked here.`,
          }
          : {
            ruleId: "service-references", severity: "error", resource, path,
            message: s.cluster === ""
              ? "The service is in no cluster: every ECS service belongs to one. Put it in a cluster."
              : `The design has no cluster named "${s.cluster}", so ECS would look for it in the account and fail with "ClusterNotFoundException: Cluster not found." unless it already exists.`,
            fix: suggest("cluster", s.cluster, clusterNames, clusterLower, path),
          });
      }
      const family = familyOf(s.taskDefinition);
      if (!tdByFamily.has(family)) {
        const path = ["services", i, "taskDefinition"];
        out.push(isArn(s.taskDefinition)
          ? {
            ruleId: "service-references", severity: "info", resource, path,
            message: `Task definition ${family} is outside this design (referenced by ARN), so the service's ports, network mode and compatibilities cannot be checked against it.`,
          }
          : {
            ruleId: "service-references", severity: "error", resource, path,
            message: family === ""
              ? "The service runs no task definition yet: ECS needs one to know what to start (\"Unable to describe task definition.\"). Connect the service to a task definition."
              : `The design has no task definition with family "${family}"; ECS would fail to create the service ("Unable to describe task definition.") unless that family is already registered.`,
            fix: suggest("task definition family", s.taskDefinition, families, familyLower, path),
          });
      }
    });
    return out;
  },
};

function lowerMap(names: string[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const n of names) if (!map.has(n.toLowerCase())) map.set(n.toLowerCase(), n);
  return map;
}

function suggest(what: string, ref: string, names: string[], lower: Map<string, string>, path: PathSegment[]): Fix {
  const match = lower.get(ref.toLowerCase()) ?? (names.length === 1 ? names[0] : undefined);
  if (match) return { description: `Use ${what} "${match}".`, edits: [{ path, value: match }] };
  if (names.length === 0) return { description: `Add a ${what.replace(" family", "")} named "${ref}" to the design, or reference an existing one by ARN.` };
  const shown = names.slice(0, 5).map((n) => `"${n}"`).join(", ");
  return { description: `Use one of the design's ${what === "cluster" ? "clusters" : "task definition families"} (${shown}${names.length > 5 ? ", …" : ""}), or add "${ref}" to the design.` };
}
