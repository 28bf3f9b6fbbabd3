import type { RuleFinding, TaskDefinitionRule } from "../types";
import { CONTAINER_TIMEOUT_LIMITS } from "../../ecs-facts/task-definition";
import { clamp, containersOf, cpath } from "./task-definition-util";
import { requiresFargate } from "../../ecs-facts/task-definition";

const { min, fargateMax } = CONTAINER_TIMEOUT_LIMITS;

export const containerTimeouts: TaskDefinitionRule = {
  id: "container-timeouts",
  title: "Container start and stop timeouts are in range",
  severity: "error",
  scope: "taskDefinition",
  check(td) {
    const fargate = requiresFargate(td);
    const out: RuleFinding[] = [];
    containersOf(td).forEach((c, i) => {
      const stop = c.stopTimeout;
      if (stop !== undefined) {
        const path = cpath(i, "stopTimeout");
        if (stop < min || (fargate && stop > fargateMax)) {
          const value = clamp(stop, min, fargateMax);
          out.push({
            path, container: c.name,
            message: `stopTimeout of "${c.name}" is ${stop} s. It is how long ECS waits after SIGTERM before killing the container${fargate ? `; Fargate accepts ${min} to ${fargateMax} s` : `; it must be at least ${min} s`}.`,
            fix: { description: `Set stopTimeout to ${value}.`, edits: [{ path, value }] },
          });
        } else if (stop > fargateMax) {
          out.push({
            path, container: c.name, severity: "warning",
            message: `stopTimeout of "${c.name}" is ${stop} s. The EC2 container agent honours it, but this task definition could not run on Fargate (maximum ${fargateMax} s), and each deployment or scale-in may wait that long per task.`,
            fix: { description: `Lower stopTimeout to ${fargateMax} s or less if the application shuts down faster.` },
          });
        }
      }
      const start = c.startTimeout;
      if (start !== undefined && (start <= 0 || (fargate && (start < min || start > fargateMax)))) {
        const path = cpath(i, "startTimeout");
        const value = fargate ? clamp(start, min, fargateMax) : Math.max(start, min);
        out.push({
          path, container: c.name,
          message: `startTimeout of "${c.name}" is ${start} s. It is how long dependent containers wait for it to reach its dependency condition; it must be positive${fargate ? `, and Fargate accepts ${min} to ${fargateMax} s` : ""}.`,
          fix: { description: `Set startTimeout to ${value}.`, edits: [{ path, value }] },
        });
      }
    });
    return out;
  },
};
