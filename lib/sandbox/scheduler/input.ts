import { z } from "zod";
import { constraintOf, parseOr } from "../core/input";
import { pageAfter } from "../core/paging";
import { validation } from "./errors";

// EventBridge Scheduler's inputs (PascalCase members, bound from the path, the query and the
// body by protocols/rest-json.ts), parsed with zod. A malformed member answers
// ValidationException in AWS's words ("1 validation error detected: Value 'a b' at 'name'
// failed to satisfy constraint: Member must satisfy regular expression pattern: ^[0-9a-zA-Z-_.]+$").
// Constraints from the API reference's request parameters and data types
// (https://docs.aws.amazon.com/scheduler/latest/APIReference/API_CreateSchedule.html, API_EcsParameters.html, …).

export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  return parseOr(schema, input, (issue) => {
    const at = issue.path.map((p) => (typeof p === "string" ? p.charAt(0).toLowerCase() + p.slice(1) : String(p))).join(".") || "input";
    const value = issue.input === undefined || typeof issue.input === "object" ? "" : ` '${String(issue.input)}'`;
    return validation(`1 validation error detected: Value${value} at '${at}' failed to satisfy constraint: ${constraintOf(issue)}`);
  });
}

/** Schedule and schedule group names: 1–64 of [0-9a-zA-Z-_.]. */
export const Name = z.string().min(1).max(64).regex(/^[0-9a-zA-Z\-_.]+$/, "Member must satisfy regular expression pattern: ^[0-9a-zA-Z-_.]+$");
export const ClientToken = z.string().min(1).max(64).regex(/^[a-zA-Z0-9-_]+$/, "Member must satisfy regular expression pattern: ^[a-zA-Z0-9-_]+$");
const RoleArn = z.string().min(1).max(1600).regex(/^arn:aws(-[a-z]+)?:iam::\d{12}:role\/[\w+=,.@/-]+$/, "Member must satisfy regular expression pattern: ^arn:aws(-[a-z]+)?:iam::\\d{12}:role\\/[\\w+=,.@\\/-]+$");
const str = z.string();

const EcsParameters = z.object({
  TaskDefinitionArn: str.min(1).max(1600),
  TaskCount: z.number().int().min(1).max(10).optional(),
  LaunchType: z.enum(["EC2", "FARGATE", "EXTERNAL"]).optional(),
  NetworkConfiguration: z.object({
    awsvpcConfiguration: z.object({
      Subnets: z.array(str.min(1).max(1000)).min(1).max(16),
      SecurityGroups: z.array(str.min(1).max(1000)).min(1).max(5).optional(),
      AssignPublicIp: z.enum(["ENABLED", "DISABLED"]).optional(),
    }).optional(),
  }).optional(),
  PlatformVersion: str.min(1).max(64).optional(),
  Group: str.min(1).max(255).optional(),
  CapacityProviderStrategy: z.array(z.object({
    capacityProvider: str.min(1).max(255), weight: z.number().int().min(0).max(1000).optional(), base: z.number().int().min(0).max(100000).optional(),
  })).max(6).optional(),
  EnableECSManagedTags: z.boolean().optional(),
  EnableExecuteCommand: z.boolean().optional(),
  PlacementConstraints: z.array(z.object({ type: z.enum(["distinctInstance", "memberOf"]).optional(), expression: str.max(2000).optional() })).max(10).optional(),
  PlacementStrategy: z.array(z.object({ type: z.enum(["random", "spread", "binpack"]).optional(), field: str.max(255).optional() })).max(5).optional(),
  PropagateTags: z.enum(["TASK_DEFINITION"]).optional(),
  ReferenceId: str.max(1024).optional(),
  Tags: z.array(z.record(str.min(1).max(128), str.min(1).max(256))).max(50).optional(),
});

export const Target = z.object({
  Arn: str.min(1).max(1600),
  RoleArn,
  DeadLetterConfig: z.object({ Arn: str.min(1).max(1600).optional() }).optional(),
  RetryPolicy: z.object({ MaximumEventAgeInSeconds: z.number().int().min(60).max(86400).optional(), MaximumRetryAttempts: z.number().int().min(0).max(185).optional() }).optional(),
  Input: str.min(1).optional(),
  EcsParameters: EcsParameters.optional(),
}).loose();



/** CreateSchedule's and UpdateSchedule's members (UpdateSchedule replaces the whole schedule). */
export const ScheduleFields = {
  Name,
  GroupName: Name.optional(),
  ScheduleExpression: str.min(1).max(256),
  ScheduleExpressionTimezone: str.min(1).max(50).optional(),
  StartDate: z.number().optional(),
  EndDate: z.number().optional(),
  Description: str.max(512).optional(),
  State: z.enum(["ENABLED", "DISABLED"]).optional(),
  KmsKeyArn: str.min(1).max(2048).optional(),
  ClientToken: ClientToken.optional(),
  ActionAfterCompletion: z.enum(["NONE", "DELETE"]).optional(),
  FlexibleTimeWindow: z.object({ Mode: z.enum(["OFF", "FLEXIBLE"]), MaximumWindowInMinutes: z.number().int().min(1).max(1440).optional() }),
  Target,
};

/** MaxResults arrives as a query string: a whole number 1–100. */
export const MaxResults = z.coerce.number().int().min(1).max(100);
export const NextToken = str.min(1).max(2048);

/** A page of a List… call. */
export function listPage<T>(items: T[], token: string | undefined, max: number | undefined) {
  return pageAfter(items, token, max ?? 100, () => validation("The provided NextToken is not valid."));
}
