import type { Handlers } from "../core/engine";
import * as capacityProviders from "./capacity-providers";
import * as clusters from "./clusters";
import * as instances from "./container-instances";
import * as services from "./services";
import * as serviceDeployments from "./service-deployments";
import * as tags from "./tags";
import * as taskDefinitions from "./task-definitions";
import * as tasks from "./tasks";
import * as trafficShift from "./traffic-shift";

// ECS's handler table: the operation named by X-Amz-Target → the function of its resource file.
// Anything not here answers UnknownOperationException.
export const ECS_HANDLERS: Handlers = {
  CreateCluster: clusters.createCluster,
  DescribeClusters: clusters.describeClusters,
  ListClusters: clusters.listClusters,
  DeleteCluster: clusters.deleteCluster,
  UpdateCluster: clusters.updateCluster,
  PutClusterCapacityProviders: clusters.putClusterCapacityProviders,
  CreateCapacityProvider: capacityProviders.createCapacityProvider,
  DescribeCapacityProviders: capacityProviders.describeCapacityProviders,
  UpdateCapacityProvider: capacityProviders.updateCapacityProvider,
  DeleteCapacityProvider: capacityProviders.deleteCapacityProvider,
  RegisterTaskDefinition: taskDefinitions.registerTaskDefinition,
  DescribeTaskDefinition: taskDefinitions.describeTaskDefinition,
  ListTaskDefinitions: taskDefinitions.listTaskDefinitions,
  ListTaskDefinitionFamilies: taskDefinitions.listTaskDefinitionFamilies,
  DeregisterTaskDefinition: taskDefinitions.deregisterTaskDefinition,
  CreateService: services.createService,
  UpdateService: services.updateService,
  DeleteService: services.deleteService,
  DescribeServices: services.describeServices,
  ListServices: services.listServices,
  ListServiceDeployments: serviceDeployments.listServiceDeployments,
  DescribeServiceDeployments: serviceDeployments.describeServiceDeployments,
  DescribeServiceRevisions: serviceDeployments.describeServiceRevisions,
  ContinueServiceDeployment: trafficShift.continueServiceDeployment,
  StopServiceDeployment: trafficShift.stopServiceDeployment,
  RunTask: tasks.runTask,
  StopTask: tasks.stopTaskOp,
  DescribeTasks: tasks.describeTasks,
  ListTasks: tasks.listTasks,
  RegisterContainerInstance: instances.registerContainerInstance,
  DeregisterContainerInstance: instances.deregisterContainerInstance,
  DescribeContainerInstances: instances.describeContainerInstances,
  ListContainerInstances: instances.listContainerInstances,
  UpdateContainerInstancesState: instances.updateContainerInstancesState,
  TagResource: tags.tagResource,
  UntagResource: tags.untagResource,
  ListTagsForResource: tags.listTagsForResource,
};
