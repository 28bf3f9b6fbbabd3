export { ContainersVsVmsDiagram } from "./containers-vs-vms";
export { ImageLayersDiagram } from "./image-layers";
export { RegistriesDiagram } from "./registries";
export { EcsHierarchyDiagram } from "./ecs-hierarchy";
export { LaunchTypesDiagram } from "./launch-types";
export { NetworkModesDiagram } from "./network-modes";
export { IamRolesDiagram } from "./iam-roles";
