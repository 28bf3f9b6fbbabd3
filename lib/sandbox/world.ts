import { clientError, clusterNotFound } from "./errors";
import { lastSegment, parseEcsArn, uuid } from "./ids";
import type { Cluster, SandboxConfig, Service, Task, TaskDefinition, World } from "./types";

/** The sandbox's fixed account id: every ARN it mints names this account. */
export const SANDBOX_ACCOUNT = "000000000000";

export const DEFAULT_CONFIG: SandboxConfig = {
  delays: { provisioning: 1000, pending: 3000, activating: 1000, deactivating: 1000, stopping: 2000, deprovisioning: 1000 },
  stoppedTaskRetention: 60 * 60 * 1000,
  maxEventsPerAdvance: 20_000,
};

export function emptyWorld(region: string, seed: number, now: number): World {
  return {
    region, account: SANDBOX_ACCOUNT, now, seq: 0, rng: seed | 0,
    clusters: {}, taskDefinitions: {}, services: {}, tasks: {}, instances: {},
    faults: { pullFailures: [], unhealthyImages: [] },
  };
}

/** An ACTIVE cluster by name or ARN (default: "default"), or ClusterNotFoundException. */
export function activeCluster(world: World, nameOrArn: string | undefined): Cluster {
  const cluster = world.clusters[lastSegment(nameOrArn ?? "default")];
  if (!cluster || cluster.status !== "ACTIVE") throw clusterNotFound();
  return cluster;
}

export function clusterTasks(world: World, clusterName: string): Task[] {
  return Object.values(world.tasks).filter((t) => t.clusterName === clusterName).sort((a, b) => a.seq - b.seq);
}

export function clusterServices(world: World, clusterName: string): Service[] {
  return Object.values(world.services)
    .filter((s) => s.clusterName === clusterName)
    .sort((a, b) => a.createdAt - b.createdAt || a.name.localeCompare(b.name));
}

/** Finds a service of a cluster by name or ARN, preferring the live one over INACTIVE leftovers. */
export function findService(world: World, clusterName: string, nameOrArn: string): Service | undefined {
  const name = lastSegment(nameOrArn);
  const matches = clusterServices(world, clusterName).filter((s) => s.name === name);
  return matches.find((s) => s.status !== "INACTIVE") ?? matches[matches.length - 1];
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

export function findTask(world: World, clusterName: string, idOrArn: string): Task | undefined {
  const id = lastSegment(idOrArn);
  return Object.values(world.tasks).find((t) => t.clusterName === clusterName && t.id === id);
}

const MAX_EVENTS = 100;

/** Service events, newest first, at most 100 (as DescribeServices shows them). */
export function addServiceEvent(world: World, service: Service, message: string) {
  service.events.unshift({ id: uuid(world), createdAt: world.now, message });
  if (service.events.length > MAX_EVENTS) service.events.length = MAX_EVENTS;
}

export function nextSeq(world: World): number {
  return ++world.seq;
}
