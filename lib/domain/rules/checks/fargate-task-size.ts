import type { TaskDefinitionRule } from "../types";
import { parseTaskCpu, parseTaskMemory } from "../../ecs-facts/task-size";
import { FARGATE_TASK_SIZES, nearestFargateMemory } from "../../ecs-facts/fargate";
import { requiresFargate } from "../../ecs-facts/task-definition";

export const fargateTaskSize: TaskDefinitionRule = {
  id: "fargate-task-size",
  title: "Fargate needs a valid task cpu and memory pair",
  severity: "error",
  scope: "taskDefinition",
  check(td) {
    if (!requiresFargate(td)) return [];
    const cpu = parseTaskCpu(td.cpu);
    const memory = parseTaskMemory(td.memory);
    if (td.cpu === undefined) {
      return [{
        path: ["cpu"],
        message: "Fargate sizes the task, not the containers: a task definition for FARGATE must set task-level cpu.",
        fix: { description: 'Set cpu to "256" (0.25 vCPU), the smallest Fargate size.', edits: [{ path: ["cpu"], value: "256" }] },
      }];
    }
    if (cpu === undefined || !(cpu in FARGATE_TASK_SIZES)) {
      return [{
        path: ["cpu"],
        message: `Fargate accepts task cpu ${Object.keys(FARGATE_TASK_SIZES).join(", ")} (units); "${td.cpu}" is not one of them. ECS answers "Invalid 'cpu' setting for task."`,
        fix: { description: "Choose one of the Fargate cpu sizes." },
      }];
    }
    if (td.memory === undefined) {
      const value = String(FARGATE_TASK_SIZES[cpu][0]);
      return [{
        path: ["memory"],
        message: "Fargate needs task-level memory as well as cpu.",
        fix: { description: `Set memory to "${value}" MiB, the smallest that fits cpu ${cpu}.`, edits: [{ path: ["memory"], value }] },
      }];
    }
    if (memory === undefined || !FARGATE_TASK_SIZES[cpu].includes(memory)) {
      const nearest = nearestFargateMemory(cpu, memory ?? 0);
      return [{
        path: ["memory"],
        message: `With cpu ${cpu}, Fargate accepts memory ${describeRange(FARGATE_TASK_SIZES[cpu])} MiB; "${td.memory}" is not valid, so ECS rejects the task definition ("Invalid 'cpu' setting for task.").`,
        fix: {
          description: `Use memory "${nearest}", the nearest valid size for cpu ${cpu}.`,
          edits: [{ path: ["memory"], value: String(nearest) }],
        },
      }];
    }
    return [];
  },
};

function describeRange(values: readonly number[]): string {
  if (values.length <= 3) return values.join(", ");
  return `${values[0]} to ${values[values.length - 1]} in steps of ${values[1] - values[0]}`;
}
