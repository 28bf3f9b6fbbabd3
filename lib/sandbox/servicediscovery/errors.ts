import { AwsError } from "../core/errors";

// The error codes Cloud Map answers with (awsJson1_1 `__type`; the SDK throws the modelled
// exception of that name, e.g. NamespaceNotFound). Its exceptions carry `Message` (capitalised);
// NamespaceAlreadyExists also `NamespaceId` and `CreatorRequestId`, DuplicateRequest
// `DuplicateOperationId`.
// https://docs.aws.amazon.com/cloud-map/latest/api/CommonErrors.html and each action's Errors.

export type CloudMapErrorCode =
  | "InvalidInput" | "NamespaceNotFound" | "NamespaceAlreadyExists" | "ServiceNotFound" | "OperationNotFound"
  | "ResourceInUse" | "DuplicateRequest" | "ResourceLimitExceeded" | "TooManyTagsException";

export const cloudMapError = (code: CloudMapErrorCode, message: string, fields: Record<string, unknown> = {}) =>
  new AwsError(code, message, 400, { Message: message, ...fields });

export const invalidInput = (message: string) => cloudMapError("InvalidInput", message);
export const namespaceNotFound = (ref: string) => cloudMapError("NamespaceNotFound", `Namespace not found: ${ref}`);
export const serviceNotFound = (ref: string) => cloudMapError("ServiceNotFound", `Service not found: ${ref}`);
