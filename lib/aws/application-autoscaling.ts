import {
  ApplicationAutoScalingClient, DeleteScalingPolicyCommand, DeleteScheduledActionCommand, DeregisterScalableTargetCommand, DescribeScalableTargetsCommand,
  DescribeScalingActivitiesCommand, DescribeScalingPoliciesCommand, DescribeScheduledActionsCommand, PutScalingPolicyCommand, PutScheduledActionCommand,
  RegisterScalableTargetCommand, type ScalableTarget, type ScalingActivity, type ScalingPolicy, type ScheduledAction,
} from "@aws-sdk/client-application-auto-scaling";
import { AUTOSCALING_LIMITS, type AutoScalingOperation } from "../domain/aws-limits";
import { allPages, chunk, defineAwsPort, type InputOf, type OutputOf } from "./port";

const COMMANDS = {
  DescribeScalableTargets: DescribeScalableTargetsCommand, DescribeScalingPolicies: DescribeScalingPoliciesCommand,
  DescribeScheduledActions: DescribeScheduledActionsCommand, DescribeScalingActivities: DescribeScalingActivitiesCommand,
  RegisterScalableTarget: RegisterScalableTargetCommand, DeregisterScalableTarget: DeregisterScalableTargetCommand,
  PutScalingPolicy: PutScalingPolicyCommand, DeleteScalingPolicy: DeleteScalingPolicyCommand,
  PutScheduledAction: PutScheduledActionCommand, DeleteScheduledAction: DeleteScheduledActionCommand,
} satisfies Record<AutoScalingOperation, unknown>;

type Commands = typeof COMMANDS;
type In<K extends AutoScalingOperation> = InputOf<Commands[K]>;
type Out<K extends AutoScalingOperation> = Promise<OutputOf<Commands[K]>>;

/**
 * The Application Auto Scaling calls Stevedore makes for ECS services (ServiceNamespace ecs),
 * paced in AUTOSCALING_LIMITS' buckets; describes follow every page (NextToken).
 */
export interface AutoScalingPort {
  /** The ECS scalable targets of the given ResourIds (`service/<cluster>/<service>`), 50 per call. */
  describeScalableTargets(resourceIds: string[]): Promise<ScalableTarget[]>;
  describeScalingPolicies(resourceId: string): Promise<ScalingPolicy[]>;
  describeScheduledActions(resourceId: string): Promise<ScheduledAction[]>;
  /** The newest activities first, at most `max` (default 50). */
  describeScalingActivities(resourceId: string, max?: number): Promise<ScalingActivity[]>;
  registerScalableTarget(input: In<"RegisterScalableTarget">): Out<"RegisterScalableTarget">;
  deregisterScalableTarget(input: In<"DeregisterScalableTarget">): Out<"DeregisterScalableTarget">;
  putScalingPolicy(input: In<"PutScalingPolicy">): Out<"PutScalingPolicy">;
  deleteScalingPolicy(input: In<"DeleteScalingPolicy">): Out<"DeleteScalingPolicy">;
  putScheduledAction(input: In<"PutScheduledAction">): Out<"PutScheduledAction">;
  deleteScheduledAction(input: In<"DeleteScheduledAction">): Out<"DeleteScheduledAction">;
  destroy(): void;
}

const ECS = { ServiceNamespace: "ecs" as const };
const PAGE = AUTOSCALING_LIMITS.operations.DescribeScalingPolicies.page;

/** Application Auto Scaling of an AWS account (or any implementation at `endpoint`), or the app's own sandbox in-process. */
export const { create: createAutoScalingPort, inProcess: createInProcessAutoScalingPort } = defineAwsPort<AutoScalingPort>()({
  Client: ApplicationAutoScalingClient, commands: COMMANDS, limits: AUTOSCALING_LIMITS, sandboxPath: "/sandbox/aws",
  build: (port) => ({
    async describeScalableTargets(resourceIds) {
      const out: ScalableTarget[] = [];
      for (const ids of chunk(resourceIds, AUTOSCALING_LIMITS.operations.DescribeScalableTargets.batch)) {
        out.push(...await allPages(async (NextToken) => {
          const r = await port.send("DescribeScalableTargets", { ...ECS, ResourceIds: ids, MaxResults: PAGE, NextToken });
          return { items: r.ScalableTargets, nextToken: r.NextToken };
        }));
      }
      return out;
    },
    describeScalingPolicies: (resourceId) => allPages(async (NextToken) => {
      const r = await port.send("DescribeScalingPolicies", { ...ECS, ResourceId: resourceId, MaxResults: PAGE, NextToken });
      return { items: r.ScalingPolicies, nextToken: r.NextToken };
    }),
    describeScheduledActions: (resourceId) => allPages(async (NextToken) => {
      const r = await port.send("DescribeScheduledActions", { ...ECS, ResourceId: resourceId, MaxResults: PAGE, NextToken });
      return { items: r.ScheduledActions, nextToken: r.NextToken };
    }),
    async describeScalingActivities(resourceId, max = PAGE) {
      const r = await port.send("DescribeScalingActivities", { ...ECS, ResourceId: resourceId, MaxResults: Math.min(max, PAGE) });
      return r.ScalingActivities ?? [];
    },
    ...port.plainCalls("RegisterScalableTarget", "DeregisterScalableTarget", "PutScalingPolicy", "DeleteScalingPolicy", "PutScheduledAction", "DeleteScheduledAction"),
  }),
});
