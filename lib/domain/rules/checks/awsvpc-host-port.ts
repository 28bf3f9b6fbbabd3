import type { RuleFinding, TaskDefinitionRule } from "../types";
import { containersOf, cpath, sharesNetworkNamespace } from "./task-definition-util";
import { networkModeOf } from "../../ecs-facts/task-definition";

export const awsvpcHostPort: TaskDefinitionRule = {
  id: "awsvpc-host-port",
  title: "In awsvpc and host mode, hostPort equals containerPort",
  severity: "error",
  scope: "taskDefinition",
  check(td) {
    const mode = networkModeOf(td);
    if (!sharesNetworkNamespace(mode)) return [];
    const out: RuleFinding[] = [];
    containersOf(td).forEach((c, i) => {
      c.portMappings?.forEach((pm, j) => {
        if (pm.hostPort === undefined || pm.containerPort === undefined || pm.hostPort === pm.containerPort) return;
        const why = mode === "awsvpc"
          ? `With awsvpc the task has its own network interface and there is no port translation: ECS answers "When networkMode=awsvpc, the host ports and container ports in port mappings must match."`
          : "With host networking the container binds directly to the instance's ports, so there is no port translation: ECS requires hostPort to match containerPort.";
        out.push({
          path: cpath(i, "portMappings", j, "hostPort"),
          container: c.name,
          message: `"${c.name}" maps containerPort ${pm.containerPort} to hostPort ${pm.hostPort}. ${why}`,
          fix: {
            description: `Set hostPort to ${pm.containerPort} (or remove it).`,
            edits: [{ path: cpath(i, "portMappings", j, "hostPort"), value: pm.containerPort }],
          },
        });
      });
    });
    return out;
  },
};
