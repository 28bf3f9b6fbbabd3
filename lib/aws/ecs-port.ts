import type {
  CreateClusterCommandInput, CreateClusterCommandOutput, CreateServiceCommandInput, CreateServiceCommandOutput,
  DeleteClusterCommandInput, DeleteClusterCommandOutput, DeleteServiceCommandInput, DeleteServiceCommandOutput,
  DeregisterTaskDefinitionCommandInput, DeregisterTaskDefinitionCommandOutput, DescribeClustersCommandInput, DescribeClustersCommandOutput,
  ContainerInstance, DescribeTaskDefinitionCommandInput, DescribeTaskDefinitionCommandOutput, Failure, ListTagsForResourceCommandInput,
  ListTagsForResourceCommandOutput, PutClusterCapacityProvidersCommandInput, PutClusterCapacityProvidersCommandOutput,
  RegisterTaskDefinitionCommandInput, RegisterTaskDefinitionCommandOutput, Service, TagResourceCommandInput,
  TagResourceCommandOutput, Task, UpdateClusterCommandInput, UpdateClusterCommandOutput, UpdateServiceCommandInput,
  UpdateServiceCommandOutput,
} from "@aws-sdk/client-ecs";

/**
 * The ECS calls plan/apply and monitoring make. Everything above lib/aws talks to this port, so
 * the sandbox, a real account and a test double are interchangeable. The batched reads hide
 * ECS's per-call limits (10 services, 100 tasks) from callers.
 */
export interface EcsPort {
  describeClusters(input: DescribeClustersCommandInput): Promise<DescribeClustersCommandOutput>;
  /** Every cluster ARN of the account and Region (all pages). */
  listClusters(): Promise<string[]>;
  createCluster(input: CreateClusterCommandInput): Promise<CreateClusterCommandOutput>;
  updateCluster(input: UpdateClusterCommandInput): Promise<UpdateClusterCommandOutput>;
  /** ECS refuses while the cluster still has ACTIVE/DRAINING services or running tasks. */
  deleteCluster(input: DeleteClusterCommandInput): Promise<DeleteClusterCommandOutput>;
  putClusterCapacityProviders(input: PutClusterCapacityProvidersCommandInput): Promise<PutClusterCapacityProvidersCommandOutput>;
  /** Any number of services of one cluster; split into calls of 10. */
  describeServices(input: { cluster: string; services: string[]; includeTags?: boolean }): Promise<{ services: Service[]; failures: Failure[] }>;
  /** Every service ARN of a cluster (all pages). */
  listServices(input: { cluster: string }): Promise<string[]>;
  /** Every task ARN of a cluster with that desired status (all pages; ECS lists RUNNING by default; PENDING lists tasks not yet running). */
  listTasks(input: { cluster: string; desiredStatus: "RUNNING" | "PENDING" | "STOPPED" }): Promise<string[]>;
  createService(input: CreateServiceCommandInput): Promise<CreateServiceCommandOutput>;
  updateService(input: UpdateServiceCommandInput): Promise<UpdateServiceCommandOutput>;
  deleteService(input: DeleteServiceCommandInput): Promise<DeleteServiceCommandOutput>;
  /** Called with include TAGS, so the ownership tag comes back with the definition. */
  describeTaskDefinition(input: DescribeTaskDefinitionCommandInput): Promise<DescribeTaskDefinitionCommandOutput>;
  registerTaskDefinition(input: RegisterTaskDefinitionCommandInput): Promise<RegisterTaskDefinitionCommandOutput>;
  deregisterTaskDefinition(input: DeregisterTaskDefinitionCommandInput): Promise<DeregisterTaskDefinitionCommandOutput>;
  /** Every task definition family with that status (all pages). */
  listTaskDefinitionFamilies(input: { status: "ACTIVE" | "INACTIVE" | "ALL" }): Promise<string[]>;
  /** Every revision ARN of one family (`familyPrefix` is the full family name) with that status (all pages). */
  listTaskDefinitions(input: { familyPrefix: string; status: "ACTIVE" | "INACTIVE" }): Promise<string[]>;
  listTagsForResource(input: ListTagsForResourceCommandInput): Promise<ListTagsForResourceCommandOutput>;
  tagResource(input: TagResourceCommandInput): Promise<TagResourceCommandOutput>;
  /** Any number of tasks of one cluster; split into calls of 100 (for later monitoring). */
  describeTasks(input: { cluster: string; tasks: string[] }): Promise<{ tasks: Task[]; failures: Failure[] }>;
  /** Every container instance ARN of a cluster (all pages). */
  listContainerInstances(input: { cluster: string }): Promise<string[]>;
  /** Any number of container instances of one cluster; split into calls of 100. */
  describeContainerInstances(input: { cluster: string; containerInstances: string[] }): Promise<{ containerInstances: ContainerInstance[]; failures: Failure[] }>;
  destroy(): void;
}

/** The ECS operations the port makes, by their API names (the pacer's and the plan's vocabulary). */
export type EcsOperation =
  | "DescribeClusters" | "ListClusters" | "CreateCluster" | "UpdateCluster" | "PutClusterCapacityProviders" | "DescribeServices"
  | "ListServices" | "CreateService" | "UpdateService" | "DeleteService" | "DescribeTaskDefinition"
  | "RegisterTaskDefinition" | "ListTagsForResource" | "TagResource" | "DescribeTasks" | "ListTasks" | "DeleteCluster"
  | "DeregisterTaskDefinition" | "ListTaskDefinitionFamilies" | "ListTaskDefinitions";

/** An ECS error reduced to what a user needs: the exception name and ECS's own message. */
export type EcsFailure = { name: string; message: string };

export function toEcsFailure(err: unknown): EcsFailure {
  if (err instanceof Error) return { name: err.name || "Error", message: err.message };
  return { name: "Error", message: String(err) };
}

export function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
