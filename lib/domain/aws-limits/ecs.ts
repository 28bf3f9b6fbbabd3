import type { ServiceLimits } from "./types";

// Amazon ECS, per account and Region.
// Rates: "Request throttling for the Amazon ECS API",
//   https://docs.aws.amazon.com/AmazonECS/latest/APIReference/request-throttling.html
// Batch and page sizes: each operation's request syntax in the ECS API Reference
//   (DescribeServices `services`: up to 10; DescribeTasks `tasks`: up to 100;
//   DescribeContainerInstances `containerInstances`: up to 100; DescribeClusters `clusters`: up to 100;
//   List* `maxResults`: up to 100; DescribeServiceDeployments `serviceDeploymentArns` and
//   DescribeServiceRevisions `serviceRevisionArns`: up to 20; ListServiceDeployments `maxResults`: 1–100).
// RunTask has a bucket of its own on the throttling page (burst 100, 40 a second), apart from
// the task reads. The throttling page names no bucket for the service deployments API (2024-10-30); its reads
// are paced with the service reads and ContinueServiceDeployment/StopServiceDeployment with the
// service writes, which they act on, and the SDK's adaptive retries absorb the rest. Nor does
// it name one for capacity providers: they are paced with the cluster calls (reads and writes),
// and DescribeCapacityProviders pages 10 at a time (its `maxResults`: 1–10).

/** Every ECS operation Stevedore makes, by its API name. */
export type EcsOperation =
  | "DescribeClusters" | "ListClusters" | "CreateCluster" | "UpdateCluster" | "DeleteCluster" | "PutClusterCapacityProviders"
  | "DescribeCapacityProviders" | "CreateCapacityProvider" | "UpdateCapacityProvider" | "DeleteCapacityProvider"
  | "DescribeServices" | "ListServices" | "CreateService" | "UpdateService" | "DeleteService"
  | "DescribeTaskDefinition" | "RegisterTaskDefinition" | "DeregisterTaskDefinition" | "ListTaskDefinitionFamilies" | "ListTaskDefinitions"
  | "DescribeTasks" | "ListTasks" | "RunTask" | "DescribeContainerInstances" | "ListContainerInstances"
  | "ListTagsForResource" | "TagResource" | "UntagResource"
  | "ListServiceDeployments" | "DescribeServiceDeployments" | "DescribeServiceRevisions" | "ContinueServiceDeployment" | "StopServiceDeployment";

export const ECS_LIMITS = {
  buckets: {
    "cluster-read": { burst: 50, perSecond: 20 },
    "cluster-write": { burst: 20, perSecond: 1 },
    "service-read": { burst: 100, perSecond: 20 },
    "service-write": { burst: 50, perSecond: 5 },
    "task-definition-read": { burst: 50, perSecond: 20 },
    "task-definition-write": { burst: 20, perSecond: 1 },
    "task-read": { burst: 100, perSecond: 20 },
    "run-task": { burst: 100, perSecond: 40 },
    "container-instance-read": { burst: 100, perSecond: 20 },
  },
  operations: {
    DescribeClusters: { bucket: "cluster-read", batch: 100 },
    ListClusters: { bucket: "cluster-read", page: 100 },
    CreateCluster: { bucket: "cluster-write" },
    UpdateCluster: { bucket: "cluster-write" },
    DeleteCluster: { bucket: "cluster-write" },
    PutClusterCapacityProviders: { bucket: "cluster-write" },
    DescribeCapacityProviders: { bucket: "cluster-read", page: 10 },
    CreateCapacityProvider: { bucket: "cluster-write" },
    UpdateCapacityProvider: { bucket: "cluster-write" },
    DeleteCapacityProvider: { bucket: "cluster-write" },
    DescribeServices: { bucket: "service-read", batch: 10 },
    ListServices: { bucket: "service-read", page: 100 },
    CreateService: { bucket: "service-write" },
    UpdateService: { bucket: "service-write" },
    DeleteService: { bucket: "service-write" },
    ListServiceDeployments: { bucket: "service-read", page: 100 },
    DescribeServiceDeployments: { bucket: "service-read", batch: 20 },
    DescribeServiceRevisions: { bucket: "service-read", batch: 20 },
    ContinueServiceDeployment: { bucket: "service-write" },
    StopServiceDeployment: { bucket: "service-write" },
    DescribeTaskDefinition: { bucket: "task-definition-read" },
    ListTaskDefinitionFamilies: { bucket: "task-definition-read", page: 100 },
    ListTaskDefinitions: { bucket: "task-definition-read", page: 100 },
    RegisterTaskDefinition: { bucket: "task-definition-write" },
    DeregisterTaskDefinition: { bucket: "task-definition-write" },
    DescribeTasks: { bucket: "task-read", batch: 100 },
    ListTasks: { bucket: "task-read", page: 100 },
    RunTask: { bucket: "run-task" },
    DescribeContainerInstances: { bucket: "container-instance-read", batch: 100 },
    ListContainerInstances: { bucket: "container-instance-read", page: 100 },
    // Tagging has no published bucket of its own; the SDK's adaptive retries cover it.
    ListTagsForResource: {},
    TagResource: {},
    UntagResource: {},
  },
} as const satisfies ServiceLimits<EcsOperation>;
