import type { Handlers } from "../core/engine";
import * as attributes from "./attributes";
import * as listeners from "./listeners";
import * as loadBalancers from "./load-balancers";
import * as rules from "./rules";
import * as tags from "./tags";
import * as targetGroups from "./target-groups";
import * as targets from "./targets";

// ELBv2's handler table: the Action of a request → the function of its resource file.
// Anything else answers InvalidAction.
export const ELBV2_HANDLERS: Handlers = {
  CreateLoadBalancer: loadBalancers.createLoadBalancer,
  DescribeLoadBalancers: loadBalancers.describeLoadBalancers,
  DeleteLoadBalancer: loadBalancers.deleteLoadBalancer,
  SetSubnets: loadBalancers.setSubnets,
  SetSecurityGroups: loadBalancers.setSecurityGroups,
  CreateTargetGroup: targetGroups.createTargetGroup,
  DescribeTargetGroups: targetGroups.describeTargetGroups,
  ModifyTargetGroup: targetGroups.modifyTargetGroup,
  DeleteTargetGroup: targetGroups.deleteTargetGroup,
  DescribeTargetGroupAttributes: attributes.describeTargetGroupAttributes,
  ModifyTargetGroupAttributes: attributes.modifyTargetGroupAttributes,
  CreateListener: listeners.createListener,
  DescribeListeners: listeners.describeListeners,
  ModifyListener: listeners.modifyListener,
  DeleteListener: listeners.deleteListener,
  CreateRule: rules.createRule,
  DescribeRules: rules.describeRules,
  ModifyRule: rules.modifyRule,
  DeleteRule: rules.deleteRule,
  RegisterTargets: targets.registerTargets,
  DeregisterTargets: targets.deregisterTargets,
  DescribeTargetHealth: targets.describeTargetHealth,
  AddTags: tags.addTags,
  RemoveTags: tags.removeTags,
  DescribeTags: tags.describeTags,
};
