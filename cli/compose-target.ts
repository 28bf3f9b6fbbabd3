import type { Command } from "commander";
import { ComposeTargetSchema, type ComposeTarget } from "../lib/domain/ecs-json";

export type ComposeTargetFlags = { subnets?: string; securityGroups?: string; assignPublicIp?: string; executionRoleArn?: string };

/** The flags that complete a compose file for Fargate; shared by lint and convert. */
export function withComposeTargetOptions(cmd: Command): Command {
  return cmd
    .option("--subnets <ids>", "compose files: comma-separated subnet ids for the services' awsvpc network")
    .option("--security-groups <ids>", "compose files: comma-separated security group ids")
    .option("--assign-public-ip <ENABLED|DISABLED>", "compose files: give tasks a public IP")
    .option("--execution-role-arn <arn>", "compose files: the task execution role (image pulls, awslogs, secrets)");
}

const list = (v: string | undefined) => (v === undefined ? undefined : v.split(",").map((s) => s.trim()).filter(Boolean));

const FLAG_OF: Record<string, string> = {
  subnets: "--subnets", securityGroups: "--security-groups", assignPublicIp: "--assign-public-ip", executionRoleArn: "--execution-role-arn",
};

/** Parses the flags with the domain's schema; an invalid value is reported with the flag that carried it. */
export function parseComposeTarget(flags: ComposeTargetFlags): { ok: true; target: ComposeTarget } | { ok: false; message: string } {
  const r = ComposeTargetSchema.safeParse({
    subnets: list(flags.subnets),
    securityGroups: list(flags.securityGroups),
    assignPublicIp: flags.assignPublicIp,
    executionRoleArn: flags.executionRoleArn,
  });
  if (r.success) return { ok: true, target: r.data };
  const i = r.error.issues[0];
  const flag = FLAG_OF[String(i.path[0])] ?? String(i.path[0]);
  return { ok: false, message: `${flag}: ${i.message}` };
}
