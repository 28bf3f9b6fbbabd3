import {
  ApplicationAutoScalingClient, DeleteScalingPolicyCommand, DeleteScheduledActionCommand, DeregisterScalableTargetCommand, DescribeScalableTargetsCommand,
  DescribeScalingActivitiesCommand, DescribeScalingPoliciesCommand, DescribeScheduledActionsCommand, PutScalingPolicyCommand, PutScheduledActionCommand,
  RegisterScalableTargetCommand, type ScalableTarget, type ScalingActivity, type ScalingPolicy, type ScheduledAction,
} from "@aws-sdk/client-application-auto-scaling";
import { AUTOSCALING_LIMITS, type AutoScalingOperation } from "../domain/aws-limits";
import { clientConfig, type AwsTarget } from "./client-config";
import { inProcessConfig, type InProcessHandler } from "./in-process";
import { createPacer, noPacer, type Pacer } from "./pacer";
import { allPages, chunk, createAwsPort, type AwsPort, type InputOf, type OutputOf } from "./port";

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

export function autoScalingPortOver(client: ApplicationAutoScalingClient, pacer: Pacer): AutoScalingPort {
  const port: AwsPort<Commands> = createAwsPort({ client, commands: COMMANDS, limits: AUTOSCALING_LIMITS, pacer });
  return {
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
    registerScalableTarget: (input) => port.send("RegisterScalableTarget", input),
    deregisterScalableTarget: (input) => port.send("DeregisterScalableTarget", input),
    putScalingPolicy: (input) => port.send("PutScalingPolicy", input),
    deleteScalingPolicy: (input) => port.send("DeleteScalingPolicy", input),
    putScheduledAction: (input) => port.send("PutScheduledAction", input),
    deleteScheduledAction: (input) => port.send("DeleteScheduledAction", input),
    destroy: () => port.destroy(),
  };
}

/** Application Auto Scaling of an AWS account (or any implementation at `endpoint`), paced unless a shared pacer is given. */
export function createAutoScalingPort(target: AwsTarget, pacer: Pacer = createPacer(AUTOSCALING_LIMITS.buckets)): AutoScalingPort {
  return autoScalingPortOver(new ApplicationAutoScalingClient(clientConfig(target)), pacer);
}

/** The app's own sandbox (its /sandbox/aws handler), through the real client with its HTTP layer replaced by `handle`. */
export function createInProcessAutoScalingPort(handle: InProcessHandler, region: string): AutoScalingPort {
  return autoScalingPortOver(new ApplicationAutoScalingClient(inProcessConfig(handle, region, "/sandbox/aws")), noPacer);
}
