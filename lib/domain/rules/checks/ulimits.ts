import type { RuleFinding, TaskDefinitionRule } from "../types";
import { containersOf, cpath, keepOnly } from "./task-definition-util";

export const ulimits: TaskDefinitionRule = {
  id: "ulimits",
  title: "Ulimits are consistent",
  severity: "error",
  scope: "taskDefinition",
  check(td) {
    const out: RuleFinding[] = [];
    containersOf(td).forEach((c, i) => {
      const list = c.ulimits;
      if (!list || list.length === 0) return;
      const seen = new Set<string>();
      list.forEach((u, j) => {
        if (u.softLimit > u.hardLimit) {
          out.push({
            path: cpath(i, "ulimits", j, "softLimit"), container: c.name,
            message: `The ${u.name} ulimit of "${c.name}" has softLimit ${u.softLimit} above hardLimit ${u.hardLimit}. The soft limit is what a process gets and may raise up to the hard limit, so it cannot exceed it; Docker refuses to start the container.`,
            fix: { description: `Set softLimit to ${u.hardLimit} (or raise hardLimit).`, edits: [{ path: cpath(i, "ulimits", j, "softLimit"), value: u.hardLimit }] },
          });
        }
        if (seen.has(u.name)) {
          out.push({
            path: cpath(i, "ulimits", j, "name"), container: c.name,
            message: `"${c.name}" sets the ${u.name} ulimit more than once; only one value can apply.`,
            fix: { description: `Keep one ${u.name} entry.`, edits: [keepOnly(cpath(i, "ulimits"), list, (_, k) => k !== j)] },
          });
        }
        seen.add(u.name);
      });
    });
    return out;
  },
};
