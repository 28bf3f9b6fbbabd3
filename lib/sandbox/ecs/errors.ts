import { AwsError } from "../core/errors";

// The error codes ECS answers with (the SDK reads `__type`, then the X-Amzn-ErrorType header,
// and throws the modelled exception of that name).

export type EcsErrorType =
  | "ClientException" | "InvalidParameterException" | "ServerException"
  | "ClusterNotFoundException" | "ServiceNotFoundException" | "ServiceNotActiveException"
  | "ClusterContainsServicesException" | "ClusterContainsTasksException"
  | "ClusterContainsContainerInstancesException" | "ResourceNotFoundException"
  | "ResourceInUseException" | "UnsupportedFeatureException" | "AccessDeniedException"
  | "UnknownOperationException" | "SerializationException" | "LimitExceededException" | "ConflictException"
  | "ServiceDeploymentNotFoundException" | "NamespaceNotFoundException";

export const ecsError = (type: EcsErrorType, message: string, status?: number) => new AwsError(type, message, status);

export const clientError = (message: string) => ecsError("ClientException", message);
export const invalidParameter = (message: string) => ecsError("InvalidParameterException", message);
export const clusterNotFound = () => ecsError("ClusterNotFoundException", "Cluster not found.");
export const serviceNotFound = () => ecsError("ServiceNotFoundException", "Service not found.");
/** RunTask with a client token already used in the cluster by a different request; `resourceIds` are that request's tasks. */
export const clientTokenConflict = (taskArns: string[]) => new AwsError(
  "ConflictException", "The specified client token is already in use with a different RunTask request.", 400, { resourceIds: taskArns },
);
export const serviceNotActive = () => ecsError("ServiceNotActiveException", "Service was not ACTIVE.");
