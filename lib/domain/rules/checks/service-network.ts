import type { RuleFinding, ServiceRule } from "../types";
import { MAX_SECURITY_GROUPS, MAX_SUBNETS } from "../../ecs-facts/service";
import { networkModeOf } from "../../ecs-facts/task-definition";
import { launchOf } from "./service-util";

export const serviceNetwork: ServiceRule = {
  id: "service-network",
  title: "awsvpc services carry a valid network configuration; others carry none",
  severity: "error",
  scope: "service",
  check(service, { taskDefinition: td, cluster }) {
    const out: RuleFinding[] = [];
    const launch = launchOf(service, cluster);
    // Fargate always uses awsvpc; otherwise the task definition decides.
    const mode = td ? networkModeOf(td) : launch?.kind === "FARGATE" ? "awsvpc" : undefined;
    const vpc = service.networkConfiguration?.awsvpcConfiguration;

    if (mode === "awsvpc" && !vpc) {
      out.push({
        path: ["networkConfiguration"],
        message: `Tasks in awsvpc mode get their own network interface, so ECS needs to know which subnets and security groups to give it: "Network Configuration must be provided when networkMode 'awsvpc' is specified."`,
        fix: { description: "Add networkConfiguration.awsvpcConfiguration with the subnets (and security groups) the tasks should use, or use an environment's default VPC.", fromEnvironment: "default-vpc" },
      });
      return out;
    }
    if (mode !== undefined && mode !== "awsvpc" && service.networkConfiguration) {
      out.push({
        path: ["networkConfiguration"],
        message: `Task definition ${td?.family} uses network mode ${mode}, where tasks share the instance's network; a networkConfiguration only applies to awsvpc. ECS answers "Network Configuration is not valid for the given networkMode of this task definition."`,
        fix: { description: "Remove networkConfiguration (or switch the task definition to awsvpc).", edits: [{ path: ["networkConfiguration"], value: undefined }] },
      });
      return out;
    }
    if (!vpc) return out;

    const at = ["networkConfiguration", "awsvpcConfiguration"];
    const subnets = vpc.subnets ?? [];
    if (subnets.length === 0) {
      out.push({
        path: [...at, "subnets"],
        message: "awsvpcConfiguration needs at least one subnet: each task's network interface is created in one of them.",
        fix: { description: "Add the subnet ids (ideally one per Availability Zone) the tasks should run in, or use an environment's default VPC.", fromEnvironment: "default-vpc" },
      });
    } else if (subnets.length > MAX_SUBNETS) {
      out.push({
        path: [...at, "subnets"],
        message: `ECS accepts at most ${MAX_SUBNETS} subnets per service; this one lists ${subnets.length}.`,
        fix: { description: `Keep ${MAX_SUBNETS} subnets.`, edits: [{ path: [...at, "subnets"], value: subnets.slice(0, MAX_SUBNETS) }] },
      });
    }
    const groups = vpc.securityGroups ?? [];
    if (groups.length > MAX_SECURITY_GROUPS) {
      out.push({
        path: [...at, "securityGroups"],
        message: `ECS accepts at most ${MAX_SECURITY_GROUPS} security groups per service; this one lists ${groups.length}.`,
        fix: {
          description: `Merge rules into fewer groups and keep ${MAX_SECURITY_GROUPS}.`,
          edits: [{ path: [...at, "securityGroups"], value: groups.slice(0, MAX_SECURITY_GROUPS) }],
        },
      });
    }
    if (vpc.assignPublicIp === "ENABLED" && launch && launch.kind !== "FARGATE") {
      out.push({
        path: [...at, "assignPublicIp"],
        message: `Only Fargate tasks can get a public IP on their network interface; on ${launch.kind} the task's interface is private and ECS answers "Assign public IP is not supported for this launch type."`,
        fix: {
          description: "Set assignPublicIp to DISABLED and reach the internet through a NAT gateway or VPC endpoints.",
          edits: [{ path: [...at, "assignPublicIp"], value: "DISABLED" }],
        },
      });
    }
    return out;
  },
};
