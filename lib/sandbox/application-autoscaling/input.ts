import { z } from "zod";
import { ECS_SCALABLE_DIMENSION } from "../../domain/ecs-facts/auto-scaling";
import { constraintOf, parseOr } from "../core/input";
import { decodeOffset, pageFrom } from "../core/paging";
import { aasError, validation } from "./errors";

// Application Auto Scaling's inputs (PascalCase JSON), parsed with zod; a malformed member answers
// ValidationException in AWS's words, naming the member as AWS does (lower camel case).

export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  return parseOr(schema, input, (issue) => {
    const at = issue.path.map((p) => (typeof p === "string" ? p.charAt(0).toLowerCase() + p.slice(1) : String(p))).join(".") || "input";
    return validation(`1 validation error detected: Value at '${at}' failed to satisfy constraint: ${constraintOf(issue)}`);
  });
}

const NAMESPACES = ["ecs", "elasticmapreduce", "ec2", "appstream", "dynamodb", "rds", "sagemaker", "custom-resource", "comprehend", "lambda", "cassandra", "kafka", "elasticache", "neptune", "workspaces"] as const;
export const ResourceId = z.string().min(1).max(1600);
export const Namespace = z.enum(NAMESPACES);

/** The target a call names; the sandbox scales ECS services only (ResourceId service/<cluster>/<service>). */
export const TargetKey = { ServiceNamespace: Namespace, ResourceId, ScalableDimension: z.string().min(1) };
export function checkEcsTarget(input: { ServiceNamespace: string; ResourceId: string; ScalableDimension: string }) {
  if (input.ServiceNamespace !== "ecs") throw validation(`The sandbox scales ECS services only; service namespace ${input.ServiceNamespace} is not simulated.`);
  if (input.ScalableDimension !== ECS_SCALABLE_DIMENSION) throw validation(`Unsupported scalable dimension ${input.ScalableDimension} for service namespace ecs: it has ${ECS_SCALABLE_DIMENSION}.`);
  if (!/^service\/[^/]+\/[^/]+$/.test(input.ResourceId)) throw validation(`Unsupported resource ID ${input.ResourceId}: an ECS service is service/<cluster-name>/<service-name>.`);
}

/** The filters every Describe call takes: the namespace, optionally a resource and dimension. */
export const DescribeFilter = {
  ServiceNamespace: Namespace, ResourceId: ResourceId.optional(), ScalableDimension: z.string().optional(),
  MaxResults: z.number().int().min(1).max(50).optional(), NextToken: z.string().optional(),
};

export function checkFilter(input: { ResourceId?: string; ScalableDimension?: string }) {
  if (input.ScalableDimension !== undefined && input.ResourceId === undefined) throw validation("If you specify a scalable dimension, you must also specify a resource ID.");
}

export const Name = z.string().min(1).max(256).regex(/^\P{Cc}+$/u, "Member must satisfy regular expression pattern: \\p{Print}+");

/** A page of AAS's Describe calls: MaxResults 1–50 (default 50), opaque NextToken. */
export function page<T>(items: T[], input: { MaxResults?: number; NextToken?: string }): { items: T[]; NextToken?: string } {
  let start = 0;
  if (input.NextToken) {
    const at = decodeOffset(input.NextToken);
    if (at === undefined) throw aasError("InvalidNextTokenException", "Invalid token");
    start = at;
  }
  const { page: out, next } = pageFrom(items, start, input.MaxResults ?? 50);
  return { items: out, ...(next ? { NextToken: next } : {}) };
}
