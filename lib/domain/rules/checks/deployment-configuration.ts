import type { RuleFinding, ServiceRule } from "../types";
import { DEFAULT_MAXIMUM_PERCENT, DEFAULT_MINIMUM_HEALTHY_PERCENT, rollingBounds } from "../../ecs-facts/service";

export const deploymentConfiguration: ServiceRule = {
  id: "deployment-configuration",
  title: "Deployment percentages are valid and let a rolling deployment progress",
  severity: "error",
  scope: "service",
  check(service) {
    const out: RuleFinding[] = [];
    const cfg = service.deploymentConfiguration;
    const controller = service.deploymentController?.type ?? "ECS";
    const at = ["deploymentConfiguration"];
    const min = cfg?.minimumHealthyPercent;
    const max = cfg?.maximumPercent;

    if (min !== undefined && (min < 0 || min > 100)) {
      const value = Math.max(0, Math.min(min, 100));
      out.push({
        path: [...at, "minimumHealthyPercent"],
        message: `minimumHealthyPercent is the share of desired tasks that must stay running during a deployment, between 0 and 100; ${min} is not valid.`,
        fix: { description: `Set minimumHealthyPercent to ${value}.`, edits: [{ path: [...at, "minimumHealthyPercent"], value }] },
      });
    }
    if (max !== undefined && max < 100) {
      out.push({
        path: [...at, "maximumPercent"],
        message: `maximumPercent caps running tasks during a deployment as a share of the desired count, and must be at least 100 (the desired count itself); ${max} is not valid.`,
        fix: { description: `Set maximumPercent to ${DEFAULT_MAXIMUM_PERCENT} (the default).`, edits: [{ path: [...at, "maximumPercent"], value: DEFAULT_MAXIMUM_PERCENT }] },
      });
    }
    if (min !== undefined && max !== undefined && max < min && max >= 100) {
      out.push({
        path: [...at, "maximumPercent"],
        message: `maximumPercent (${max}) is below minimumHealthyPercent (${min}): the upper bound on running tasks cannot be lower than the lower bound.`,
        fix: { description: `Raise maximumPercent to at least ${min}.`, edits: [{ path: [...at, "maximumPercent"], value: Math.max(min, DEFAULT_MAXIMUM_PERCENT) }] },
      });
    }

    if (cfg?.deploymentCircuitBreaker && controller !== "ECS") {
      out.push({
        path: [...at, "deploymentCircuitBreaker"],
        message: `The deployment circuit breaker watches rolling deployments run by ECS itself; with the ${controller} deployment controller ECS does not run the deployment, so the circuit breaker cannot be used.`,
        fix: {
          description: "Remove deploymentCircuitBreaker (or use the ECS deployment controller).",
          edits: [{ path: [...at, "deploymentCircuitBreaker"], value: undefined }],
        },
      });
    }

    // Can a rolling deployment make progress? Only meaningful for REPLICA services under the ECS controller.
    const n = service.desiredCount;
    const replica = (service.schedulingStrategy ?? "REPLICA") === "REPLICA";
    if (controller === "ECS" && replica && n !== undefined && n > 0 && out.length === 0) {
      const minPct = min ?? DEFAULT_MINIMUM_HEALTHY_PERCENT;
      const maxPct = max ?? DEFAULT_MAXIMUM_PERCENT;
      const { upper, lower } = rollingBounds(n, minPct, maxPct);
      if (minPct > 0 && upper <= lower) {
        const neededMax = Math.ceil(((n + 1) * 100) / n);
        out.push({
          severity: "warning",
          path: [...at, max === undefined ? "minimumHealthyPercent" : "maximumPercent"],
          message: `With desiredCount ${n}, ECS may run at most floor(${n} × ${maxPct}%) = ${upper} ${upper === 1 ? "task" : "tasks"} and must keep at least ceil(${n} × ${minPct}%) = ${lower} running during a deployment. Since ${upper} ≤ ${lower} it can neither start a new task nor stop an old one, so every deployment after the first stalls.`,
          fix: {
            description: `Raise maximumPercent to ${neededMax} (one extra task may start), or lower minimumHealthyPercent so ECS may stop an old task first.`,
            edits: [{ path: [...at, "maximumPercent"], value: neededMax }],
          },
        });
      }
    }
    return out;
  },
};
