import type { RuleFinding, TaskDefinitionRule } from "../types";
import {
  FARGATE_ADDABLE_CAPABILITIES, FARGATE_UNSUPPORTED_CONTAINER_FIELDS, FARGATE_UNSUPPORTED_LINUX_PARAMETERS,
} from "../../ecs-facts/task-definition";
import { containersOf, cpath, keepOnly, remove } from "./task-definition-util";
import { requiresFargate } from "../../ecs-facts/task-definition";

const FIELD_WHY: Record<(typeof FARGATE_UNSUPPORTED_CONTAINER_FIELDS)[number], string> = {
  privileged: "Fargate runs containers on hosts AWS manages and never grants privileged (root-on-the-host) access",
  links: "links are a bridge-network feature and Fargate uses awsvpc; containers of the task reach each other on localhost",
  disableNetworking: "the task's network is its awsvpc interface, which Fargate does not let a container switch off",
  dnsSearchDomains: "Fargate uses the VPC's DNS settings",
  dnsServers: "Fargate uses the VPC's DNS resolver (set DHCP options on the VPC instead)",
  dockerSecurityOptions: "Fargate does not pass Docker security options (SELinux/AppArmor labels) to its runtime",
  extraHosts: "Fargate manages /etc/hosts (use Route 53 private zones or service discovery instead)",
};
const hasValue = (v: unknown) => v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0) && v !== false;

export const fargateLimits: TaskDefinitionRule = {
  id: "fargate-limits",
  title: "Fargate task definitions use only what Fargate supports",
  severity: "error",
  scope: "taskDefinition",
  check(td) {
    if (!requiresFargate(td)) return [];
    const out: RuleFinding[] = [];
    const add = (path: (string | number)[], message: string, description: string, safe = true, container?: string) =>
      out.push({ path, message, ...(container ? { container } : {}), fix: safe ? { description, edits: [remove(path)] } : { description } });

    if (td.placementConstraints && td.placementConstraints.length > 0) {
      add(["placementConstraints"], "Fargate chooses where tasks run, so task placement constraints do not apply; ECS rejects them for FARGATE.", "Remove placementConstraints.");
    }
    if (td.ipcMode !== undefined) {
      add(["ipcMode"], `ipcMode "${td.ipcMode}" is set, but ECS answers "Tasks using the Fargate launch type do not support ipcMode."`, "Remove ipcMode.");
    }
    if (td.pidMode === "host") {
      add(["pidMode"], 'pidMode "host" would share the host\'s process namespace; on Fargate (Linux, platform 1.4.0+) the only valid value is "task".', 'Remove pidMode, or set it to "task" to share processes between the task\'s containers.');
    }
    td.volumes?.forEach((v, k) => {
      if (v.host?.sourcePath !== undefined) {
        add(["volumes", k, "host", "sourcePath"], `Volume "${v.name}" mounts host path ${v.host.sourcePath}, but a Fargate task has no host of yours to mount from. Fargate supports bind mounts only on the task's own ephemeral storage (a volume without sourcePath).`,
          "Remove sourcePath: the volume becomes task storage shared by the task's containers (it does not outlive the task; use EFS for data that must).");
      }
      if (v.dockerVolumeConfiguration !== undefined) {
        add(["volumes", k, "dockerVolumeConfiguration"], `Volume "${v.name}" uses a Docker volume driver, which Fargate does not support.`,
          "Use an EFS volume (efsVolumeConfiguration) for shared or persistent data, or a bind mount on task storage.", false);
      }
    });
    containersOf(td).forEach((c, i) => {
      for (const field of FARGATE_UNSUPPORTED_CONTAINER_FIELDS) {
        if (!hasValue(c[field])) continue;
        add(cpath(i, field), `"${c.name}" sets ${field}, which Fargate does not support: ${FIELD_WHY[field]}.`, `Remove ${field}.`, true, c.name);
      }
      c.resourceRequirements?.forEach((r, k) => {
        if (r.type !== "GPU") return;
        out.push({
          path: cpath(i, "resourceRequirements", k), container: c.name,
          message: `"${c.name}" asks for ${r.value} GPU(s), but Fargate has no GPUs; GPU tasks need EC2 (or ECS Managed Instances) capacity with GPU instance types.`,
          fix: {
            description: "Remove the GPU requirement, or run this task definition on EC2 GPU instances.",
            edits: [keepOnly(cpath(i, "resourceRequirements"), c.resourceRequirements ?? [], (_, m) => m !== k)],
          },
        });
      });
      const lp = c.linuxParameters;
      if (!lp) return;
      for (const p of FARGATE_UNSUPPORTED_LINUX_PARAMETERS) {
        if (lp[p] === undefined) continue;
        add(cpath(i, "linuxParameters", p), `"${c.name}" sets linuxParameters.${p}, which Fargate does not support.`, `Remove linuxParameters.${p}.`, true, c.name);
      }
      const added = lp.capabilities?.add ?? [];
      const extra = added.filter((cap) => !(FARGATE_ADDABLE_CAPABILITIES as readonly string[]).includes(cap.toUpperCase()));
      if (extra.length > 0) {
        out.push({
          path: cpath(i, "linuxParameters", "capabilities", "add"), container: c.name,
          message: `"${c.name}" adds the Linux capabilities ${extra.join(", ")}; on Fargate the only capability a container can add is SYS_PTRACE.`,
          fix: {
            description: `Remove ${extra.join(", ")} from the added capabilities.`,
            edits: [keepOnly(cpath(i, "linuxParameters", "capabilities", "add"), added, (cap) => !extra.includes(cap))],
          },
        });
      }
    });
    return out;
  },
};
