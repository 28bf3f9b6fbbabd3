import type { CreateClusterCommandInput, CreateServiceCommandInput, RegisterTaskDefinitionCommandInput } from "@aws-sdk/client-ecs";
import type { Design } from "../design";
import { exportCluster, exportService } from "./service";
import { exportTaskDefinition } from "./task-definition";

export type EcsExport = {
  clusters: CreateClusterCommandInput[];
  taskDefinitions: RegisterTaskDefinitionCommandInput[];
  services: CreateServiceCommandInput[];
};

/** The whole design as the inputs of CreateCluster, RegisterTaskDefinition and CreateService. */
export function exportDesignAsEcs(design: Design): EcsExport {
  return {
    clusters: design.clusters.map(exportCluster),
    taskDefinitions: design.taskDefinitions.map(exportTaskDefinition),
    services: design.services.map((s) => exportService(s, design)),
  };
}
