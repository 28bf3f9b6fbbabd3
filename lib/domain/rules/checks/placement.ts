import type { RuleFinding, ServiceRule } from "../types";
import { BINPACK_FIELDS, MAX_PLACEMENT_CONSTRAINTS, MAX_PLACEMENT_STRATEGIES } from "../../ecs-facts/service";
import { launchOf, nonEmpty } from "./service-util";

const SPREAD_FIELD = /^(instanceId|host|attribute:.+)$/;

export const placement: ServiceRule = {
  id: "placement",
  title: "Placement constraints and strategies are well-formed and used only on EC2",
  severity: "error",
  scope: "service",
  check(service, { taskDefinition: td, cluster }) {
    const out: RuleFinding[] = [];
    const constraints = service.placementConstraints ?? [];
    const strategies = service.placementStrategy ?? [];
    if (launchOf(service, cluster)?.kind === "FARGATE") {
      if (nonEmpty(constraints)) {
        out.push({
          path: ["placementConstraints"],
          message: "Placement constraints choose among container instances, and Fargate tasks do not run on instances you manage: Fargate does not support task placement constraints.",
          fix: { description: "Remove placementConstraints (Fargate spreads tasks across the Availability Zones of the subnets).", edits: [{ path: ["placementConstraints"], value: undefined }] },
        });
      }
      if (nonEmpty(strategies)) {
        out.push({
          path: ["placementStrategy"],
          message: "Placement strategies choose among container instances; Fargate places tasks itself (spread across Availability Zones), so it does not support placement strategies.",
          fix: { description: "Remove placementStrategy.", edits: [{ path: ["placementStrategy"], value: undefined }] },
        });
      }
      return out;
    }

    const tdConstraints = td?.placementConstraints?.length ?? 0;
    if (constraints.length + tdConstraints > MAX_PLACEMENT_CONSTRAINTS) {
      out.push({
        path: ["placementConstraints"],
        message: `ECS allows at most ${MAX_PLACEMENT_CONSTRAINTS} placement constraints per task, counting the task definition's (${tdConstraints}) and the service's (${constraints.length}).`,
        fix: { description: "Combine memberOf expressions with `and` to use fewer constraints." },
      });
    }
    if (strategies.length > MAX_PLACEMENT_STRATEGIES) {
      out.push({
        path: ["placementStrategy"],
        message: `A service can have at most ${MAX_PLACEMENT_STRATEGIES} placement strategy rules; this one has ${strategies.length}.`,
        fix: { description: `Keep the first ${MAX_PLACEMENT_STRATEGIES} (they apply in order).`, edits: [{ path: ["placementStrategy"], value: strategies.slice(0, MAX_PLACEMENT_STRATEGIES) }] },
      });
    }

    strategies.forEach((s, i) => {
      const at = ["placementStrategy", i, "field"];
      if (s.type === "binpack" && !(BINPACK_FIELDS as readonly string[]).includes(s.field ?? "")) {
        const lower = s.field?.toLowerCase();
        const value = lower === "cpu" ? "cpu" : "memory";
        out.push({
          path: at,
          message: `binpack packs tasks by the instance resource named in field, which must be cpu or memory; ${s.field === undefined ? "it is missing" : `"${s.field}" is not one of them`}.`,
          fix: { description: `Set field to "${value}".`, edits: [{ path: at, value }] },
        });
      } else if (s.type === "spread" && !SPREAD_FIELD.test(s.field ?? "")) {
        out.push({
          path: at,
          message: `spread distributes tasks evenly over the values of field: instanceId (or host) or an attribute such as attribute:ecs.availability-zone; ${s.field === undefined ? "it is missing" : `"${s.field}" is neither`}.`,
          fix: { description: 'Set field to "attribute:ecs.availability-zone" to spread across Availability Zones.', edits: [{ path: at, value: "attribute:ecs.availability-zone" }] },
        });
      } else if (s.type === "random" && s.field !== undefined) {
        out.push({
          path: at,
          message: "random places tasks on any instance that fits and takes no field.",
          fix: { description: "Remove field.", edits: [{ path: at, value: undefined }] },
        });
      }
    });

    constraints.forEach((c, i) => {
      const at = ["placementConstraints", i, "expression"];
      if (c.type === "memberOf" && !c.expression?.trim()) {
        out.push({
          path: at,
          message: "A memberOf constraint keeps tasks on instances matching its cluster query language expression (e.g. attribute:ecs.instance-type =~ t3.*); without an expression it selects nothing.",
          fix: { description: "Write the expression that selects the instances, or remove the constraint." },
        });
      } else if (c.type === "distinctInstance" && c.expression !== undefined) {
        out.push({
          path: at,
          message: "distinctInstance places each task on a different instance and takes no expression.",
          fix: { description: "Remove expression.", edits: [{ path: at, value: undefined }] },
        });
      }
    });
    return out;
  },
};
