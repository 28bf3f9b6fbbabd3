import { AwsError } from "../core/errors";

// The error codes IAM answers with (awsQuery: <Error><Code>). The SDK throws the modelled
// exception of the code (NoSuchEntity → NoSuchEntityException, whose Error.Code is the wire code);
// ValidationError is not modelled and keeps its name.
// https://docs.aws.amazon.com/IAM/latest/APIReference/CommonErrors.html and each action's Errors.

export type IamErrorCode =
  | "ValidationError" | "NoSuchEntity" | "EntityAlreadyExists" | "MalformedPolicyDocument" | "DeleteConflict"
  | "LimitExceeded" | "InvalidInput" | "PolicyNotAttachable";

const STATUS: Partial<Record<IamErrorCode, number>> = { NoSuchEntity: 404, EntityAlreadyExists: 409, DeleteConflict: 409, LimitExceeded: 409 };

export const iamError = (code: IamErrorCode, message: string) => new AwsError(code, message, STATUS[code]);

export const noSuchRole = (name: string) => iamError("NoSuchEntity", `The role with name ${name} cannot be found.`);
