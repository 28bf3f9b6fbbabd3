import { peek } from "../core/draft";
import { uuid } from "../core/ids";
import type { Cluster, Service, Task, TaskDefinition, World } from "../core/types";
import { lastSegment, parseEcsArn, serviceArn, taskArn } from "./arns";
import { clientError, clusterNotFound } from "./errors";

// Finding ECS resources in a world by name or ARN, the way ECS resolves its parameters.

/** An ACTIVE cluster by name or ARN (default: "default"), or ClusterNotFoundException. */
export function activeCluster(world: World, nameOrArn: string | undefined): Cluster {
  const cluster = world.clusters[lastSegment(nameOrArn ?? "default")];
  if (!cluster || cluster.status !== "ACTIVE") throw clusterNotFound();
  return cluster;
}

/** A cluster's tasks in launch order, for reading only (they may be shared with the base world). */
export function clusterTasks(world: World, clusterName: string): Task[] {
  return Object.values(peek(world).tasks).filter((t) => t.clusterName === clusterName).sort((a, b) => a.seq - b.seq);
}

/** A cluster's services, for reading only (they may be shared with the base world). */
export function clusterServices(world: World, clusterName: string): Service[] {
  return Object.values(peek(world).services)
    .filter((s) => s.clusterName === clusterName)
    .sort((a, b) => a.createdAt - b.createdAt || a.name.localeCompare(b.name));
}

/** Finds a service of a cluster by name or ARN, preferring the live one over INACTIVE leftovers (read only). */
export function peekService(world: World, clusterName: string, nameOrArn: string): Service | undefined {
  const name = lastSegment(nameOrArn);
  // Services are keyed by an ARN made of cluster and name, so the key finds it directly; the
  // scan only runs when it is not there.
  const direct = peek(world).services[serviceArn(world, clusterName, name)];
  if (direct && direct.clusterName === clusterName && direct.name === name) return direct;
  const matches = clusterServices(world, clusterName).filter((s) => s.name === name);
  return matches.find((s) => s.status !== "INACTIVE") ?? matches[matches.length - 1];
}

/** As peekService, but the world's own copy, which the caller may change. */
export function findService(world: World, clusterName: string, nameOrArn: string): Service | undefined {
  const found = peekService(world, clusterName, nameOrArn);
  return found && world.services[found.arn];
}

/** `family`, `family:revision` or a task definition ARN → the revision it names (latest ACTIVE for a bare family). */
export function findTaskDefinition(world: World, ref: string): TaskDefinition | undefined {
  let spec = ref;
  if (ref.startsWith("arn:")) {
    const parsed = parseEcsArn(ref);
    if (!parsed || parsed.resource !== "task-definition") return undefined;
    spec = parsed.parts.join("/");
  }
  const [family, rev] = spec.split(":");
  const revisions = world.taskDefinitions[family];
  if (!revisions) return undefined;
  if (rev === undefined) return [...revisions].reverse().find((td) => td.status === "ACTIVE");
  if (!/^\d+$/.test(rev)) return undefined;
  return revisions[Number(rev) - 1];
}

/** A task definition a new task may use (ACTIVE), or the ClientException ECS gives. */
export function usableTaskDefinition(world: World, ref: string): TaskDefinition {
  const td = findTaskDefinition(world, ref);
  if (!td) throw clientError("Unable to describe task definition.");
  if (td.status !== "ACTIVE") throw clientError(`TaskDefinition is inactive`);
  return td;
}

/** A task of a cluster by id or ARN, for reading only. */
export function peekTask(world: World, clusterName: string, idOrArn: string): Task | undefined {
  const id = lastSegment(idOrArn);
  const tasks = peek(world).tasks;
  // Keyed by an ARN made of cluster and id: a direct hit, else the scan (which then finds nothing).
  const direct = tasks[taskArn(world, clusterName, id)];
  if (direct && direct.clusterName === clusterName && direct.id === id) return direct;
  return Object.values(tasks).find((t) => t.clusterName === clusterName && t.id === id);
}

/** As peekTask, but the world's own copy, which the caller may change. */
export function findTask(world: World, clusterName: string, idOrArn: string): Task | undefined {
  const found = peekTask(world, clusterName, idOrArn);
  return found && world.tasks[found.arn];
}

const MAX_EVENTS = 100;

/** Service events, newest first, at most 100 (as DescribeServices shows them). */
export function addServiceEvent(world: World, service: Service, message: string) {
  service.events.unshift({ id: uuid(world), createdAt: world.now, message });
  if (service.events.length > MAX_EVENTS) service.events.length = MAX_EVENTS;
}
