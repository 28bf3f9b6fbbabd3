import type { Handlers } from "../core/engine";
import { describeScalingActivities } from "./activities";
import * as policies from "./policies";
import * as scheduled from "./scheduled-actions";
import * as targets from "./targets";

// Application Auto Scaling's handler table: the operation of X-Amz-Target
// (`AnyScaleFrontendService.<Op>`) → the function of its resource file.
export const AAS_HANDLERS: Handlers = {
  RegisterScalableTarget: targets.registerScalableTarget,
  DescribeScalableTargets: targets.describeScalableTargets,
  DeregisterScalableTarget: targets.deregisterScalableTarget,
  PutScalingPolicy: policies.putScalingPolicy,
  DescribeScalingPolicies: policies.describeScalingPolicies,
  DeleteScalingPolicy: policies.deleteScalingPolicy,
  PutScheduledAction: scheduled.putScheduledAction,
  DescribeScheduledActions: scheduled.describeScheduledActions,
  DeleteScheduledAction: scheduled.deleteScheduledAction,
  DescribeScalingActivities: describeScalingActivities,
};
