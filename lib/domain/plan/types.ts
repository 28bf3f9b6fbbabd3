import type { Finding } from "../rules/types";
import type { CapacityBounds, InstancesFor, PriceTable } from "../cost";
import type { PlanCost } from "./plan-cost";
import type { CapacityProvider as EcsCapacityProvider, Cluster as EcsCluster, Service as EcsService, Tag as EcsTag, TaskDefinition as EcsTaskDefinition } from "@aws-sdk/client-ecs";
import type { ScalableTarget, ScalingPolicy, ScheduledAction } from "@aws-sdk/client-application-auto-scaling";
import type { GetScheduleOutput } from "@aws-sdk/client-scheduler";
import type {
  Listener as ElbListener, LoadBalancer as ElbLoadBalancer, Rule as ElbRule, TargetGroup as ElbTargetGroup,
} from "@aws-sdk/client-elastic-load-balancing-v2";

/** Tags as the planner keeps them for every service (ELBv2's Key/Value are read into this shape). */
export type LiveTag = EcsTag;

/** A target group as DescribeTargetGroups, DescribeTags and (when needed) DescribeTargetGroupAttributes answer. */
export type LiveTargetGroup = { targetGroup: ElbTargetGroup; tags: LiveTag[]; attributes?: Record<string, string> };

/** A listener and its rules (DescribeRules, the default rule included), each with its tags by ARN. */
export type LiveListener = { listener: ElbListener; rules: ElbRule[]; tags: Record<string, LiveTag[]> };

/** A load balancer with its tags and, for one the design owns, its listeners. */
export type LiveLoadBalancer = { loadBalancer: ElbLoadBalancer; tags: LiveTag[]; listeners: LiveListener[] };

/** A service's Application Auto Scaling as DescribeScalableTargets, DescribeScalingPolicies and DescribeScheduledActions answer. */
export type LiveScaling = { target: ScalableTarget; policies: ScalingPolicy[]; scheduledActions: ScheduledAction[] };

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
  /** The design's target groups that exist, by name (owned ones and those it references by ARN). */
  targetGroups?: Record<string, LiveTargetGroup>;
  /** The design's load balancers that exist, by name; listeners and rules only for the ones it owns. */
  loadBalancers?: Record<string, LiveLoadBalancer>;
  /** Target groups tagged stevedore:design=<the design> whose names the design no longer has. */
  ownedTargetGroups?: Record<string, LiveTargetGroup>;
  /** Load balancers tagged stevedore:design=<the design> whose names the design no longer has. */
  ownedLoadBalancers?: Record<string, LiveLoadBalancer>;
  /** The design's capacity providers that exist (ACTIVE), by name, with their tags. */
  capacityProviders?: Record<string, EcsCapacityProvider>;
  /** ACTIVE capacity providers tagged stevedore:design=<the design> whose names the design no longer has. */
  ownedCapacityProviders?: Record<string, EcsCapacityProvider>;
  /** The account's default VPC and its default subnets: where a target group or load balancer without a VPC or subnets goes. */
  defaultVpc?: { vpcId: string; subnetIds: string[] };
  /** The VPC of each subnet the design's own load balancers name: a target group without a VPC goes where its load balancer is. */
  subnetVpcs?: Record<string, string>;
  /** Registered scalable targets of the design's services and of the services it created, by `cluster/service`; absent when not read. */
  scaling?: Record<string, LiveScaling>;
  /**
   * EventBridge Scheduler: the schedule groups the design's scheduled tasks use and its own
   * (`stevedore-<design>`), by name, with their tags (null: the group does not exist), and every
   * schedule of those groups by `<group>/<name>`, as GetSchedule answers. Absent when not read.
   */
  schedules?: { groups: Record<string, { tags: LiveTag[] } | null>; byKey: Record<string, GetScheduleOutput> };
};

export type PlanAction = "create" | "update" | "replace" | "no-change" | "delete";
export type ResourceKind = "capacity-provider" | "cluster" | "task-definition" | "target-group" | "load-balancer" | "listener" | "service" | "auto-scaling" | "scheduled-task";

/** One changed field; `old`/`new` are undefined when the field is absent on that side. */
export type FieldChange = { path: string; old?: unknown; new?: unknown };

export type EcsOperation =
  | "CreateCluster" | "UpdateCluster" | "PutClusterCapacityProviders" | "RegisterTaskDefinition"
  | "CreateService" | "UpdateService" | "DeleteService" | "TagResource" | "UntagResource" | "DeleteCluster" | "DeregisterTaskDefinition"
  | "CreateCapacityProvider" | "UpdateCapacityProvider" | "DeleteCapacityProvider";

export type Elbv2PlanOperation =
  | "CreateTargetGroup" | "ModifyTargetGroup" | "ModifyTargetGroupAttributes" | "DeleteTargetGroup"
  | "CreateLoadBalancer" | "SetSubnets" | "SetSecurityGroups" | "DeleteLoadBalancer"
  | "CreateListener" | "ModifyListener" | "DeleteListener" | "CreateRule" | "ModifyRule" | "DeleteRule" | "AddTags" | "RemoveTags";

export type AutoScalingPlanOperation =
  | "RegisterScalableTarget" | "DeregisterScalableTarget" | "PutScalingPolicy" | "DeleteScalingPolicy" | "PutScheduledAction" | "DeleteScheduledAction";

export type SchedulerPlanOperation = "CreateScheduleGroup" | "CreateSchedule" | "UpdateSchedule" | "DeleteSchedule";

export type PlanOperation = EcsOperation | Elbv2PlanOperation | AutoScalingPlanOperation | SchedulerPlanOperation;

/**
 * An AWS API call exactly as apply will make it (inputs are the SDK's command inputs). `service`
 * is absent for ECS (so plans of ECS-only designs keep their form) and "elbv2" for Elastic Load
 * Balancing, "autoscaling" for Application Auto Scaling. ELBv2 inputs may hold references apply resolves from what earlier calls returned:
 * `targetgroup/<name>`, `loadbalancer/<name>`, `listener/<lb>/<port>` and
 * `listener-rule/<lb>/<port>/<priority|default>`.
 */
export type PlanCall =
  | { service?: undefined; operation: EcsOperation; input: Record<string, unknown> }
  | { service: "elbv2"; operation: Elbv2PlanOperation; input: Record<string, unknown> }
  | { service: "autoscaling"; operation: AutoScalingPlanOperation; input: Record<string, unknown> }
  | { service: "scheduler"; operation: SchedulerPlanOperation; input: Record<string, unknown> };

/** The ECS calls of a plan. */
export type EcsCall = Extract<PlanCall, { service?: undefined }>;

export type PlanStep = {
  /** `cluster:main`, `task-definition:web`, `target-group:web`, `load-balancer:web`, `listener:web/443`, `service:main/web`: stable across plans of the same design. */
  key: string;
  kind: ResourceKind;
  /** Cluster name, family, target group or load balancer name, `lb/port`, or `cluster/service`. */
  name: string;
  /** Id of the design resource; absent for deletes of resources the design no longer has. */
  designId?: string;
  action: PlanAction;
  changes: FieldChange[];
  /** Why a replace cannot be done in place. */
  reason?: string;
  /** Things the user should know that do not stop the plan (e.g. a setting Stevedore leaves alone). */
  notes: string[];
  calls: PlanCall[];
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
  /** The change in monthly cost and each deployment's temporary extra cost (lib/domain/cost prices). */
  cost?: PlanCost;
};

export type PlanOptions = {
  /** Written to the `stevedore:design` tag of every created resource; deletes only touch resources carrying it. */
  designId: string;
  /** The Region whose prices the plan's cost uses (default us-east-1, stated in the cost's assumptions). */
  region?: string;
  /** Services' scaling min/max capacity by service id: the cost is also given at both. */
  capacity?: CapacityBounds;
  /** The prices the cost uses (default: the shipped table; the app passes it with the Regions refreshed from the Price List). */
  priceTable?: PriceTable;
  /**
   * The instances a design's capacity providers need (the server passes the sandbox's placement,
   * lib/server/plan/placed-cost.ts): the cost then prices them, before and after the plan.
   */
  instancesFor?: InstancesFor;
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
