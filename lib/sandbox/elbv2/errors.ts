import { AwsError } from "../core/errors";

// The error codes ELBv2 answers with (awsQuery: <Error><Code>). The SDK throws the modelled
// exception whose awsQueryError code it is (DuplicateLoadBalancerName → DuplicateLoadBalancerNameException);
// ValidationError is not modelled, so the SDK's error is named ValidationError.
// https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/CommonErrors.html

export type ElbErrorCode =
  | "ValidationError" | "InvalidConfigurationRequest" | "OperationNotPermitted" | "ResourceInUse"
  | "DuplicateLoadBalancerName" | "DuplicateTargetGroupName" | "DuplicateListener" | "DuplicateTagKeys"
  | "LoadBalancerNotFound" | "TargetGroupNotFound" | "ListenerNotFound" | "RuleNotFound" | "SubnetNotFound"
  | "InvalidSecurityGroup" | "InvalidSubnet" | "InvalidTarget" | "InvalidLoadBalancerAction" | "IncompatibleProtocols"
  | "UnsupportedProtocol" | "CertificateNotFound" | "PriorityInUse" | "TargetGroupAssociationLimit"
  | "TooManyLoadBalancers" | "TooManyTargetGroups" | "TooManyListeners" | "TooManyRules" | "TooManyTargets"
  | "TooManyTags" | "TooManyActions";

export const elbError = (code: ElbErrorCode, message: string) => new AwsError(code, message);

export const validation = (message: string) => elbError("ValidationError", message);
export const loadBalancerNotFound = (many = false) =>
  elbError("LoadBalancerNotFound", many ? "One or more load balancers not found" : "The specified load balancer does not exist.");
export const targetGroupNotFound = (many = false) =>
  elbError("TargetGroupNotFound", many ? "One or more target groups not found" : "The specified target group does not exist.");
export const listenerNotFound = (many = false) =>
  elbError("ListenerNotFound", many ? "One or more listeners not found" : "The specified listener does not exist.");
export const ruleNotFound = (many = false) =>
  elbError("RuleNotFound", many ? "One or more rules not found" : "The specified rule does not exist.");
