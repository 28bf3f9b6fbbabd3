import type { TaskDefinitionRule } from "../types";
import { requiresFargate } from "../../ecs-facts/task-definition";

export const fargateNetworkMode: TaskDefinitionRule = {
  id: "fargate-network-mode",
  title: "Fargate needs the awsvpc network mode",
  severity: "error",
  scope: "taskDefinition",
  check(td) {
    if (!requiresFargate(td) || td.networkMode === "awsvpc") return [];
    // Without one, EC2 would use bridge; Fargate has no default and refuses the registration.
    const current = td.networkMode === undefined ? "no networkMode" : `networkMode "${td.networkMode}"`;
    return [{
      path: ["networkMode"],
      message: `This task definition requires FARGATE but has ${current}. Every Fargate task gets its own elastic network interface, so ECS answers "Fargate only supports network mode 'awsvpc'."`,
      fix: { description: 'Set networkMode to "awsvpc".', edits: [{ path: ["networkMode"], value: "awsvpc" }] },
    }];
  },
};
