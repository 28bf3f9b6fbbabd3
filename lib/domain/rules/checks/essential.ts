import type { TaskDefinitionRule } from "../types";
import { isEssential } from "../../ecs-facts/task-definition";
import { containersOf, cpath } from "./task-definition-util";

export const essential: TaskDefinitionRule = {
  id: "essential",
  title: "At least one container is essential",
  severity: "error",
  scope: "taskDefinition",
  check(td) {
    const containers = containersOf(td);
    if (containers.length === 0 || containers.some(isEssential)) return [];
    return [{
      path: cpath(0, "essential"),
      container: containers[0].name,
      message: "Every container sets essential: false. ECS requires at least one essential container: the task's life follows its essential containers, and it stops when one of them exits.",
      fix: {
        description: `Make "${containers[0].name}" essential (essential defaults to true when omitted).`,
        edits: [{ path: cpath(0, "essential"), value: true }],
      },
    }];
  },
};
