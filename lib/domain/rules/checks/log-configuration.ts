import type { RuleFinding, TaskDefinitionRule } from "../types";
import { FARGATE_LOG_DRIVERS } from "../../ecs-facts/fargate";
import { AWSLOGS_FARGATE_REQUIRED_OPTIONS, AWSLOGS_REQUIRED_OPTIONS } from "../../ecs-facts/task-definition";
import { containersOf, cpath } from "./task-definition-util";
import { requiresFargate } from "../../ecs-facts/task-definition";

/** CloudWatch Logs group names allow letters, digits and _ - / . # only. */
const NOT_IN_LOG_GROUP_NAME = /[^A-Za-z0-9_\-/.#]+/g;

const OPTION_HINT: Record<string, string> = {
  "awslogs-group": "the CloudWatch Logs group to write to",
  "awslogs-region": "the Region of that log group",
  "awslogs-stream-prefix": "the prefix of each task's log stream (prefix/container/task-id)",
};

export const logConfiguration: TaskDefinitionRule = {
  id: "log-configuration",
  title: "Log drivers are supported and fully configured",
  severity: "error",
  scope: "taskDefinition",
  check(td) {
    const fargate = requiresFargate(td);
    const containers = containersOf(td);
    const hasFirelens = containers.some((c) => c.firelensConfiguration !== undefined);
    const out: RuleFinding[] = [];
    containers.forEach((c, i) => {
      const log = c.logConfiguration;
      if (!log) return;
      const driver = log.logDriver;
      if (fargate && !(FARGATE_LOG_DRIVERS as readonly string[]).includes(driver)) {
        out.push({
          path: cpath(i, "logConfiguration", "logDriver"), container: c.name,
          message: `"${c.name}" logs with the ${driver} driver, which Fargate does not offer: Fargate tasks support only ${FARGATE_LOG_DRIVERS.join(", ")}.`,
          fix: { description: "Use awslogs (CloudWatch Logs), splunk, or awsfirelens with a Fluent Bit sidecar that forwards to your destination." },
        });
        return;
      }
      if (driver === "awslogs") {
        const options = log.options ?? {};
        const required = fargate ? [...AWSLOGS_REQUIRED_OPTIONS, ...AWSLOGS_FARGATE_REQUIRED_OPTIONS] : AWSLOGS_REQUIRED_OPTIONS;
        for (const key of required) {
          if (options[key]) continue;
          const onFargate = key === "awslogs-stream-prefix" ? " on Fargate" : "";
          const suggestion = key === "awslogs-group" ? `/ecs/${(td.family ?? "").replace(NOT_IN_LOG_GROUP_NAME, "-")}` : key === "awslogs-stream-prefix" ? c.name : undefined;
          out.push({
            path: cpath(i, "logConfiguration", "options", key), container: c.name,
            message: `The awslogs driver of "${c.name}" has no "${key}" option (${OPTION_HINT[key]}); ECS requires it${onFargate}, and the container's logs have nowhere to go without it.`,
            fix: suggestion === undefined
              ? { description: `Set "${key}", e.g. to the Region the task runs in.` }
              : { description: `Set "${key}" to "${suggestion}".`, edits: [{ path: cpath(i, "logConfiguration", "options", key), value: suggestion }] },
          });
        }
      }
      if (driver === "awsfirelens" && !hasFirelens) {
        out.push({
          path: cpath(i, "logConfiguration", "logDriver"), container: c.name,
          message: `"${c.name}" sends its logs to FireLens (awsfirelens), but no container of this task has a firelensConfiguration, so there is no log router to receive them; ECS rejects the task definition.`,
          fix: { description: 'Add a log router container (e.g. public.ecr.aws/aws-observability/aws-for-fluent-bit) with firelensConfiguration { type: "fluentbit" }.' },
        });
      }
    });
    return out;
  },
};
