import { z } from "zod";
import { createNamespace, namespaceById, namespaceByName, recordOperation, servicesOf } from "../core/cloud-map";
import { peek } from "../core/draft";
import { bySeq } from "../core/ids";
import type { CloudMapNamespace, Ctx, World } from "../core/types";
import { findVpc } from "../ec2/network";
import { compact, epochSeconds } from "../protocols/json-1-1";
import { cloudMapError, invalidInput, namespaceNotFound } from "./errors";
import { CreatorRequestId, Description, FilterCondition, Paging, ResourceId, TagsSchema, page, parseInput, passes, tagsOf } from "./input";

// Namespaces: CreateHttpNamespace, CreatePrivateDnsNamespace, GetNamespace, ListNamespaces,
// DeleteNamespace, as the API reference has them:
// https://docs.aws.amazon.com/cloud-map/latest/api/API_CreateHttpNamespace.html
// Creating and deleting are asynchronous in Cloud Map (an OperationId to poll with GetOperation);
// the sandbox completes them at once, so the operation is SUCCESS when first asked.
// Names are unique in an account and Region; a private DNS namespace needs an existing VPC.

const MAX_NAMESPACES = 50;

function properties(n: CloudMapNamespace) {
  return {
    DnsProperties: n.hostedZoneId ? { HostedZoneId: n.hostedZoneId, SOA: { TTL: 15 } } : {},
    HttpProperties: { HttpName: n.name },
  };
}

function summaryOut(world: World, n: CloudMapNamespace) {
  return compact({
    Id: n.id, Arn: n.arn, ResourceOwner: world.account, Name: n.name, Type: n.type, Description: n.description,
    ServiceCount: servicesOf(world, n.id).length, Properties: properties(n), CreateDate: epochSeconds(n.createdAt),
  });
}

const namespaceOut = (world: World, n: CloudMapNamespace) => compact({ ...summaryOut(world, n), CreatorRequestId: n.creatorRequestId });

/** The create operation's id of a namespace (a retry with its CreatorRequestId names it). */
function createOperationOf(world: World, namespaceId: string) {
  return Object.values(peek(world).discoveryOperations).find((o) => o.type === "CREATE_NAMESPACE" && o.targets.NAMESPACE === namespaceId)?.id;
}

function create(world: World, ctx: Ctx, input: { Name: string; CreatorRequestId?: string; Description?: string; Tags?: z.infer<typeof TagsSchema> }, type: CloudMapNamespace["type"], vpc?: string) {
  const tags = tagsOf(input.Tags);
  if (input.CreatorRequestId) {
    const same = Object.values(peek(world).namespaces).find((n) => n.creatorRequestId === input.CreatorRequestId);
    if (same) {
      const op = createOperationOf(world, same.id);
      throw cloudMapError("DuplicateRequest", `The request with CreatorRequestId ${input.CreatorRequestId} was already submitted.`, { DuplicateOperationId: op });
    }
  }
  const clash = namespaceByName(world, input.Name);
  if (clash) {
    throw cloudMapError("NamespaceAlreadyExists", `Namespace with name ${input.Name} already exists.`, { NamespaceId: clash.id, CreatorRequestId: clash.creatorRequestId });
  }
  if (Object.keys(peek(world).namespaces).length >= MAX_NAMESPACES) {
    throw cloudMapError("ResourceLimitExceeded", `The number of namespaces exceeds the limit of ${MAX_NAMESPACES}.`);
  }
  const { operationId } = createNamespace(world, ctx, { name: input.Name, type, description: input.Description, vpc, creatorRequestId: input.CreatorRequestId, tags });
  return { OperationId: operationId };
}

const HttpSchema = z.object({
  Name: z.string().max(1024).regex(/^[!-~]{1,1024}$/, "Member must satisfy regular expression pattern: ^[!-~]{1,1024}$"),
  CreatorRequestId: CreatorRequestId.optional(), Description: Description.optional(), Tags: TagsSchema.optional(),
});

export function createHttpNamespace(world: World, raw: unknown, ctx: Ctx) {
  return create(world, ctx, parseInput(HttpSchema, raw), "HTTP");
}

const DNS_NAME = /^[!-~]{1,253}$/;

const PrivateDnsSchema = z.object({
  Name: z.string().max(253).regex(DNS_NAME, "Member must satisfy regular expression pattern: ^[!-~]{1,253}$"),
  CreatorRequestId: CreatorRequestId.optional(), Description: Description.optional(),
  Vpc: z.string().max(64), Tags: TagsSchema.optional(),
  Properties: z.looseObject({ DnsProperties: z.looseObject({ SOA: z.object({ TTL: z.number().int().min(0).max(2147483647) }) }) }).optional(),
});

export function createPrivateDnsNamespace(world: World, raw: unknown, ctx: Ctx) {
  const input = parseInput(PrivateDnsSchema, raw);
  // Route 53 associates the namespace's hosted zone with the VPC, which must be the account's in this Region.
  if (!findVpc(world, input.Vpc)) throw invalidInput(`The VPC ${input.Vpc} does not exist.`);
  return create(world, ctx, input, "DNS_PRIVATE", input.Vpc);
}

function findNamespace(world: World, id: string) {
  const n = namespaceById(world, id);
  if (!n) throw namespaceNotFound(id);
  return n;
}

export function getNamespace(world: World, raw: unknown) {
  const input = parseInput(z.object({ Id: ResourceId }), raw);
  return { Namespace: namespaceOut(world, findNamespace(world, input.Id)) };
}

const NamespaceFilter = z.object({
  Name: z.enum(["TYPE", "NAME", "HTTP_NAME", "RESOURCE_OWNER"]), Values: z.array(z.string()).min(1), Condition: FilterCondition.optional(),
});

const ListSchema = z.object({ ...Paging, Filters: z.array(NamespaceFilter).optional() });

export function listNamespaces(world: World, raw: unknown) {
  const input = parseInput(ListSchema, raw);
  const keep = (n: CloudMapNamespace) => (input.Filters ?? []).every((f) => {
    switch (f.Name) {
      case "TYPE": return passes(n.type, f, ["EQ", "IN"]);
      case "NAME": return passes(n.name, f, ["EQ", "BEGINS_WITH"]);
      case "HTTP_NAME": return passes(n.name, f, ["EQ", "BEGINS_WITH"]);
      case "RESOURCE_OWNER": return passes(world.account, f, ["EQ"]) || f.Values[0] === "SELF";
    }
  });
  const { items, ...paging } = page(bySeq(peek(world).namespaces).filter(keep), input);
  return { Namespaces: items.map((n) => summaryOut(world, n)), ...paging };
}

export function deleteNamespace(world: World, raw: unknown, ctx: Ctx) {
  const input = parseInput(z.object({ Id: ResourceId }), raw);
  const n = findNamespace(world, input.Id);
  if (servicesOf(world, n.id).length) throw cloudMapError("ResourceInUse", `Namespace ${n.id} has associated services; delete them first.`);
  delete world.namespaces[n.id];
  return { OperationId: recordOperation(world, ctx, "DELETE_NAMESPACE", { NAMESPACE: n.id }) };
}
