import { AwsError } from "../core/errors";

// The error codes ECS answers with (the SDK reads `__type`, then the X-Amzn-ErrorType header,
// and throws the modelled exception of that name).

export type EcsErrorType =
  | "ClientException" | "InvalidParameterException" | "ServerException"
  | "ClusterNotFoundException" | "ServiceNotFoundException" | "ServiceNotActiveException"
  | "ClusterContainsServicesException" | "ClusterContainsTasksException"
  | "ClusterContainsContainerInstancesException" | "ResourceNotFoundException"
  | "ResourceInUseException" | "UnsupportedFeatureException" | "AccessDeniedException"
  | "UnknownOperationException" | "SerializationException" | "LimitExceededException";

export const ecsError = (type: EcsErrorType, message: string, status?: number) => new AwsError(type, message, status);

export const clientError = (message: string) => ecsError("ClientException", message);
export const invalidParameter = (message: string) => ecsError("InvalidParameterException", message);
export const clusterNotFound = () => ecsError("ClusterNotFoundException", "Cluster not found.");
export const serviceNotFound = () => ecsError("ServiceNotFoundException", "Service not found.");
export const serviceNotActive = () => ecsError("ServiceNotActiveException", "Service was not ACTIVE.");
