import type { RuleFinding, TaskDefinitionRule } from "../types";
import { containerIndexByName, containersOf, cpath, keepOnly } from "./task-definition-util";
import { networkModeOf, requiresFargate } from "../../ecs-facts/task-definition";

/** `name` or `name:alias`. */
const linkTarget = (link: string) => {
  const colon = link.indexOf(":");
  return colon < 0 ? link : link.slice(0, colon);
};

export const links: TaskDefinitionRule = {
  id: "links",
  title: "Links are used only in bridge mode and name a container of the task",
  severity: "error",
  scope: "taskDefinition",
  check(td) {
    // On Fargate, fargate-limits reports links (with their removal).
    if (requiresFargate(td)) return [];
    const mode = networkModeOf(td);
    const out: RuleFinding[] = [];
    const byName = containerIndexByName(td);
    containersOf(td).forEach((c, i) => {
      const list = c.links;
      if (!list || list.length === 0) return;
      if (mode !== "bridge") {
        out.push({
          path: cpath(i, "links"),
          container: c.name,
          message: `"${c.name}" has links, but the network mode is ${mode}. Links are a Docker bridge-network feature; ECS supports them only in bridge mode. In ${mode} mode, containers of a task reach each other on localhost instead.`,
          fix: { description: "Remove links and connect to the other containers on localhost:<port>.", edits: [{ path: cpath(i, "links"), value: undefined }] },
        });
        return;
      }
      list.forEach((link, j) => {
        const target = linkTarget(link);
        const idx = byName.get(target);
        if (idx !== undefined && idx !== i) return;
        out.push({
          path: cpath(i, "links", j),
          container: c.name,
          message: idx === i
            ? `"${c.name}" links to itself ("${link}"); a link connects a container to another container of the task.`
            : `"${c.name}" links to "${target}", which is not a container of this task definition. Docker can only link containers that run in the same task.`,
          fix: {
            description: `Remove the link "${link}"${idx === i ? "" : ", or name one of the task's containers"}.`,
            edits: [keepOnly(cpath(i, "links"), list, (_, k) => k !== j)],
          },
        });
      });
    });
    return out;
  },
};
