import { z } from "zod";
import { namespaceByName, serviceByName } from "../core/cloud-map";
import { peek } from "../core/draft";
import { bySeq } from "../core/ids";
import { own } from "../core/maps";
import type { CloudMapInstance, CloudMapService, World } from "../core/types";
import { compact, epochSeconds } from "../protocols/json-1-1";
import { cloudMapError, invalidInput, namespaceNotFound, serviceNotFound } from "./errors";
import { FilterCondition, Paging, ResourceId, page, parseInput, passes } from "./input";

// Services and instances: ListServices, GetService, ListInstances, DiscoverInstances, GetOperation.
// https://docs.aws.amazon.com/cloud-map/latest/api/API_DiscoverInstances.html
// The services here are those ECS's Service Connect creates (HTTP, health reported by ECS through
// HealthCheckCustomConfig); their instances are the service's RUNNING tasks.

function summaryOut(world: World, s: CloudMapService) {
  return compact({
    Id: s.id, Arn: s.arn, ResourceOwner: world.account, Name: s.name, Type: s.type, Description: s.description,
    InstanceCount: Object.keys(s.instances).length, HealthCheckCustomConfig: s.customHealth ? {} : undefined,
    CreateDate: epochSeconds(s.createdAt), CreatedByAccount: world.account,
  });
}

const serviceOut = (world: World, s: CloudMapService) => compact({ ...summaryOut(world, s), NamespaceId: s.namespaceId, CreatorRequestId: s.creatorRequestId });

function findService(world: World, id: string) {
  const s = own(peek(world).discoveryServices, id);
  if (!s) throw serviceNotFound(id);
  return s;
}

const ServiceFilter = z.object({ Name: z.enum(["NAMESPACE_ID", "RESOURCE_OWNER"]), Values: z.array(z.string()).min(1), Condition: FilterCondition.optional() });

export function listServices(world: World, raw: unknown) {
  const input = parseInput(z.object({ ...Paging, Filters: z.array(ServiceFilter).optional() }), raw);
  const keep = (s: CloudMapService) => (input.Filters ?? []).every((f) =>
    f.Name === "NAMESPACE_ID" ? passes(s.namespaceId, f, ["EQ", "IN"]) : passes(world.account, f, ["EQ"]) || f.Values[0] === "SELF");
  const { items, ...paging } = page(bySeq(peek(world).discoveryServices).filter(keep), input);
  return { Services: items.map((s) => summaryOut(world, s)), ...paging };
}

export function getService(world: World, raw: unknown) {
  const input = parseInput(z.object({ Id: ResourceId }), raw);
  return { Service: serviceOut(world, findService(world, input.Id)) };
}

const byCreation = (s: CloudMapService) => Object.values(s.instances).sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));

export function listInstances(world: World, raw: unknown) {
  const input = parseInput(z.object({ ServiceId: ResourceId, ...Paging }), raw);
  const s = findService(world, input.ServiceId);
  const { items, ...paging } = page(byCreation(s), input);
  return { ResourceOwner: world.account, Instances: items.map((i) => ({ Id: i.id, Attributes: i.attributes, CreatedByAccount: world.account })), ...paging };
}

const DiscoverSchema = z.object({
  NamespaceName: z.string().max(1024), ServiceName: z.string(),
  MaxResults: z.number().int().min(1).max(1000).optional(),
  QueryParameters: z.record(z.string(), z.string()).optional(), OptionalParameters: z.record(z.string(), z.string()).optional(),
  HealthStatus: z.enum(["HEALTHY", "UNHEALTHY", "ALL", "HEALTHY_OR_ELSE_ALL"]).optional(),
  OwnerAccount: z.string().optional(),
});

const matches = (i: CloudMapInstance, params: Record<string, string> | undefined) => Object.entries(params ?? {}).every(([k, v]) => i.attributes[k] === v);

export function discoverInstances(world: World, raw: unknown) {
  const input = parseInput(DiscoverSchema, raw);
  if (input.OwnerAccount && input.OwnerAccount !== world.account) throw invalidInput(`The namespace ${input.NamespaceName} is not shared with this account.`);
  const ns = namespaceByName(world, input.NamespaceName);
  if (!ns) throw namespaceNotFound(input.NamespaceName);
  const s = serviceByName(world, ns.id, input.ServiceName);
  if (!s) throw serviceNotFound(input.ServiceName);
  // Without a health check every instance comes back whatever HealthStatus asks for.
  const health = s.customHealth ? input.HealthStatus ?? "HEALTHY" : "ALL";
  let found = byCreation(s).filter((i) => matches(i, input.QueryParameters));
  const preferred = found.filter((i) => matches(i, input.OptionalParameters));
  if (preferred.length) found = preferred;
  const healthy = found.filter((i) => i.health === "HEALTHY");
  const picked = health === "ALL" ? found
    : health === "HEALTHY" ? healthy
      : health === "UNHEALTHY" ? found.filter((i) => i.health === "UNHEALTHY")
        : healthy.length ? healthy : found;
  return {
    Instances: picked.slice(0, input.MaxResults ?? 100).map((i) => ({
      InstanceId: i.id, NamespaceName: ns.name, ServiceName: s.name, HealthStatus: s.customHealth ? i.health : "UNKNOWN", Attributes: i.attributes,
    })),
    InstancesRevision: s.revision,
  };
}

export function getOperation(world: World, raw: unknown) {
  const input = parseInput(z.object({ OperationId: z.string().max(255), OwnerAccount: z.string().optional() }), raw);
  const op = own(peek(world).discoveryOperations, input.OperationId);
  if (!op) throw cloudMapError("OperationNotFound", `Operation not found: ${input.OperationId}`);
  return {
    Operation: {
      Id: op.id, OwnerAccount: world.account, Type: op.type, Status: op.status,
      CreateDate: epochSeconds(op.createdAt), UpdateDate: epochSeconds(op.updatedAt), Targets: op.targets,
    },
  };
}
