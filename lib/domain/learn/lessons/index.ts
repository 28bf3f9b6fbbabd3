import type { Lesson } from "../types";
import { blueGreenCanary } from "./blue-green-canary";
import { bridgePorts } from "./bridge-ports";
import { essentialSidecar } from "./essential-sidecar";
import { fargateAwsvpc } from "./fargate-awsvpc";
import { fargateSpot } from "./fargate-spot";
import { firstTaskDefinition } from "./first-task-definition";
import { placementStrategies } from "./placement-strategies";
import { rollingDeployment } from "./rolling-deployment";
import { serviceSelfHealing } from "./service-self-healing";
import { taskRole } from "./task-role";
import { layersBuildCache } from "./layers-build-cache";
import { dockerfileOrder } from "./dockerfile-order";
import { multiStageBuilds } from "./multi-stage-builds";
import { tagsVsDigests } from "./tags-vs-digests";
import { targetTracking } from "./target-tracking";
import { targetTrackingEc2 } from "./target-tracking-ec2";

/** In the order the index page suggests them. */
export const LESSONS: readonly Lesson[] = [
  firstTaskDefinition, serviceSelfHealing, fargateAwsvpc, bridgePorts, rollingDeployment, placementStrategies, essentialSidecar, taskRole, blueGreenCanary, fargateSpot,
  layersBuildCache, dockerfileOrder, multiStageBuilds,
  tagsVsDigests,
  targetTracking, targetTrackingEc2,
];

export function lessonById(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}
