// ECS errors as the awsJson1_1 protocol carries them: the SDK reads `__type` (then the
// X-Amzn-ErrorType header) and throws the modelled exception of that name.

export type EcsErrorType =
  | "ClientException" | "InvalidParameterException" | "ServerException"
  | "ClusterNotFoundException" | "ServiceNotFoundException" | "ServiceNotActiveException"
  | "ClusterContainsServicesException" | "ClusterContainsTasksException"
  | "ClusterContainsContainerInstancesException" | "ResourceNotFoundException"
  | "ResourceInUseException" | "UnsupportedFeatureException" | "AccessDeniedException"
  | "UnknownOperationException" | "SerializationException" | "LimitExceededException";

export class EcsError extends Error {
  constructor(readonly type: EcsErrorType, message: string, readonly status = 400) {
    super(message);
    this.name = type;
  }
}

export const clientError = (message: string) => new EcsError("ClientException", message);
export const invalidParameter = (message: string) => new EcsError("InvalidParameterException", message);
export const clusterNotFound = () => new EcsError("ClusterNotFoundException", "Cluster not found.");
export const serviceNotFound = () => new EcsError("ServiceNotFoundException", "Service not found.");
export const serviceNotActive = () => new EcsError("ServiceNotActiveException", "Service was not ACTIVE.");
