import type { RuleFinding, TaskDefinitionRule } from "../types";
import { containersOf, cpath } from "./task-definition-util";
import { requiresFargate } from "../../ecs-facts/task-definition";

const POSITIVE_INTEGER = /^[1-9]\d*$/;

export const gpu: TaskDefinitionRule = {
  id: "gpu",
  title: "GPU requirements are whole numbers of GPUs",
  severity: "error",
  scope: "taskDefinition",
  check(td) {
    // Fargate has no GPUs at all: fargate-limits reports those requirements.
    if (requiresFargate(td)) return [];
    const out: RuleFinding[] = [];
    containersOf(td).forEach((c, i) => {
      c.resourceRequirements?.forEach((r, k) => {
        if (r.type !== "GPU" || POSITIVE_INTEGER.test(r.value)) return;
        const n = Number(r.value);
        const rounded = Number.isFinite(n) && n > 0 ? Math.ceil(n) : undefined;
        out.push({
          path: cpath(i, "resourceRequirements", k, "value"), container: c.name,
          message: `"${c.name}" asks for "${r.value}" GPUs. ECS assigns whole physical GPUs to containers, so the value must be a positive whole number.`,
          fix: rounded
            ? { description: `Ask for ${rounded} GPU${rounded > 1 ? "s" : ""}.`, edits: [{ path: cpath(i, "resourceRequirements", k, "value"), value: String(rounded) }] }
            : { description: "Set the number of GPUs, e.g. \"1\", or remove the requirement." },
        });
      });
    });
    return out;
  },
};
