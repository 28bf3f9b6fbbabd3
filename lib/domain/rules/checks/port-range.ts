import type { RuleFinding, TaskDefinitionRule } from "../types";
import { PORT_MAX, PORT_MIN } from "../../ecs-facts/task-definition";
import { containersOf, cpath } from "./task-definition-util";
import { networkModeOf } from "../../ecs-facts/task-definition";

const PORT_RANGE = /^(\d+)-(\d+)$/;
const validPort = (p: number) => Number.isInteger(p) && p >= PORT_MIN && p <= PORT_MAX;

export const portRange: TaskDefinitionRule = {
  id: "port-range",
  title: "Ports are between 1 and 65535",
  severity: "error",
  scope: "taskDefinition",
  check(td) {
    const out: RuleFinding[] = [];
    const bridge = networkModeOf(td) === "bridge";
    containersOf(td).forEach((c, i) => {
      c.portMappings?.forEach((pm, j) => {
        const { containerPort, hostPort, containerPortRange } = pm;
        if (containerPort === undefined && containerPortRange === undefined) {
          out.push({
            path: cpath(i, "portMappings", j, "containerPort"),
            container: c.name,
            message: `Port mapping ${j + 1} of "${c.name}" has no containerPort: ECS needs the port the application listens on (or a containerPortRange).`,
            fix: { description: "Set containerPort to the port the application listens on." },
          });
        } else if (containerPort !== undefined && !validPort(containerPort)) {
          out.push({
            path: cpath(i, "portMappings", j, "containerPort"),
            container: c.name,
            message: `containerPort ${containerPort} of "${c.name}" is not a TCP/UDP port: ECS accepts ${PORT_MIN} to ${PORT_MAX}.`,
            fix: { description: `Use a port between ${PORT_MIN} and ${PORT_MAX}.` },
          });
        }
        if (containerPortRange !== undefined) {
          const m = PORT_RANGE.exec(containerPortRange);
          if (!m || !validPort(Number(m[1])) || !validPort(Number(m[2])) || Number(m[1]) >= Number(m[2])) {
            out.push({
              path: cpath(i, "portMappings", j, "containerPortRange"),
              container: c.name,
              message: `containerPortRange "${containerPortRange}" of "${c.name}" is not a range ECS accepts: "low-high" with ${PORT_MIN} ≤ low < high ≤ ${PORT_MAX}.`,
              fix: { description: 'Write the range as e.g. "8000-8010".' },
            });
          }
        }
        // hostPort 0 is the dynamic host port of bridge mode; awsvpc/host mismatches are awsvpc-host-port's.
        if (hostPort !== undefined && !(hostPort === 0 && bridge) && !validPort(hostPort) && (bridge || hostPort < 0 || hostPort > PORT_MAX)) {
          out.push({
            path: cpath(i, "portMappings", j, "hostPort"),
            container: c.name,
            message: `hostPort ${hostPort} of "${c.name}" is not a valid port: ECS accepts ${PORT_MIN} to ${PORT_MAX}${bridge ? ", or 0 (or none) for a dynamic host port in bridge mode" : ""}.`,
            fix: bridge
              ? { description: "Remove hostPort to get a dynamic host port.", edits: [{ path: cpath(i, "portMappings", j, "hostPort"), value: undefined }] }
              : { description: `Use a port between ${PORT_MIN} and ${PORT_MAX}.` },
          });
        }
      });
    });
    return out;
  },
};
