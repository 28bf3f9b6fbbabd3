import type { RuleFinding, ServiceRule } from "../types";
import { checkStrategy, computeOfProvider, describeLaunch, launchOf, nonEmpty } from "./service-util";

export const launchTypeCompatibility: ServiceRule = {
  id: "launch-type-compatibility",
  title: "The service's capacity matches what the task definition requires",
  severity: "error",
  scope: "service",
  check(service, { taskDefinition: td, cluster, index }) {
    const out: RuleFinding[] = [];
    const providers = index.design.capacityProviders;
    const strategy = service.capacityProviderStrategy;
    if (nonEmpty(strategy) && cluster) {
      out.push(...checkStrategy(strategy, ["capacityProviderStrategy"], cluster.capacityProviders ?? [], cluster.clusterName, providers));
    } else if (nonEmpty(strategy)) {
      // Cluster outside the design: its providers are unknown, the item limits still apply.
      out.push(...checkStrategy(strategy, ["capacityProviderStrategy"], undefined, undefined, providers));
    }

    const launch = launchOf(service, cluster, providers);
    if (!launch) return out;
    if (launch.source === "default") {
      out.push({
        severity: "info",
        path: ["launchType"],
        message: "This service sets neither launchType nor a capacity provider strategy, and its cluster has no default strategy, so ECS runs it with the EC2 launch type: it needs container instances registered in the cluster.",
        fix: { description: 'Set launchType explicitly ("EC2" or "FARGATE") to make the choice visible.' },
      });
    }
    if (!td) return out;

    const compat = td.requiresCompatibilities ?? ["EC2"];
    // A strategy may name several providers; each kind of capacity it uses must be supported.
    const kinds = launch.source === "strategy" || launch.source === "clusterDefault"
      ? [...new Set((launch.source === "strategy" ? strategy! : cluster!.defaultCapacityProviderStrategy!)
        .map((i) => computeOfProvider(i.capacityProvider, providers)))]
      : [launch.kind];
    for (const kind of kinds) {
      if (compat.includes(kind)) continue;
      const declared = td.requiresCompatibilities ? `requires ${compat.join(", ")}` : "omits requiresCompatibilities, which means EC2 only";
      const alternative = compat.find((c) => c !== kind);
      out.push({
        path: launch.source === "launchType" ? ["launchType"] : launch.source === "strategy" ? ["capacityProviderStrategy"] : ["launchType"],
        message: `This service runs on ${describeLaunch(launch)}, but task definition ${td.family} ${declared}. ECS validates the task definition against the launch type and answers "Task definition does not support launch_type ${kind}."`,
        fix: launch.source === "launchType" && alternative && alternative !== "EXTERNAL"
          ? {
            description: `Add ${kind} to the task definition's requiresCompatibilities, or run the service with launchType ${alternative}.`,
            edits: [{ path: ["launchType"], value: alternative }],
          }
          : { description: `Add ${kind} to requiresCompatibilities of task definition ${td.family} (and meet its requirements), or run the service on capacity the task definition supports.` },
      });
    }
    return out;
  },
};
