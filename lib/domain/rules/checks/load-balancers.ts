import type { Service, TaskDefinition } from "../../design";
import type { RuleFinding, ServiceRule } from "../types";
import { MAX_HEALTH_CHECK_GRACE_PERIOD, MAX_LOAD_BALANCERS } from "../../ecs-facts/service";
import { nonEmpty } from "./service-util";

export const loadBalancers: ServiceRule = {
  id: "load-balancers",
  title: "Load balancers name a container port the task definition maps",
  severity: "error",
  scope: "service",
  check(service, { taskDefinition: td }) {
    const out: RuleFinding[] = [];
    const lbs = service.loadBalancers ?? [];
    if (lbs.length > MAX_LOAD_BALANCERS) {
      out.push({
        path: ["loadBalancers"],
        message: `A service can be registered with at most ${MAX_LOAD_BALANCERS} target groups; this one lists ${lbs.length}.`,
        fix: { description: `Keep ${MAX_LOAD_BALANCERS} load balancers (route more paths through listener rules of one load balancer instead).` },
      });
    }
    lbs.forEach((lb, i) => {
      const at = ["loadBalancers", i];
      if (!lb.targetGroupArn && !lb.loadBalancerName) {
        out.push({
          path: [...at, "targetGroupArn"],
          message: "A load balancer entry must name the target group (targetGroupArn) that ECS registers the tasks with.",
          fix: { description: "Set targetGroupArn to the ARN of the target group." },
        });
      }
      if (!lb.containerName || lb.containerPort === undefined) {
        out.push({
          path: [...at, lb.containerName ? "containerPort" : "containerName"],
          message: "ECS registers one container port of each task with the target group, so the entry needs both containerName and containerPort.",
          fix: { description: "Set containerName and containerPort to a container and port mapped in the task definition." },
        });
        return;
      }
      if (!td) return;
      const container = td.containerDefinitions.find((c) => c.name === lb.containerName);
      if (!container) {
        const withPorts = td.containerDefinitions.filter((c) => nonEmpty(c.portMappings));
        out.push({
          path: [...at, "containerName"],
          message: `Task definition ${td.family} has no container named "${lb.containerName}", so ECS has nothing to register with the target group ("The container ${lb.containerName} does not exist in the task definition.").`,
          fix: withPorts.length === 1
            ? { description: `Use container "${withPorts[0].name}".`, edits: [{ path: [...at, "containerName"], value: withPorts[0].name }] }
            : { description: `Use one of the task definition's containers: ${td.containerDefinitions.map((c) => c.name).join(", ")}.` },
        });
        return;
      }
      const ports = (container.portMappings ?? []).map((p) => p.containerPort).filter((p): p is number => p !== undefined);
      if (!ports.includes(lb.containerPort)) {
        out.push({
          path: [...at, "containerPort"],
          message: `Container "${container.name}" does not map port ${lb.containerPort}, so the load balancer would send traffic to a port nothing listens on; ECS answers "The container ${container.name} did not have a container port ${lb.containerPort} defined."`,
          fix: ports.length === 0
            ? { description: `Add a portMapping for containerPort ${lb.containerPort} to container "${container.name}".` }
            : {
              description: `Use a mapped port (${ports.join(", ")}), or add a portMapping for ${lb.containerPort} to container "${container.name}".`,
              edits: [{ path: [...at, "containerPort"], value: ports[0] }],
            },
        });
      }
    });

    const grace = service.healthCheckGracePeriodSeconds;
    if (grace !== undefined) {
      if (grace < 0 || grace > MAX_HEALTH_CHECK_GRACE_PERIOD) {
        out.push({
          path: ["healthCheckGracePeriodSeconds"],
          message: `healthCheckGracePeriodSeconds must be between 0 and ${MAX_HEALTH_CHECK_GRACE_PERIOD}; ${grace} is rejected.`,
          fix: { description: "Set it to how long the tasks take to start answering health checks.", edits: [{ path: ["healthCheckGracePeriodSeconds"], value: Math.max(0, Math.min(grace, MAX_HEALTH_CHECK_GRACE_PERIOD)) }] },
        });
      } else if (lbs.length === 0 && !hasOtherHealthCheck(service, td)) {
        out.push({
          severity: "warning",
          path: ["healthCheckGracePeriodSeconds"],
          message: "The grace period only delays Elastic Load Balancing, VPC Lattice and container health checks; this service has none of them, so ECS ignores it.",
          fix: {
            description: "Remove healthCheckGracePeriodSeconds, or add a load balancer or a container healthCheck (whose startPeriod also covers slow starts).",
            edits: [{ path: ["healthCheckGracePeriodSeconds"], value: undefined }],
          },
        });
      }
    }
    return out;
  },
};

function hasOtherHealthCheck(service: Service, td: TaskDefinition | undefined): boolean {
  const lattice = service["vpcLatticeConfigurations"];
  if (Array.isArray(lattice) && lattice.length > 0) return true;
  // A task definition outside the design may well have container health checks.
  if (!td) return true;
  return td.containerDefinitions.some((c) => c.healthCheck !== undefined);
}
