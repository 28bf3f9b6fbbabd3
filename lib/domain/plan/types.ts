import type { Finding } from "../rules/types";
import type { Cluster as EcsCluster, Service as EcsService, Tag as EcsTag, TaskDefinition as EcsTaskDefinition } from "@aws-sdk/client-ecs";

/**
 * What a design touches in one account and Region, as DescribeClusters, DescribeServices and
 * DescribeTaskDefinition (all with TAGS) answer. Only ACTIVE clusters and services belong here:
 * a DRAINING service is on its way out and cannot be updated.
 */
export type LiveState = {
  /** By clusterName. */
  clusters: Record<string, EcsCluster>;
  /**
   * ACTIVE services of the clusters the design names and of `ownedClusters` (all of them, so that
   * owned leftovers can be found and a cluster holding someone else's service is kept).
   */
  services: EcsService[];
  /** Latest ACTIVE revision per family, with its tags. */
  taskDefinitions: Record<string, { taskDefinition: EcsTaskDefinition; tags: EcsTag[] }>;
  /**
   * ACTIVE clusters, by clusterName, that carry stevedore:design=<the design> but that the design
   * no longer names (neither as a cluster nor as a service's cluster); with TAGS.
   */
  ownedClusters?: Record<string, EcsCluster>;
  /**
   * Families the design no longer has whose latest ACTIVE revision carries stevedore:design=<the
   * design>: the ARNs of all their ACTIVE revisions and the latest revision's tags.
   */
  ownedFamilies?: Record<string, { revisionArns: string[]; tags: EcsTag[] }>;
};

export type PlanAction = "create" | "update" | "replace" | "no-change" | "delete";
export type ResourceKind = "cluster" | "task-definition" | "service";

/** One changed field; `old`/`new` are undefined when the field is absent on that side. */
export type FieldChange = { path: string; old?: unknown; new?: unknown };

export type PlanOperation =
  | "CreateCluster" | "UpdateCluster" | "PutClusterCapacityProviders" | "RegisterTaskDefinition"
  | "CreateService" | "UpdateService" | "DeleteService" | "TagResource" | "UntagResource" | "DeleteCluster" | "DeregisterTaskDefinition";

/** An ECS API call exactly as apply will make it (inputs are the SDK's command inputs). */
export type EcsCall = { operation: PlanOperation; input: Record<string, unknown> };

export type PlanStep = {
  /** `cluster:main`, `task-definition:web`, `service:main/web`: stable across plans of the same design. */
  key: string;
  kind: ResourceKind;
  /** Cluster name, family, or `cluster/service`. */
  name: string;
  /** Id of the design resource; absent for deletes of resources the design no longer has. */
  designId?: string;
  action: PlanAction;
  changes: FieldChange[];
  /** Why a replace cannot be done in place. */
  reason?: string;
  /** Things the user should know that do not stop the plan (e.g. a setting Stevedore leaves alone). */
  notes: string[];
  calls: EcsCall[];
};

export type PlanSummary = Record<PlanAction, number>;

export type Plan = {
  designId: string;
  steps: PlanStep[];
  summary: PlanSummary;
  /** True when no step makes any call. */
  empty: boolean;
  /**
   * The validator's error findings on the design: what ECS would refuse. A plan with errors is
   * not applied (the UI, the server and `stevedore apply` refuse) unless the person explicitly
   * chooses to apply anyway, which is recorded with the apply.
   */
  errors: Finding[];
};

export type PlanOptions = {
  /** Written to the `stevedore:design` tag of every created resource; deletes only touch resources carrying it. */
  designId: string;
};

export const DESIGN_TAG = "stevedore:design";
/** The design resource id, so a renamed service is recognised as the same resource. */
export const RESOURCE_TAG = "stevedore:id";
/**
 * The keys of the tags the design set on a resource it created (space-separated, continued in
 * stevedore:managed-tags:2, … past 256 characters): what lets a later plan remove the tags the
 * design dropped without touching anyone else's.
 */
export const MANAGED_TAGS_TAG = "stevedore:managed-tags";
