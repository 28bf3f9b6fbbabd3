import { AwsError } from "../core/errors";

// The error codes CloudWatch Logs answers with (awsJson1_1 `__type`; the SDK throws the modelled
// exception of that name). Each operation's Errors section of the API reference:
// https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_FilterLogEvents.html

export type LogsErrorType =
  | "InvalidParameterException" | "ResourceNotFoundException" | "ResourceAlreadyExistsException"
  | "LimitExceededException" | "OperationAbortedException" | "ServiceUnavailableException" | "UnknownOperationException";

export const logsError = (type: LogsErrorType, message: string) => new AwsError(type, message);

export const invalidParameter = (message: string) => logsError("InvalidParameterException", message);
export const noSuchLogGroup = () => logsError("ResourceNotFoundException", "The specified log group does not exist.");
export const noSuchLogStream = () => logsError("ResourceNotFoundException", "The specified log stream does not exist.");
