import type { TaskDefinitionRule } from "../types";
import { MAX_CONTAINERS_PER_TASK } from "../../ecs-facts/task-definition";
import { containersOf } from "./task-definition-util";

export const containerCount: TaskDefinitionRule = {
  id: "container-count",
  title: `A task definition has 1 to ${MAX_CONTAINERS_PER_TASK} containers`,
  severity: "error",
  scope: "taskDefinition",
  check(td) {
    const n = containersOf(td).length;
    if (n === 0) {
      return [{
        path: ["containerDefinitions"],
        message: "A task definition needs at least one container definition; ECS has nothing to run otherwise and rejects the registration.",
        fix: { description: "Add a container with a name and an image." },
      }];
    }
    if (n > MAX_CONTAINERS_PER_TASK) {
      return [{
        path: ["containerDefinitions"],
        message: `This task definition has ${n} containers; ECS allows at most ${MAX_CONTAINERS_PER_TASK} per task definition (a hard quota that cannot be raised).`,
        fix: { description: `Split the containers into ${Math.ceil(n / MAX_CONTAINERS_PER_TASK)} or more task definitions (services), or merge sidecars.` },
      }];
    }
    return [];
  },
};
