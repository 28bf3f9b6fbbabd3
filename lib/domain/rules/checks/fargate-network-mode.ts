import type { TaskDefinitionRule } from "../types";
import { isFargate } from "./task-definition-util";

export const fargateNetworkMode: TaskDefinitionRule = {
  id: "fargate-network-mode",
  title: "Fargate needs the awsvpc network mode",
  severity: "error",
  scope: "taskDefinition",
  check(td) {
    if (!isFargate(td) || td.networkMode === "awsvpc") return [];
    const current = td.networkMode === undefined ? "no networkMode (bridge)" : `networkMode "${td.networkMode}"`;
    return [{
      path: ["networkMode"],
      message: `This task definition requires FARGATE but has ${current}. Every Fargate task gets its own elastic network interface, so ECS answers "Fargate only supports network mode 'awsvpc'."`,
      fix: { description: 'Set networkMode to "awsvpc".', edits: [{ path: ["networkMode"], value: "awsvpc" }] },
    }];
  },
};
