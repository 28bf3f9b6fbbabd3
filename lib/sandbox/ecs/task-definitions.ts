import { z } from "zod";
import { ContainerDefinitionSchema, TaskDefinitionSchema } from "../../domain/design/schema";
import { SANDBOX_ACCOUNT } from "../core/state";
import { taskDefinitionArn } from "./arns";
import { clientError } from "./errors";
import { PagingSchema, TagListSchema, paginate, parseInput } from "./input";
import { checkTaskDefinition } from "./task-definition-rules";
import type { Ctx, TaskDefinition, World } from "../core/types";
import { findTaskDefinition } from "./lookups";
import { epochSeconds } from "../protocols/json-1-1";

// The design model's schemas describe RegisterTaskDefinition's shape; name and image are
// relaxed here so that a missing one gets ECS's own message from the rules instead.
const ContainerInputSchema = ContainerDefinitionSchema.extend({ name: z.string().optional(), image: z.string().optional() });
const RegisterSchema = TaskDefinitionSchema.omit({ id: true }).extend({
  family: z.string(),
  containerDefinitions: z.array(ContainerInputSchema),
  tags: TagListSchema.optional(),
});

type Json = Record<string, unknown>;

/** The network modes Managed Instances run (API_ManagedInstancesNetworkConfiguration: awsvpc, host, none). */
const MANAGED_INSTANCES_NETWORK_MODES = ["awsvpc", "host", "none"];

function normaliseContainer(c: Json, networkMode: string): Json {
  const portMappings = ((c.portMappings as Json[] | undefined) ?? []).map((pm) => ({
    ...pm,
    protocol: pm.protocol ?? "tcp",
    ...(networkMode === "awsvpc" || networkMode === "host" ? { hostPort: pm.hostPort ?? pm.containerPort } : {}),
  }));
  return {
    cpu: 0, environment: [], mountPoints: [], volumesFrom: [], systemControls: [],
    ...c, portMappings, essential: c.essential ?? true,
  };
}

export function registerTaskDefinition(world: World, raw: unknown, ctx: Ctx) {
  const input = parseInput(RegisterSchema, raw);
  const { tags, ...rest } = input;
  const checked = checkTaskDefinition(rest as Json);
  // A task definition only for Managed Instances defaults to awsvpc (task_definition_parameters-managed-instances).
  const requires = rest.requiresCompatibilities ?? [];
  const networkMode = rest.networkMode ?? (requires.includes("MANAGED_INSTANCES") && !requires.includes("EC2") ? "awsvpc" : "bridge");
  const containers = (rest.containerDefinitions as Json[]).map((c) => normaliseContainer(c, networkMode));
  const revisions = (world.taskDefinitions[rest.family] ??= []);
  if (revisions.length >= 1_000_000) throw clientError("Too many revisions for this family.");
  const revision = revisions.length + 1;
  const body: Json = {
    ...rest, containerDefinitions: containers, networkMode, volumes: rest.volumes ?? [], placementConstraints: rest.placementConstraints ?? [],
    ...(checked.cpu !== undefined ? { cpu: String(checked.cpu) } : {}),
    ...(checked.memory !== undefined ? { memory: String(checked.memory) } : {}),
  };
  const td: TaskDefinition = {
    arn: taskDefinitionArn(world, rest.family, revision), family: rest.family, revision, status: "ACTIVE", body,
    compatibilities: [
      "EC2", ...(checked.fargateCompatible ? ["FARGATE"] : []),
      ...(requires.includes("MANAGED_INSTANCES") && MANAGED_INSTANCES_NETWORK_MODES.includes(networkMode) ? ["MANAGED_INSTANCES"] : []),
    ],
    cpu: checked.cpu ?? containers.reduce((s, c) => s + ((c.cpu as number) ?? 0), 0),
    memory: checked.memory ?? containers.reduce((s, c) => s + (((c.memoryReservation ?? c.memory) as number) ?? 0), 0),
    registeredAt: ctx.now, tags: tags ?? [],
  };
  revisions.push(td);
  return { taskDefinition: taskDefinitionOut(td), tags: td.tags };
}

export function taskDefinitionOut(td: TaskDefinition) {
  return {
    ...td.body, taskDefinitionArn: td.arn, family: td.family, revision: td.revision, status: td.status,
    compatibilities: td.compatibilities, requiresAttributes: [], registeredAt: epochSeconds(td.registeredAt),
    registeredBy: `arn:aws:iam::${SANDBOX_ACCOUNT}:root`,
    ...(td.deregisteredAt !== undefined ? { deregisteredAt: epochSeconds(td.deregisteredAt) } : {}),
  };
}

const DescribeSchema = z.object({ taskDefinition: z.string().min(1), include: z.array(z.enum(["TAGS"])).optional() });

export function describeTaskDefinition(world: World, raw: unknown) {
  const input = parseInput(DescribeSchema, raw);
  const td = findTaskDefinition(world, input.taskDefinition);
  if (!td) throw clientError("Unable to describe task definition.");
  return { taskDefinition: taskDefinitionOut(td), ...(input.include?.includes("TAGS") ? { tags: td.tags } : {}) };
}

const ListSchema = z.object({
  familyPrefix: z.string().optional(),
  status: z.enum(["ACTIVE", "INACTIVE"]).optional(),
  sort: z.enum(["ASC", "DESC"]).optional(),
  ...PagingSchema,
});

export function listTaskDefinitions(world: World, raw: unknown) {
  const input = parseInput(ListSchema, raw);
  const status = input.status ?? "ACTIVE";
  let all = Object.keys(world.taskDefinitions).sort()
    .filter((f) => input.familyPrefix === undefined || f === input.familyPrefix)
    .flatMap((f) => world.taskDefinitions[f])
    .filter((td) => td.status === status);
  if (input.sort === "DESC") all = all.reverse();
  const { page, nextToken } = paginate(all.map((td) => td.arn), input.nextToken, input.maxResults);
  return { taskDefinitionArns: page, ...(nextToken ? { nextToken } : {}) };
}

const ListFamiliesSchema = z.object({
  familyPrefix: z.string().optional(),
  status: z.enum(["ACTIVE", "INACTIVE", "ALL"]).optional(),
  ...PagingSchema,
});

export function listTaskDefinitionFamilies(world: World, raw: unknown) {
  const input = parseInput(ListFamiliesSchema, raw);
  const status = input.status ?? "ACTIVE";
  const families = Object.keys(world.taskDefinitions).sort()
    .filter((f) => !input.familyPrefix || f.startsWith(input.familyPrefix))
    .filter((f) => {
      const active = world.taskDefinitions[f].some((td) => td.status === "ACTIVE");
      return status === "ALL" || (status === "ACTIVE" ? active : !active);
    });
  const { page, nextToken } = paginate(families, input.nextToken, input.maxResults);
  return { families: page, ...(nextToken ? { nextToken } : {}) };
}

const DeregisterSchema = z.object({ taskDefinition: z.string().min(1) });

export function deregisterTaskDefinition(world: World, raw: unknown, ctx: Ctx) {
  const input = parseInput(DeregisterSchema, raw);
  const ref = input.taskDefinition.startsWith("arn:") ? input.taskDefinition.split("/").pop()! : input.taskDefinition;
  if (!ref.includes(":")) throw clientError("Revision should be specified in the task definition.");
  const td = findTaskDefinition(world, input.taskDefinition);
  if (!td) throw clientError("The specified task definition does not exist.");
  if (td.status === "ACTIVE") {
    td.status = "INACTIVE";
    td.deregisteredAt = ctx.now;
  }
  return { taskDefinition: taskDefinitionOut(td) };
}
