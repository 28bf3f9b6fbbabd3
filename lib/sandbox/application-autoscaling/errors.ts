import { ECS_SCALABLE_DIMENSION } from "../../domain/ecs-facts/auto-scaling";
import { AwsError } from "../core/errors";

// The error codes Application Auto Scaling answers with (awsJson1_1 `__type`), each action's
// Errors in the API reference: https://docs.aws.amazon.com/autoscaling/application/APIReference/API_Operations.html

export type AasErrorCode = "ValidationException" | "ObjectNotFoundException" | "LimitExceededException" | "InvalidNextTokenException";

export const aasError = (code: AasErrorCode, message: string) => new AwsError(code, message);
export const validation = (message: string) => aasError("ValidationException", message);

const where = (resourceId: string) => `service namespace: ecs, resource ID: ${resourceId}, scalable dimension: ${ECS_SCALABLE_DIMENSION}`;
export const noTarget = (resourceId: string) => aasError("ObjectNotFoundException", `No scalable target registered for ${where(resourceId)}`);
export const noPolicy = (resourceId: string, name: string) => aasError("ObjectNotFoundException", `No scaling policy found for ${where(resourceId)}, policy name: ${name}`);
export const noScheduledAction = (resourceId: string, name: string) => aasError("ObjectNotFoundException", `No scheduled action found for ${where(resourceId)}, scheduled action name: ${name}`);
