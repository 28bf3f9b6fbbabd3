import type { Cluster, Design, Service, TaskDefinition } from "../design";

export type Severity = "error" | "warning" | "info";
export type ResourceKind = "cluster" | "taskDefinition" | "service" | "loadBalancer" | "targetGroup" | "capacityProvider" | "scheduledTask";

/** Each kind of resource in running text ("… in task definition web"). */
export const RESOURCE_KIND_NAME: Record<ResourceKind, string> = {
  cluster: "cluster", taskDefinition: "task definition", service: "service", loadBalancer: "load balancer", targetGroup: "target group", capacityProvider: "capacity provider", scheduledTask: "scheduled task",
};
export type PathSegment = string | number;

/** A mechanical change that resolves a finding: set (or, with value undefined, remove) the value at path. */
export type Edit = { path: PathSegment[]; value: unknown };

export type Fix = {
  /** What to do, in words a user can act on by hand. */
  description: string;
  /** Present when the fix is mechanical; paths are absolute from the design root. */
  edits?: Edit[];
  /**
   * A fix whose values come from an environment rather than the design: "default-vpc" sets the
   * finding's service's awsvpcConfiguration to the environment's default VPC (subnets and
   * security group, read through EC2), in one click in the designer.
   */
  fromEnvironment?: "default-vpc";
};

export type Finding = {
  /** Stable id, e.g. `fargate-task-size`: UIs and suppressions key on it. */
  ruleId: string;
  severity: Severity;
  resource: { kind: ResourceKind; id: string; name: string; container?: string };
  /** Absolute path from the design root of the field the finding is about. */
  path: PathSegment[];
  /** Why ECS cares, in plain language. */
  message: string;
  fix?: Fix;
};

/** What a rule reports; the engine adds the resource, and prefixes paths and edit paths with the resource's own path. */
export type RuleFinding = {
  severity?: Severity;
  /** Path relative to the resource checked (e.g. `["containerDefinitions", 0, "memory"]`). */
  path: PathSegment[];
  message: string;
  container?: string;
  fix?: Fix;
};

/** Read-only lookups built once per validation run. */
export type DesignIndex = {
  design: Design;
  tdByFamily: Map<string, TaskDefinition[]>;
  clusterByName: Map<string, Cluster[]>;
  servicesByFamily: Map<string, Service[]>;
};

export type ServiceContext = {
  index: DesignIndex;
  /** The task definition the service runs, when it is in this design. */
  taskDefinition?: TaskDefinition;
  /** The cluster the service is in, when it is in this design. */
  cluster?: Cluster;
};

type RuleBase = {
  id: string;
  /** Short title for lists and docs. */
  title: string;
  /** Default severity of this rule's findings. */
  severity: Severity;
};

export type TaskDefinitionRule = RuleBase & {
  scope: "taskDefinition";
  /** Must depend only on the task definition (it is cached per task definition object). */
  check(td: TaskDefinition): RuleFinding[];
};
export type ServiceRule = RuleBase & {
  scope: "service";
  /** Must depend only on the service, its task definition, its cluster and the design's capacity providers (cached on those four). */
  check(service: Service, ctx: ServiceContext): RuleFinding[];
};
export type ClusterRule = RuleBase & {
  scope: "cluster";
  /** May read the whole design through the index (not cached). */
  check(cluster: Cluster, index: DesignIndex): RuleFinding[];
};
/** Design-wide rules report findings with explicit resources (not cached). */
export type DesignRule = RuleBase & {
  scope: "design";
  check(index: DesignIndex): Finding[];
};

export type Rule = TaskDefinitionRule | ServiceRule | ClusterRule | DesignRule;
