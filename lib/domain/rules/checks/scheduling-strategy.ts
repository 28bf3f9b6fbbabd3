import type { RuleFinding, ServiceRule } from "../types";
import { describeLaunch, launchOf, nonEmpty } from "./service-util";

export const schedulingStrategy: ServiceRule = {
  id: "scheduling-strategy",
  title: "DAEMON services run on EC2 without a desired count; REPLICA services have one",
  severity: "error",
  scope: "service",
  check(service, { cluster }) {
    const out: RuleFinding[] = [];
    if (service.schedulingStrategy === "DAEMON") {
      const launch = launchOf(service, cluster);
      if (launch?.kind === "FARGATE") {
        out.push({
          path: ["schedulingStrategy"],
          message: `A DAEMON service runs one task on every container instance, and Fargate has no instances: Fargate tasks don't support the DAEMON scheduling strategy. This service runs on ${describeLaunch(launch)}.`,
          fix: { description: "Use the REPLICA scheduling strategy with a desired count, or run the service on EC2.", edits: [{ path: ["schedulingStrategy"], value: "REPLICA" }] },
        });
      }
      const controller = service.deploymentController?.type;
      if (controller === "CODE_DEPLOY" || controller === "EXTERNAL") {
        out.push({
          path: ["deploymentController", "type"],
          message: `The ${controller} deployment controller only supports the REPLICA scheduling strategy, not DAEMON.`,
          fix: { description: "Use the ECS deployment controller for a DAEMON service.", edits: [{ path: ["deploymentController"], value: { type: "ECS" } }] },
        });
      }
      if (service.desiredCount !== undefined) {
        out.push({
          path: ["desiredCount"],
          message: "A DAEMON service runs exactly one task per container instance, so ECS decides the count; the daemon scheduling strategy does not take a desiredCount.",
          fix: { description: "Remove desiredCount.", edits: [{ path: ["desiredCount"], value: undefined }] },
        });
      }
      if (nonEmpty(service.placementStrategy)) {
        out.push({
          path: ["placementStrategy"],
          message: "A DAEMON service places one task on every instance, so there is nothing for a placement strategy to choose; the daemon scheduling strategy does not support placement strategies.",
          fix: { description: "Remove placementStrategy (placement constraints still select which instances get a task).", edits: [{ path: ["placementStrategy"], value: undefined }] },
        });
      }
      return out;
    }

    const n = service.desiredCount;
    if (n === undefined) {
      out.push({
        path: ["desiredCount"],
        message: "A REPLICA service keeps desiredCount tasks running; CreateService requires desiredCount unless the scheduling strategy is DAEMON.",
        fix: { description: "Set desiredCount to the number of tasks to keep running.", edits: [{ path: ["desiredCount"], value: 1 }] },
      });
    } else if (n < 0) {
      out.push({
        path: ["desiredCount"],
        message: `desiredCount is a number of tasks and cannot be negative (${n}).`,
        fix: { description: "Set desiredCount to 0 or more.", edits: [{ path: ["desiredCount"], value: 0 }] },
      });
    } else if (n === 0) {
      out.push({
        severity: "warning",
        path: ["desiredCount"],
        message: "desiredCount is 0, so ECS creates the service but runs no tasks: nothing will serve traffic or process work until it is scaled up.",
        fix: { description: "Set desiredCount to at least 1 (2 or more spreads tasks across Availability Zones).", edits: [{ path: ["desiredCount"], value: 1 }] },
      });
    }
    return out;
  },
};
