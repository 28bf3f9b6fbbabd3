import type { RuleFinding, TaskDefinitionRule } from "../types";
import { containersOf, cpath, sharesNetworkNamespace } from "./task-definition-util";
import { networkModeOf } from "../../ecs-facts/task-definition";

type Owner = { container: string; index: number };

export const portConflict: TaskDefinitionRule = {
  id: "port-conflict",
  title: "Containers of a task do not claim the same port",
  severity: "error",
  scope: "taskDefinition",
  check(td) {
    const mode = networkModeOf(td);
    const shared = sharesNetworkNamespace(mode);
    if (!shared && mode !== "bridge") return [];
    const out: RuleFinding[] = [];
    const owners = new Map<string, Owner>();
    containersOf(td).forEach((c, i) => {
      c.portMappings?.forEach((pm, j) => {
        const protocol = pm.protocol ?? "tcp";
        // Shared namespace: the port the container listens on. Bridge: only fixed host ports can clash.
        const port = shared ? pm.containerPort : pm.hostPort;
        if (port === undefined || port <= 0) return;
        const key = `${port}/${protocol}`;
        const owner = owners.get(key);
        if (!owner) {
          owners.set(key, { container: c.name, index: i });
          return;
        }
        if (shared && owner.index === i) return;
        const field = shared ? "containerPort" : "hostPort";
        out.push({
          path: cpath(i, "portMappings", j, field),
          container: c.name,
          message: shared
            ? `"${c.name}" and "${owner.container}" both listen on ${key}. In ${mode} mode all containers of a task share one network namespace, so only one of them can bind the port; the other fails to start.`
            : `"${c.name}" asks for host port ${key}, which "${owner.container}"${owner.index === i ? " already maps" : " also asks for"}. In bridge mode a fixed host port can be bound once per instance, so this task could never be placed.`,
          fix: shared
            ? { description: `Make one of the containers listen on a different port than ${port}.` }
            : { description: "Use a different host port, or remove hostPort for a dynamic one.", edits: [{ path: cpath(i, "portMappings", j, "hostPort"), value: undefined }] },
        });
      });
    });
    return out;
  },
};
