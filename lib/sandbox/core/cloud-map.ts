import { peek } from "./draft";
import { arn, bySeq, nextSeq, randomHex } from "./ids";
import { own, setOwn } from "./maps";
import type { CloudMapInstance, CloudMapNamespace, CloudMapOperation, CloudMapService, Ctx, Tag, World } from "./types";

// AWS Cloud Map's registry as the world keeps it: namespaces, their services and instances, and
// the operations that changed them. Shared by the Cloud Map API (servicediscovery/) and ECS, whose
// Service Connect creates namespaces (a cluster's default named anew), services (one per
// `services[]` entry) and instances (one per RUNNING task), as ECS does through Cloud Map's API.
// Ids: `ns-`/`srv-` and 16 lower-case characters; an operation id is 32 characters, `-`, 8 more.

export const namespaceArn = (world: World, id: string) => arn(world, "servicediscovery", `namespace/${id}`);
export const discoveryServiceArn = (world: World, id: string) => arn(world, "servicediscovery", `service/${id}`);

/** The namespace of that id (or undefined); `write` copies it into the draft. */
export function namespaceById(world: World, id: string, write = false): CloudMapNamespace | undefined {
  return own(write ? world.namespaces : peek(world).namespaces, id);
}

/** The namespace called `name` (names are unique per account and Region, case-insensitively). */
export function namespaceByName(world: World, name: string): CloudMapNamespace | undefined {
  const key = name.toLowerCase();
  return Object.values(peek(world).namespaces).find((n) => n.name.toLowerCase() === key);
}

/** The namespace a name or an ARN names, as ECS takes a Service Connect namespace. */
export function namespaceByRef(world: World, ref: string): CloudMapNamespace | undefined {
  if (ref.startsWith("arn:")) return Object.values(peek(world).namespaces).find((n) => n.arn === ref);
  return namespaceByName(world, ref);
}

export function servicesOf(world: World, namespaceId: string): CloudMapService[] {
  return bySeq(peek(world).discoveryServices).filter((s) => s.namespaceId === namespaceId);
}

/** The service called `name` in the namespace (service names compare case-insensitively). */
export function serviceByName(world: World, namespaceId: string, name: string): CloudMapService | undefined {
  const key = name.toLowerCase();
  return servicesOf(world, namespaceId).find((s) => s.name.toLowerCase() === key);
}

/** Records an operation that completed at once (the sandbox has no propagation delay). */
export function recordOperation(world: World, ctx: Ctx, type: CloudMapOperation["type"], targets: Record<string, string>): string {
  const id = `${randomHex(world, 32)}-${randomHex(world, 8)}`;
  setOwn(world.discoveryOperations, id, { id, type, status: "SUCCESS", targets, createdAt: ctx.now, updatedAt: ctx.now });
  return id;
}

export type NewNamespace = { name: string; type: CloudMapNamespace["type"]; description?: string; vpc?: string; creatorRequestId?: string; tags: Tag[] };

/** A new namespace and its CREATE_NAMESPACE operation's id. */
export function createNamespace(world: World, ctx: Ctx, fields: NewNamespace): { namespace: CloudMapNamespace; operationId: string } {
  const id = `ns-${randomHex(world, 16)}`;
  const namespace: CloudMapNamespace = {
    id, arn: namespaceArn(world, id), name: fields.name, type: fields.type, tags: fields.tags, createdAt: ctx.now, seq: nextSeq(world),
    ...(fields.description !== undefined ? { description: fields.description } : {}),
    ...(fields.vpc !== undefined ? { vpc: fields.vpc, hostedZoneId: `Z${randomHex(world, 13).toUpperCase()}` } : {}),
    ...(fields.creatorRequestId !== undefined ? { creatorRequestId: fields.creatorRequestId } : {}),
  };
  setOwn(world.namespaces, id, namespace);
  return { namespace, operationId: recordOperation(world, ctx, "CREATE_NAMESPACE", { NAMESPACE: id }) };
}

/**
 * The service `name` of the namespace, created for ECS's Service Connect if it is not there
 * (an HTTP service whose instances' health ECS reports).
 */
export function ensureEcsService(world: World, ctx: Ctx, namespaceId: string, name: string, ecsServiceArn: string): CloudMapService {
  const found = serviceByName(world, namespaceId, name);
  if (found) return found;
  const id = `srv-${randomHex(world, 16)}`;
  const svc: CloudMapService = {
    id, arn: discoveryServiceArn(world, id), name, namespaceId, type: "HTTP", customHealth: true, createdByEcs: ecsServiceArn,
    instances: {}, revision: 0, tags: [], createdAt: ctx.now, seq: nextSeq(world),
  };
  setOwn(world.discoveryServices, id, svc);
  return svc;
}

/** Registers (or updates) an instance; nothing changes when it is already registered so. */
export function putInstance(world: World, ctx: Ctx, serviceId: string, instance: Omit<CloudMapInstance, "createdAt">) {
  const current = own(peek(world).discoveryServices, serviceId);
  if (!current) return;
  const before = own(current.instances, instance.id);
  if (before && before.health === instance.health && JSON.stringify(before.attributes) === JSON.stringify(instance.attributes)) return;
  const svc = own(world.discoveryServices, serviceId)!;
  setOwn(svc.instances, instance.id, { ...instance, createdAt: before?.createdAt ?? ctx.now });
  svc.revision++;
}

export function removeInstance(world: World, serviceId: string, instanceId: string) {
  const current = own(peek(world).discoveryServices, serviceId);
  if (!current || !own(current.instances, instanceId)) return;
  const svc = own(world.discoveryServices, serviceId)!;
  delete svc.instances[instanceId];
  svc.revision++;
}
