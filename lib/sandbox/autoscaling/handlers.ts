import type { Handlers } from "../core/engine";
import * as groups from "./groups";

// EC2 Auto Scaling's handler table: the Action of a request → its function. Anything else
// answers InvalidAction.
export const AUTOSCALING_HANDLERS: Handlers = {
  CreateAutoScalingGroup: groups.createAutoScalingGroup,
  DescribeAutoScalingGroups: groups.describeAutoScalingGroups,
  UpdateAutoScalingGroup: groups.updateAutoScalingGroup,
  DeleteAutoScalingGroup: groups.deleteAutoScalingGroup,
};
