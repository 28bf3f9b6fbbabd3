export * from "./schemas";
export { MonitorHub } from "./hub";
export { ClusterPoller, realScheduler, leaseTtl, type Scheduler } from "./poller";
export { monitorEcsOver, monitorClientFor, type MonitorEcs } from "./monitor-ecs";

export { leaseHolder } from "./lease";
export { FlightRecorder, pruneHistory } from "./recorder";
export { getClusterView } from "./get-cluster-view";
export { listClusters } from "./list-clusters";
export { queryHistory } from "./query-history";
export { getServiceHistory } from "./get-service-history";
export { getFigures } from "./get-figures";
export { getContainerInstances, clearContainerInstanceCache } from "./get-container-instances";
export { getServiceDeployments } from "./get-service-deployments";
export { getScalingActivities } from "./get-scaling-activities";
export { continueServiceDeployment } from "./continue-service-deployment";
export { rollBackServiceDeployment } from "./roll-back-service-deployment";
export { forceNewDeployment } from "./force-new-deployment";
export { setDesiredCount } from "./set-desired-count";
