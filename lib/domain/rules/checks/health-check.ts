import type { RuleFinding, TaskDefinitionRule } from "../types";
import { HEALTH_CHECK_LIMITS, HEALTH_CHECK_PREFIXES } from "../../ecs-facts/task-definition";
import { clamp, containersOf, cpath } from "./task-definition-util";

const FIELDS = ["interval", "timeout", "retries", "startPeriod"] as const;
const UNIT = { interval: " s", timeout: " s", retries: "", startPeriod: " s" } as const;

export const healthCheck: TaskDefinitionRule = {
  id: "health-check",
  title: "Container health checks are well formed",
  severity: "error",
  scope: "taskDefinition",
  check(td) {
    const out: RuleFinding[] = [];
    containersOf(td).forEach((c, i) => {
      const hc = c.healthCheck;
      if (!hc) return;
      const command = hc.command ?? [];
      const prefixed = (HEALTH_CHECK_PREFIXES as readonly string[]).includes(command[0]);
      const body = prefixed ? command.slice(1) : command;
      if (body.every((s) => s.trim() === "")) {
        out.push({
          path: cpath(i, "healthCheck", "command"), container: c.name,
          message: `The health check of "${c.name}" has no command to run. ECS needs e.g. ["CMD-SHELL", "curl -f http://localhost/ || exit 1"].`,
          fix: { description: "Write the command that exits 0 when the container is healthy, after CMD or CMD-SHELL." },
        });
      } else if (!prefixed) {
        const value = body.length === 1 ? ["CMD-SHELL", ...body] : ["CMD", ...body];
        out.push({
          path: cpath(i, "healthCheck", "command"), container: c.name,
          message: `The health check command of "${c.name}" starts with "${command[0]}". ECS needs CMD (run the arguments directly) or CMD-SHELL (run a string with the container's shell) first.`,
          fix: { description: `Start the command with ${value[0]}.`, edits: [{ path: cpath(i, "healthCheck", "command"), value }] },
        });
      }
      for (const field of FIELDS) {
        const v = hc[field];
        const { min, max } = HEALTH_CHECK_LIMITS[field];
        if (v === undefined || (v >= min && v <= max)) continue;
        out.push({
          path: cpath(i, "healthCheck", field), container: c.name,
          message: `The health check ${field} of "${c.name}" is ${v}${UNIT[field]}; ECS accepts ${min} to ${max}${UNIT[field]}.`,
          fix: { description: `Set ${field} to ${clamp(v, min, max)}.`, edits: [{ path: cpath(i, "healthCheck", field), value: clamp(v, min, max) }] },
        });
      }
      const interval = hc.interval ?? HEALTH_CHECK_LIMITS.interval.default;
      const timeout = hc.timeout ?? HEALTH_CHECK_LIMITS.timeout.default;
      if (timeout >= interval) {
        out.push({
          severity: "warning",
          path: cpath(i, "healthCheck", "timeout"), container: c.name,
          message: `The health check of "${c.name}" may take ${timeout} s (timeout) but runs every ${interval} s (interval): a slow check overlaps the next one, and the container's health flaps. Keep the timeout shorter than the interval.`,
          fix: { description: `Lower the timeout below ${interval} s, or raise the interval above ${timeout} s.` },
        });
      }
    });
    return out;
  },
};
