import { z } from "zod";

/**
 * What a compose file cannot say but ECS needs to run it on Fargate: where the tasks' network
 * interfaces go, and the role ECS uses to pull images and write logs. Given at import time,
 * they turn a compose file into a design that passes validation; left out, the validator
 * names each missing piece.
 */
export const ComposeTargetSchema = z.object({
  subnets: z.array(z.string().regex(/^subnet-[0-9a-z]+$/, "a subnet id looks like subnet-0abc123")).min(1).max(16).optional(),
  securityGroups: z.array(z.string().regex(/^sg-[0-9a-z]+$/, "a security group id looks like sg-0abc123")).max(5).optional(),
  assignPublicIp: z.enum(["ENABLED", "DISABLED"]).optional(),
  executionRoleArn: z.string().regex(/^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/, "an IAM role ARN looks like arn:aws:iam::123456789012:role/name").optional(),
});
export type ComposeTarget = z.infer<typeof ComposeTargetSchema>;
