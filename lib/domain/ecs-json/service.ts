import type { CreateClusterCommandInput, CreateServiceCommandInput } from "@aws-sdk/client-ecs";
import { clusterNameOf, ServiceSchema, readEcsJson, zodIssues, type Cluster, type Design, type Service } from "../design";
import { idFor, isPlainObject } from "./ids";
import { nullNotes } from "./null-note";
import type { ImportIssue, ImportNote } from "./types";
import { unknownKeyNotes } from "./unknown-keys";

/** Keys of a DescribeServices service object that CreateService does not take. */
export const SERVICE_READ_ONLY_KEYS = [
  "serviceArn", "status", "runningCount", "pendingCount", "deployments", "events", "createdAt",
  "createdBy", "taskSets", "platformFamily", "currentServiceDeployment", "currentServiceRevisions",
  "resourceManagementType",
] as const;

export type ImportServiceResult =
  | { ok: true; service: Service; notes: ImportNote[] }
  | { ok: false; issues: ImportIssue[] };

/**
 * Imports a CreateService input or one service object of a DescribeServices answer.
 * `clusterArn` becomes `cluster` (a name), `roleArn` becomes `role`, read-only keys are
 * stripped; a service without a cluster lands in ECS's `default` cluster, as in ECS. Nulls
 * mean "not set" and are left out.
 */
export function importService(input: unknown, opts: { id?: string; pathPrefix?: string } = {}): ImportServiceResult {
  const prefix = opts.pathPrefix ?? "";
  const at = (k: string) => (prefix ? `${prefix}.${k}` : k);
  const read = readEcsJson(input, prefix);
  if (!read.ok) return read;
  const json = read.value;
  if (!isPlainObject(json)) return { ok: false, issues: [{ path: prefix || "(document)", message: "A service must be a JSON object" }] };
  const raw: Record<string, unknown> = { ...json };
  const notes: ImportNote[] = nullNotes(read, prefix);
  for (const key of SERVICE_READ_ONLY_KEYS) {
    if (key in raw) {
      delete raw[key];
      notes.push({ severity: "info", path: at(key), message: `"${key}" is reported by ECS, not set by CreateService; stripped` });
    }
  }
  if (typeof raw.clusterArn === "string") {
    if (raw.cluster === undefined) raw.cluster = clusterNameOf(raw.clusterArn);
    notes.push({ severity: "info", path: at("clusterArn"), message: `"clusterArn" converted to cluster "${clusterNameOf(raw.clusterArn)}"` });
    delete raw.clusterArn;
  }
  if (typeof raw.roleArn === "string") {
    if (raw.role === undefined) raw.role = raw.roleArn;
    notes.push({ severity: "info", path: at("roleArn"), message: `"roleArn" converted to CreateService's "role"` });
    delete raw.roleArn;
  }
  if (raw.cluster === undefined) {
    raw.cluster = "default";
    notes.push({ severity: "info", path: at("cluster"), message: `No cluster given: ECS uses the "default" cluster` });
  } else if (typeof raw.cluster === "string" && raw.cluster.startsWith("arn:")) {
    notes.push({ severity: "info", path: at("cluster"), message: `Cluster ARN kept; the design refers to it by name "${clusterNameOf(raw.cluster)}"` });
  }
  if ("id" in raw) delete raw.id;
  const name = typeof raw.serviceName === "string" ? raw.serviceName : "service";
  const parsed = ServiceSchema.safeParse({ id: opts.id ?? idFor("svc", name), ...raw });
  if (!parsed.success) return { ok: false, issues: zodIssues(parsed.error, prefix) };
  notes.push(...unknownKeyNotes(ServiceSchema, raw, [], prefix));
  return { ok: true, service: parsed.data, notes };
}

/**
 * CreateService input. `cluster` and `taskDefinition` are exported as stored (a family
 * registers as its latest ACTIVE revision). `design` is accepted for callers that hold one;
 * the output does not depend on it. `autoScaling` is Application Auto Scaling's, not ECS's.
 */
export function exportService(service: Service, _design?: Design): CreateServiceCommandInput {
  const { id: _id, autoScaling: _autoScaling, ...rest } = service;
  return structuredClone(rest) as unknown as CreateServiceCommandInput;
}

/** CreateCluster input: the designed EC2 `instances` are Stevedore's, not ECS's. */
export function exportCluster(cluster: Cluster): CreateClusterCommandInput {
  const { id: _id, instances: _instances, ...rest } = cluster;
  return structuredClone(rest) as unknown as CreateClusterCommandInput;
}
