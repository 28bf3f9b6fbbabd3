import {
  CreateClusterCommand, CreateServiceCommand, DeleteClusterCommand, DeleteServiceCommand, DeregisterTaskDefinitionCommand, DescribeClustersCommand, DescribeServicesCommand,
  DescribeContainerInstancesCommand, DescribeTaskDefinitionCommand, DescribeTasksCommand, ECSClient, ListContainerInstancesCommand, ListClustersCommand, ListServicesCommand,
  ListTaskDefinitionFamiliesCommand, ListTaskDefinitionsCommand, ListTasksCommand, ListTagsForResourceCommand,
  PutClusterCapacityProvidersCommand, RegisterTaskDefinitionCommand, TagResourceCommand, UpdateClusterCommand,
  UpdateServiceCommand, type ContainerInstance, type ECSClientConfig, type Failure, type Service, type Task,
} from "@aws-sdk/client-ecs";
import { z } from "zod";
import { chunk, type EcsPort } from "./ecs-port";

export const EcsConnectionSchema = z.object({
  region: z.string().min(1),
  endpoint: z.url().optional(),
  profile: z.string().min(1).optional(),
  credentials: z.object({ accessKeyId: z.string(), secretAccessKey: z.string(), sessionToken: z.string().optional() }).optional(),
  maxAttempts: z.number().int().min(1).max(20).optional(),
});
export type EcsConnection = z.infer<typeof EcsConnectionSchema>;

/**
 * Leaving `credentials` out lets the client walk the SDK's default chain itself (env, SSO,
 * shared files, container and instance roles); `profile` picks a named profile of the shared
 * files, like AWS_PROFILE. Adaptive retries back off on ThrottlingException, which other
 * clients of the same account can cause however well we pace ourselves.
 */
export function ecsClientConfig(c: EcsConnection): ECSClientConfig {
  return {
    region: c.region,
    retryMode: "adaptive",
    maxAttempts: c.maxAttempts ?? 8,
    ...(c.endpoint ? { endpoint: c.endpoint } : {}),
    ...(c.profile ? { profile: c.profile } : {}),
    ...(c.credentials ? { credentials: c.credentials } : {}),
  };
}

export function createEcsPort(connection: EcsConnection): EcsPort {
  return ecsPortOver(new ECSClient(ecsClientConfig(connection)));
}

export function ecsPortOver(client: ECSClient): EcsPort {
  return {
    describeClusters: (input) => client.send(new DescribeClustersCommand(input)),
    async listClusters() {
      const arns: string[] = [];
      let nextToken: string | undefined;
      do {
        const r = await client.send(new ListClustersCommand({ maxResults: 100, nextToken }));
        arns.push(...(r.clusterArns ?? []));
        nextToken = r.nextToken;
      } while (nextToken);
      return arns;
    },
    createCluster: (input) => client.send(new CreateClusterCommand(input)),
    deleteCluster: (input) => client.send(new DeleteClusterCommand(input)),
    updateCluster: (input) => client.send(new UpdateClusterCommand(input)),
    putClusterCapacityProviders: (input) => client.send(new PutClusterCapacityProvidersCommand(input)),
    async describeServices({ cluster, services, includeTags }) {
      const out: { services: Service[]; failures: Failure[] } = { services: [], failures: [] };
      for (const batch of chunk(services, 10)) {
        const r = await client.send(new DescribeServicesCommand({ cluster, services: batch, ...(includeTags ? { include: ["TAGS"] } : {}) }));
        out.services.push(...(r.services ?? []));
        out.failures.push(...(r.failures ?? []));
      }
      return out;
    },
    async listServices({ cluster }) {
      const arns: string[] = [];
      let nextToken: string | undefined;
      do {
        const r = await client.send(new ListServicesCommand({ cluster, maxResults: 100, nextToken }));
        arns.push(...(r.serviceArns ?? []));
        nextToken = r.nextToken;
      } while (nextToken);
      return arns;
    },
    async listTasks({ cluster, desiredStatus }) {
      const arns: string[] = [];
      let nextToken: string | undefined;
      do {
        const r = await client.send(new ListTasksCommand({ cluster, desiredStatus, maxResults: 100, nextToken }));
        arns.push(...(r.taskArns ?? []));
        nextToken = r.nextToken;
      } while (nextToken);
      return arns;
    },
    createService: (input) => client.send(new CreateServiceCommand(input)),
    updateService: (input) => client.send(new UpdateServiceCommand(input)),
    deleteService: (input) => client.send(new DeleteServiceCommand(input)),
    describeTaskDefinition: (input) => client.send(new DescribeTaskDefinitionCommand({ include: ["TAGS"], ...input })),
    registerTaskDefinition: (input) => client.send(new RegisterTaskDefinitionCommand(input)),
    deregisterTaskDefinition: (input) => client.send(new DeregisterTaskDefinitionCommand(input)),
    async listTaskDefinitionFamilies({ status }) {
      const families: string[] = [];
      let nextToken: string | undefined;
      do {
        const r = await client.send(new ListTaskDefinitionFamiliesCommand({ status, maxResults: 100, nextToken }));
        families.push(...(r.families ?? []));
        nextToken = r.nextToken;
      } while (nextToken);
      return families;
    },
    async listTaskDefinitions({ familyPrefix, status }) {
      const arns: string[] = [];
      let nextToken: string | undefined;
      do {
        const r = await client.send(new ListTaskDefinitionsCommand({ familyPrefix, status, maxResults: 100, nextToken }));
        arns.push(...(r.taskDefinitionArns ?? []));
        nextToken = r.nextToken;
      } while (nextToken);
      return arns;
    },
    listTagsForResource: (input) => client.send(new ListTagsForResourceCommand(input)),
    tagResource: (input) => client.send(new TagResourceCommand(input)),
    async describeTasks({ cluster, tasks }) {
      const out: { tasks: Task[]; failures: Failure[] } = { tasks: [], failures: [] };
      for (const batch of chunk(tasks, 100)) {
        const r = await client.send(new DescribeTasksCommand({ cluster, tasks: batch }));
        out.tasks.push(...(r.tasks ?? []));
        out.failures.push(...(r.failures ?? []));
      }
      return out;
    },
    async listContainerInstances({ cluster }) {
      const arns: string[] = [];
      let nextToken: string | undefined;
      do {
        const r = await client.send(new ListContainerInstancesCommand({ cluster, maxResults: 100, nextToken }));
        arns.push(...(r.containerInstanceArns ?? []));
        nextToken = r.nextToken;
      } while (nextToken);
      return arns;
    },
    async describeContainerInstances({ cluster, containerInstances }) {
      const out: { containerInstances: ContainerInstance[]; failures: Failure[] } = { containerInstances: [], failures: [] };
      for (const batch of chunk(containerInstances, 100)) {
        const r = await client.send(new DescribeContainerInstancesCommand({ cluster, containerInstances: batch }));
        out.containerInstances.push(...(r.containerInstances ?? []));
        out.failures.push(...(r.failures ?? []));
      }
      return out;
    },
    destroy: () => client.destroy(),
  };
}
