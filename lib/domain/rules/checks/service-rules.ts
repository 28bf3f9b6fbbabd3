import type { Rule } from "../types";
import { designNames } from "./design-names";
import { serviceReferences } from "./service-references";
import { launchTypeXorStrategy } from "./launch-type-xor-strategy";
import { launchTypeCompatibility } from "./launch-type-compatibility";
import { serviceNetwork } from "./service-network";
import { loadBalancers } from "./load-balancers";
import { deploymentConfiguration } from "./deployment-configuration";
import { schedulingStrategy } from "./scheduling-strategy";
import { placement } from "./placement";
import { platformVersion } from "./platform-version";
import { capacity } from "./capacity";
import { clusterCapacityProviders } from "./cluster-capacity-providers";
import { capacityProviders } from "./capacity-providers";
import { tags } from "./tags";
import { loadBalancerConfig, targetGroupConfig } from "./elb";
import { deploymentStrategy } from "./deployment-strategy";
import { serviceConnect } from "./service-connect";
import { fargateSpot } from "./fargate-spot";
import { autoScaling } from "./auto-scaling";
import { managedEbsVolume, storagePlatformVersion } from "./managed-ebs";
import { scheduledTaskExpression, scheduledTaskName, scheduledTaskTarget } from "./scheduled-tasks";

/** Rules about services, clusters and the design as a whole (names, references, capacity). */
export const SERVICE_AND_DESIGN_RULES: readonly Rule[] = [
  designNames,
  serviceReferences,
  launchTypeXorStrategy,
  launchTypeCompatibility,
  fargateSpot,
  serviceNetwork,
  loadBalancers,
  loadBalancerConfig,
  targetGroupConfig,
  deploymentConfiguration,
  deploymentStrategy,
  serviceConnect,
  autoScaling,
  managedEbsVolume,
  storagePlatformVersion,
  scheduledTaskName,
  scheduledTaskExpression,
  scheduledTaskTarget,
  schedulingStrategy,
  placement,
  platformVersion,
  capacity,
  clusterCapacityProviders,
  capacityProviders,
  tags,
];
