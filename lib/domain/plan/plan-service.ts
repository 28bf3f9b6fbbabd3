import type { Service as EcsService } from "@aws-sdk/client-ecs";
import { clusterNameOf, familyOf, type Design, type Service } from "../design";
import { exportService } from "../ecs-json";
import { deploymentNote } from "./deployment-note";
import { resolveRefs } from "./plan-elbv2";
import { creationTags, tagCalls, tagChanges, tagValue } from "./tags";
import { DESIGN_TAG, type EcsCall, type FieldChange, type LiveState, type PlanStep } from "./types";
import { clientTokenFor, isObject, matchesDesired } from "./values";

type Json = Record<string, unknown>;

/** Fields UpdateService takes (API reference, UpdateService request parameters). */
const UPDATABLE = [
  "desiredCount", "capacityProviderStrategy", "deploymentConfiguration", "networkConfiguration", "placementConstraints",
  "placementStrategy", "platformVersion", "healthCheckGracePeriodSeconds", "enableExecuteCommand", "enableECSManagedTags",
  "propagateTags", "loadBalancers", "serviceRegistries", "serviceConnectConfiguration", "volumeConfigurations",
  "availabilityZoneRebalancing", "vpcLatticeConfigurations",
] as const;
/** Set only by CreateService: a different value needs a new service. */
const CREATE_ONLY = ["launchType", "schedulingStrategy", "role", "deploymentController"] as const;
/** Compared elsewhere, or naming the service rather than describing it. */
const IDENTITY = new Set(["id", "serviceName", "cluster", "taskDefinition", "tags", "clientToken"]);

/** What DescribeServices reports when CreateService was not given the field. */
const LIVE_DEFAULTS: Json = {
  enableExecuteCommand: false, enableECSManagedTags: false, propagateTags: "NONE", schedulingStrategy: "REPLICA",
  healthCheckGracePeriodSeconds: 0, deploymentController: { type: "ECS" }, loadBalancers: [], serviceRegistries: [],
  placementConstraints: [], placementStrategy: [], capacityProviderStrategy: [],
};

function normaliseNetwork(v: unknown): unknown {
  const c = isObject(v) && isObject(v.awsvpcConfiguration) ? v.awsvpcConfiguration : undefined;
  if (!c) return v;
  // ECS answers subnets and security groups as sets; DISABLED is the default of assignPublicIp.
  const sorted = (a: unknown) => (Array.isArray(a) ? [...a].sort() : a);
  return { awsvpcConfiguration: { ...c, subnets: sorted(c.subnets), securityGroups: sorted(c.securityGroups), assignPublicIp: c.assignPublicIp ?? "DISABLED" } };
}

function liveValue(live: EcsService, field: string): unknown {
  if (field === "role") return live.roleArn;
  // DescribeServices reports Service Connect per deployment, not on the service.
  if (field === "serviceConnectConfiguration") return live.deployments?.find((d) => d.status === "PRIMARY")?.serviceConnectConfiguration;
  // Likewise the managed EBS volume: DescribeServices has volumeConfigurations on deployments only.
  if (field === "volumeConfigurations") return live.deployments?.find((d) => d.status === "PRIMARY")?.volumeConfigurations ?? [];
  const v = (live as Json)[field];
  if (field === "networkConfiguration") return normaliseNetwork(v);
  if (field === "deploymentConfiguration") {
    return { minimumHealthyPercent: 100, maximumPercent: 200, deploymentCircuitBreaker: { enable: false, rollback: false }, ...(isObject(v) ? v : {}) };
  }
  if (field === "platformVersion" && v === undefined && live.launchType === "FARGATE") return "LATEST";
  return v ?? LIVE_DEFAULTS[field];
}

function fieldMatches(field: string, desired: unknown, live: EcsService): boolean {
  const current = liveValue(live, field);
  if (field === "role" && typeof desired === "string" && typeof current === "string") return current === desired || current.endsWith(`/${desired}`);
  return matchesDesired(field === "networkConfiguration" ? normaliseNetwork(desired) : desired, current);
}

/** `family:revision` of an ARN or reference, for comparing what a service runs. */
export function revisionRef(ref: string | undefined): string | undefined {
  return ref?.includes("/") ? ref.slice(ref.lastIndexOf("/") + 1) : ref;
}

export function serviceKey(s: { cluster: string; serviceName: string }): string {
  return `${clusterNameOf(s.cluster)}/${s.serviceName}`;
}

export function findLiveService(live: LiveState, cluster: string, serviceName: string): EcsService | undefined {
  return live.services.find((x) => x.serviceName === serviceName && clusterNameOf(x.clusterArn ?? "") === clusterNameOf(cluster) && x.status === "ACTIVE");
}

export type ServicePlanInput = {
  design: Design;
  live: LiveState;
  designId: string;
  /** family → `family:revision` the design's task definitions will have. */
  taskDefinitionRefs: Record<string, string>;
  /** A live service the design renamed (same `stevedore:id`), to be replaced by this one. */
  renamedFrom?: EcsService;
  /** Target group and listener rule references (`targetgroup/<name>`, `listener-rule/…`) → ARNs of the ones that exist. */
  refs?: ReadonlyMap<string, string>;
};

/** Fields an UpdateService may carry without starting a deployment. */
const NO_DEPLOYMENT = new Set(["cluster", "service", "desiredCount"]);

export function planService(s: Service, p: ServicePlanInput): PlanStep {
  const cluster = clusterNameOf(s.cluster);
  const key = serviceKey(s);
  const base = { key: `service:${key}`, kind: "service" as const, name: key, designId: s.id };
  const tdRef = p.taskDefinitionRefs[familyOf(s.taskDefinition)] ?? s.taskDefinition;
  const created = creationTags(s.tags, p.designId, s.id);
  const refs = p.refs ?? new Map<string, string>();
  const raw = exportService(s, p.design) as unknown as Json;
  const exported: Json = raw.loadBalancers ? { ...raw, loadBalancers: resolveRefs(raw.loadBalancers, refs) } : raw;
  const createInput: Json = { ...exported, cluster, taskDefinition: tdRef, tags: created.tags };
  const create: EcsCall = { operation: "CreateService", input: { ...createInput, clientToken: clientTokenFor(p.designId, key, createInput) } };
  const notes: string[] = [];
  if (!p.design.clusters.some((c) => c.clusterName === cluster) && !p.live.clusters[cluster]) {
    notes.push(`cluster "${cluster}" is neither in the design nor in the account`);
  }
  const current = findLiveService(p.live, cluster, s.serviceName);
  if (!current) {
    if (p.renamedFrom) {
      return {
        ...base, action: "replace", notes, reason: "serviceName and cluster cannot be changed in place: the old service is deleted and this one created",
        changes: [{ path: "service", old: serviceKey({ cluster: p.renamedFrom.clusterArn ?? "", serviceName: p.renamedFrom.serviceName ?? "" }), new: key }],
        calls: [deleteCall(p.renamedFrom), create],
      };
    }
    return { ...base, action: "create", changes: [], notes: [...notes, ...created.notes], calls: [create] };
  }

  const changes: FieldChange[] = [];
  const replaceReasons: string[] = [];
  const update: Json = {};
  const desired = exported;
  // With auto scaling, the scaler owns the live desired count (as Terraform's ignore_changes would leave it).
  if (s.autoScaling && desired.desiredCount !== undefined) {
    if (desired.desiredCount !== current.desiredCount) {
      notes.push(`desiredCount is left to Application Auto Scaling (${s.autoScaling.minCapacity ?? "?"}–${s.autoScaling.maxCapacity ?? "?"} tasks): the live ${current.desiredCount} stays, the design's ${desired.desiredCount} only applies when the service is created`);
    }
    delete desired.desiredCount;
  }
  for (const [field, value] of Object.entries(desired)) {
    if (IDENTITY.has(field) || value === undefined || fieldMatches(field, value, current)) continue;
    changes.push({ path: field, old: liveValue(current, field), new: value });
    if ((CREATE_ONLY as readonly string[]).includes(field)) {
      // Since June 2025 UpdateService moves a launch-type service onto a capacity provider strategy, not back, nor between launch types.
      if (field === "launchType") replaceReasons.push(current.launchType ? "launchType cannot be changed in place" : "a capacity provider strategy cannot be changed back to a launch type in place");
      else replaceReasons.push(`${field} cannot be changed in place`);
    } else if (field === "loadBalancers" && (current.deploymentController?.type ?? "ECS") !== "ECS") {
      replaceReasons.push(`loadBalancers of a ${current.deploymentController?.type} service cannot be changed by UpdateService`);
    } else if ((UPDATABLE as readonly string[]).includes(field)) {
      update[field] = value;
      if (field === "capacityProviderStrategy" && current.launchType) update.forceNewDeployment = true;
    } else {
      notes.push(`"${field}" differs, and UpdateService does not take it: left as is`);
      changes.pop();
    }
  }
  const liveRef = revisionRef(current.taskDefinition);
  const wantRef = revisionRef(tdRef);
  const sameTd = wantRef?.includes(":") ? liveRef === wantRef : familyOf(liveRef ?? "") === familyOf(wantRef ?? "");
  if (!sameTd) {
    changes.unshift({ path: "taskDefinition", old: liveRef, new: tdRef });
    update.taskDefinition = tdRef;
  }

  if (replaceReasons.length) {
    if (tagValue(current.tags, DESIGN_TAG) !== p.designId) {
      notes.push("this service was not created by this design, so Stevedore will not delete it: delete it yourself or change the design");
      return { ...base, action: "replace", reason: replaceReasons.join("; "), changes, notes, calls: [] };
    }
    return { ...base, action: "replace", reason: replaceReasons.join("; "), changes, notes, calls: [deleteCall(current), create] };
  }
  const calls: EcsCall[] = [];
  if (Object.keys(update).length) {
    calls.push({ operation: "UpdateService", input: { cluster, service: s.serviceName, ...update } });
    if (Object.keys(update).some((k) => !NO_DEPLOYMENT.has(k))) notes.push(deploymentNote(s, current));
  }
  const tags = tagChanges(s.tags, current.tags, p.designId);
  changes.push(...tags.changes);
  notes.push(...tags.notes);
  calls.push(...tagCalls(current.serviceArn, tags));
  return { ...base, action: calls.length ? "update" : "no-change", changes, notes, calls };
}

/** Force: a service scaled above zero cannot otherwise be deleted; ECS drains its tasks. */
export function deleteCall(svc: EcsService): EcsCall {
  return { operation: "DeleteService", input: { cluster: clusterNameOf(svc.clusterArn ?? ""), service: svc.serviceName, force: true } };
}
