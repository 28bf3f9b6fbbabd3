import {
  ContinueServiceDeploymentCommand, DescribeServiceDeploymentsCommand, DescribeServiceRevisionsCommand, ListServiceDeploymentsCommand,
  StopServiceDeploymentCommand, type ServiceDeployment, type ServiceDeploymentBrief, type ServiceDeploymentStatus, type ServiceRevision,
  CreateCapacityProviderCommand, DeleteCapacityProviderCommand, DescribeCapacityProvidersCommand, UpdateCapacityProviderCommand,
  type CapacityProvider, CreateClusterCommand, CreateServiceCommand, DeleteClusterCommand, DeleteServiceCommand, DeregisterTaskDefinitionCommand,
  DescribeClustersCommand, DescribeContainerInstancesCommand, DescribeServicesCommand, DescribeTaskDefinitionCommand,
  DescribeTasksCommand, RunTaskCommand, ECSClient, ListClustersCommand, ListContainerInstancesCommand, ListServicesCommand,
  ListTagsForResourceCommand, ListTaskDefinitionFamiliesCommand, ListTaskDefinitionsCommand, ListTasksCommand,
  PutClusterCapacityProvidersCommand, RegisterTaskDefinitionCommand, TagResourceCommand, UntagResourceCommand, UpdateClusterCommand,
  UpdateServiceCommand, type Cluster, type ContainerInstance, type Failure, type Service, type Task,
} from "@aws-sdk/client-ecs";
import { ECS_LIMITS, type EcsOperation } from "../domain/aws-limits";
import { allPages, defineAwsPort, inBatches, type InputOf, type OutputOf } from "./port";

const COMMANDS = {
  DescribeClusters: DescribeClustersCommand, ListClusters: ListClustersCommand, CreateCluster: CreateClusterCommand,
  UpdateCluster: UpdateClusterCommand, DeleteCluster: DeleteClusterCommand, PutClusterCapacityProviders: PutClusterCapacityProvidersCommand,
  DescribeCapacityProviders: DescribeCapacityProvidersCommand, CreateCapacityProvider: CreateCapacityProviderCommand,
  UpdateCapacityProvider: UpdateCapacityProviderCommand, DeleteCapacityProvider: DeleteCapacityProviderCommand,
  DescribeServices: DescribeServicesCommand, ListServices: ListServicesCommand, CreateService: CreateServiceCommand,
  UpdateService: UpdateServiceCommand, DeleteService: DeleteServiceCommand, DescribeTaskDefinition: DescribeTaskDefinitionCommand,
  RegisterTaskDefinition: RegisterTaskDefinitionCommand, DeregisterTaskDefinition: DeregisterTaskDefinitionCommand,
  ListTaskDefinitionFamilies: ListTaskDefinitionFamiliesCommand, ListTaskDefinitions: ListTaskDefinitionsCommand,
  DescribeTasks: DescribeTasksCommand, ListTasks: ListTasksCommand, RunTask: RunTaskCommand, DescribeContainerInstances: DescribeContainerInstancesCommand,
  ListContainerInstances: ListContainerInstancesCommand, ListTagsForResource: ListTagsForResourceCommand, TagResource: TagResourceCommand,
  UntagResource: UntagResourceCommand, ListServiceDeployments: ListServiceDeploymentsCommand,
  DescribeServiceDeployments: DescribeServiceDeploymentsCommand, DescribeServiceRevisions: DescribeServiceRevisionsCommand,
  ContinueServiceDeployment: ContinueServiceDeploymentCommand, StopServiceDeployment: StopServiceDeploymentCommand,
} satisfies Record<EcsOperation, unknown>;

type EcsCommands = typeof COMMANDS;
type In<K extends EcsOperation> = InputOf<EcsCommands[K]>;
type Out<K extends EcsOperation> = Promise<OutputOf<EcsCommands[K]>>;

/**
 * The ECS calls Stevedore makes. Everything above lib/aws talks to this port, so the sandbox, a
 * real account and a test double are interchangeable. Every call is paced in its bucket of
 * ECS_LIMITS; lists return all pages and describes take any number of ids, split into calls
 * of ECS's batch size.
 */
export interface EcsPort {
  /** Any number of clusters. */
  describeClusters(input: { clusters: string[]; include?: In<"DescribeClusters">["include"] }): Promise<{ clusters: Cluster[]; failures: Failure[] }>;
  /** Every cluster ARN of the account and Region (all pages). */
  listClusters(): Promise<string[]>;
  createCluster(input: In<"CreateCluster">): Out<"CreateCluster">;
  updateCluster(input: In<"UpdateCluster">): Out<"UpdateCluster">;
  /** ECS refuses while the cluster still has ACTIVE/DRAINING services or running tasks. */
  deleteCluster(input: In<"DeleteCluster">): Out<"DeleteCluster">;
  putClusterCapacityProviders(input: In<"PutClusterCapacityProviders">): Out<"PutClusterCapacityProviders">;
  /**
   * The named capacity providers (FARGATE and FARGATE_SPOT included), or with none named every one
   * of the account (all pages, 10 at a time); `cluster` adds that cluster's Managed Instances ones.
   */
  describeCapacityProviders(input: { capacityProviders?: string[]; cluster?: string; includeTags?: boolean }): Promise<{ capacityProviders: CapacityProvider[]; failures: Failure[] }>;
  createCapacityProvider(input: In<"CreateCapacityProvider">): Out<"CreateCapacityProvider">;
  updateCapacityProvider(input: In<"UpdateCapacityProvider">): Out<"UpdateCapacityProvider">;
  /** ECS deletes only a provider no cluster has and no service's strategy names (else updateStatus DELETE_FAILED). */
  deleteCapacityProvider(input: In<"DeleteCapacityProvider">): Out<"DeleteCapacityProvider">;
  /** Any number of services of one cluster. */
  describeServices(input: { cluster: string; services: string[]; includeTags?: boolean }): Promise<{ services: Service[]; failures: Failure[] }>;
  /** Every service ARN of a cluster (all pages). */
  listServices(input: { cluster: string }): Promise<string[]>;
  /** Every task ARN of a cluster with that desired status (all pages; PENDING lists tasks not yet running), optionally only those `startedBy` names. */
  listTasks(input: { cluster: string; desiredStatus: "RUNNING" | "PENDING" | "STOPPED"; startedBy?: string }): Promise<string[]>;
  createService(input: In<"CreateService">): Out<"CreateService">;
  updateService(input: In<"UpdateService">): Out<"UpdateService">;
  deleteService(input: In<"DeleteService">): Out<"DeleteService">;
  /** Called with include TAGS, so the ownership tag comes back with the definition. */
  describeTaskDefinition(input: In<"DescribeTaskDefinition">): Out<"DescribeTaskDefinition">;
  registerTaskDefinition(input: In<"RegisterTaskDefinition">): Out<"RegisterTaskDefinition">;
  deregisterTaskDefinition(input: In<"DeregisterTaskDefinition">): Out<"DeregisterTaskDefinition">;
  /** Every task definition family with that status (all pages). */
  listTaskDefinitionFamilies(input: { status: "ACTIVE" | "INACTIVE" | "ALL" }): Promise<string[]>;
  /** Every revision ARN of one family (`familyPrefix` is the full family name) with that status (all pages). */
  listTaskDefinitions(input: { familyPrefix: string; status: "ACTIVE" | "INACTIVE" }): Promise<string[]>;
  listTagsForResource(input: In<"ListTagsForResource">): Out<"ListTagsForResource">;
  tagResource(input: In<"TagResource">): Out<"TagResource">;
  untagResource(input: In<"UntagResource">): Out<"UntagResource">;
  /** Any number of tasks of one cluster. */
  describeTasks(input: { cluster: string; tasks: string[] }): Promise<{ tasks: Task[]; failures: Failure[] }>;
  runTask(input: In<"RunTask">): Out<"RunTask">;
  /** Every container instance ARN of a cluster (all pages). */
  listContainerInstances(input: { cluster: string }): Promise<string[]>;
  /** Any number of container instances of one cluster. */
  describeContainerInstances(input: { cluster: string; containerInstances: string[] }): Promise<{ containerInstances: ContainerInstance[]; failures: Failure[] }>;
  /** Every service deployment of a service (all pages; ECS keeps 90 days), optionally only those with these statuses. */
  listServiceDeployments(input: { cluster: string; service: string; status?: ServiceDeploymentStatus[] }): Promise<ServiceDeploymentBrief[]>;
  /** Any number of service deployments (ECS takes 20 ARNs a call). */
  describeServiceDeployments(input: { serviceDeploymentArns: string[] }): Promise<{ serviceDeployments: ServiceDeployment[]; failures: Failure[] }>;
  /** Any number of service revisions (ECS takes 20 ARNs a call). */
  describeServiceRevisions(input: { serviceRevisionArns: string[] }): Promise<{ serviceRevisions: ServiceRevision[]; failures: Failure[] }>;
  /** Answers a lifecycle hook awaiting action (a PAUSE hook): CONTINUE or ROLLBACK. */
  continueServiceDeployment(input: In<"ContinueServiceDeployment">): Out<"ContinueServiceDeployment">;
  /** Stops a deployment in progress; stopType ROLLBACK returns the service to its last successful revision. */
  stopServiceDeployment(input: In<"StopServiceDeployment">): Out<"StopServiceDeployment">;
  destroy(): void;
}

const { operations: ops } = ECS_LIMITS;

/** ECS of an AWS account (or any implementation at `endpoint`), or the app's own sandbox in-process through the real ECSClient. */
export const { over: ecsPortOver, create: createEcsPort, inProcess: createInProcessEcsPort } = defineAwsPort<EcsPort>()({
  Client: ECSClient, commands: COMMANDS, limits: ECS_LIMITS, sandboxPath: "/sandbox/ecs",
  build: ({ send, plainCalls }) => ({
    async describeClusters({ clusters, include }) {
      const r = await inBatches(clusters, ops.DescribeClusters.batch, async (batch) => {
        const out = await send("DescribeClusters", { clusters: batch, ...(include ? { include } : {}) });
        return { items: out.clusters, failures: out.failures };
      });
      return { clusters: r.items, failures: r.failures };
    },
    listClusters: () => allPages(async (nextToken) => {
      const r = await send("ListClusters", { maxResults: ops.ListClusters.page, nextToken });
      return { items: r.clusterArns, nextToken: r.nextToken };
    }),
    async describeCapacityProviders({ capacityProviders, cluster, includeTags }) {
      const failures: Failure[] = [];
      const base = { ...(cluster ? { cluster } : {}), ...(includeTags ? { include: ["TAGS" as const] } : {}) };
      if (capacityProviders?.length) {
        // Named ones go 10 a call: a call answers at most one page.
        const r = await inBatches(capacityProviders, ops.DescribeCapacityProviders.page, async (batch) => {
          const out = await send("DescribeCapacityProviders", { ...base, capacityProviders: batch });
          return { items: out.capacityProviders, failures: out.failures };
        });
        return { capacityProviders: r.items, failures: r.failures };
      }
      const all = await allPages(async (nextToken) => {
        const r = await send("DescribeCapacityProviders", { ...base, maxResults: ops.DescribeCapacityProviders.page, nextToken });
        failures.push(...(r.failures ?? []));
        return { items: r.capacityProviders, nextToken: r.nextToken };
      });
      return { capacityProviders: all, failures };
    },
    async describeServices({ cluster, services, includeTags }) {
      const r = await inBatches(services, ops.DescribeServices.batch, async (batch) => {
        const out = await send("DescribeServices", { cluster, services: batch, ...(includeTags ? { include: ["TAGS" as const] } : {}) });
        return { items: out.services, failures: out.failures };
      });
      return { services: r.items, failures: r.failures };
    },
    listServices: ({ cluster }) => allPages(async (nextToken) => {
      const r = await send("ListServices", { cluster, maxResults: ops.ListServices.page, nextToken });
      return { items: r.serviceArns, nextToken: r.nextToken };
    }),
    listTasks: ({ cluster, desiredStatus, startedBy }) => allPages(async (nextToken) => {
      const r = await send("ListTasks", { cluster, desiredStatus, startedBy, maxResults: ops.ListTasks.page, nextToken });
      return { items: r.taskArns, nextToken: r.nextToken };
    }),
    describeTaskDefinition: (input) => send("DescribeTaskDefinition", { include: ["TAGS"], ...input }),
    listTaskDefinitionFamilies: ({ status }) => allPages(async (nextToken) => {
      const r = await send("ListTaskDefinitionFamilies", { status, maxResults: ops.ListTaskDefinitionFamilies.page, nextToken });
      return { items: r.families, nextToken: r.nextToken };
    }),
    listTaskDefinitions: ({ familyPrefix, status }) => allPages(async (nextToken) => {
      const r = await send("ListTaskDefinitions", { familyPrefix, status, maxResults: ops.ListTaskDefinitions.page, nextToken });
      return { items: r.taskDefinitionArns, nextToken: r.nextToken };
    }),
    async describeTasks({ cluster, tasks }) {
      const r = await inBatches(tasks, ops.DescribeTasks.batch, async (batch) => {
        const out = await send("DescribeTasks", { cluster, tasks: batch });
        return { items: out.tasks, failures: out.failures };
      });
      return { tasks: r.items, failures: r.failures };
    },
    listContainerInstances: ({ cluster }) => allPages(async (nextToken) => {
      const r = await send("ListContainerInstances", { cluster, maxResults: ops.ListContainerInstances.page, nextToken });
      return { items: r.containerInstanceArns, nextToken: r.nextToken };
    }),
    async describeContainerInstances({ cluster, containerInstances }) {
      const r = await inBatches(containerInstances, ops.DescribeContainerInstances.batch, async (batch) => {
        const out = await send("DescribeContainerInstances", { cluster, containerInstances: batch });
        return { items: out.containerInstances, failures: out.failures };
      });
      return { containerInstances: r.items, failures: r.failures };
    },
    listServiceDeployments: ({ cluster, service, status }) => allPages(async (nextToken) => {
      const r = await send("ListServiceDeployments", { cluster, service, ...(status?.length ? { status } : {}), maxResults: ops.ListServiceDeployments.page, nextToken });
      return { items: r.serviceDeployments, nextToken: r.nextToken };
    }),
    async describeServiceDeployments({ serviceDeploymentArns }) {
      const r = await inBatches(serviceDeploymentArns, ops.DescribeServiceDeployments.batch, async (batch) => {
        const out = await send("DescribeServiceDeployments", { serviceDeploymentArns: batch });
        return { items: out.serviceDeployments, failures: out.failures };
      });
      return { serviceDeployments: r.items, failures: r.failures };
    },
    async describeServiceRevisions({ serviceRevisionArns }) {
      const r = await inBatches(serviceRevisionArns, ops.DescribeServiceRevisions.batch, async (batch) => {
        const out = await send("DescribeServiceRevisions", { serviceRevisionArns: batch });
        return { items: out.serviceRevisions, failures: out.failures };
      });
      return { serviceRevisions: r.items, failures: r.failures };
    },
    ...plainCalls(
      "CreateCluster", "UpdateCluster", "DeleteCluster", "PutClusterCapacityProviders", "CreateCapacityProvider",
      "UpdateCapacityProvider", "DeleteCapacityProvider", "CreateService", "UpdateService", "DeleteService",
      "RegisterTaskDefinition", "DeregisterTaskDefinition", "ListTagsForResource", "TagResource", "UntagResource", "RunTask",
      "ContinueServiceDeployment", "StopServiceDeployment"
    ),
  }),
});
