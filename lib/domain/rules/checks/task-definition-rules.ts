import type { Rule } from "../types";
import { fargateTaskSize } from "./fargate-task-size";
import { names } from "./names";
import { containerCount } from "./container-count";
import { essential } from "./essential";
import { fargateNetworkMode } from "./fargate-network-mode";
import { containerMemory } from "./container-memory";
import { portRange } from "./port-range";
import { awsvpcHostPort } from "./awsvpc-host-port";
import { portConflict } from "./port-conflict";
import { links } from "./links";
import { dependsOn } from "./depends-on";
import { healthCheck } from "./health-check";
import { logConfiguration } from "./log-configuration";
import { executionRole } from "./execution-role";
import { credentialsInEnvironment } from "./credentials-in-environment";
import { fargateLimits } from "./fargate-limits";
import { imageReference } from "./image-reference";
import { mountPoints } from "./mount-points";
import { ulimits } from "./ulimits";
import { taskDefinitionSize } from "./task-definition-size";
import { gpu } from "./gpu";
import { containerTimeouts } from "./container-timeouts";
import { configuredAtLaunch, efsVolumes, ephemeralStorage } from "./task-storage";

/** Rules about one task definition and its containers. */
export const TASK_DEFINITION_RULES: readonly Rule[] = [
  fargateTaskSize,
  names,
  containerCount,
  essential,
  fargateNetworkMode,
  containerMemory,
  portRange,
  awsvpcHostPort,
  portConflict,
  links,
  dependsOn,
  healthCheck,
  logConfiguration,
  executionRole,
  credentialsInEnvironment,
  fargateLimits,
  imageReference,
  mountPoints,
  ulimits,
  taskDefinitionSize,
  gpu,
  containerTimeouts,
  ephemeralStorage,
  efsVolumes,
  configuredAtLaunch,
];
