import { AwsError } from "../core/errors";

// The errors CloudWatch answers with: the modelled shape's name in `__type`, and (CloudWatch is
// awsQueryCompatible) its awsQuery code in `x-amzn-query-error`, as the SDK's model pairs them
// (node_modules/@aws-sdk/client-cloudwatch: InvalidParameterValueException ↔ InvalidParameterValue, …).
// Each operation's Errors section: https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_GetMetricData.html

export const QUERY_ERROR_CODES = {
  InvalidParameterValueException: "InvalidParameterValue",
  InvalidParameterCombinationException: "InvalidParameterCombination",
  MissingRequiredParameterException: "MissingParameter",
  InvalidNextToken: "InvalidNextToken",
  LimitExceededFault: "LimitExceeded",
  ResourceNotFound: "ResourceNotFound",
  InternalServiceFault: "InternalServiceError",
  InvalidFormatFault: "InvalidFormat",
} as const;

type CloudWatchErrorType = keyof typeof QUERY_ERROR_CODES;

const STATUS: Partial<Record<CloudWatchErrorType, number>> = { ResourceNotFound: 404, InternalServiceFault: 500 };

export const cloudWatchError = (type: CloudWatchErrorType, message: string) => new AwsError(type, message, STATUS[type] ?? 400);
export const invalidValue = (message: string) => cloudWatchError("InvalidParameterValueException", message);
export const invalidCombination = (message: string) => cloudWatchError("InvalidParameterCombinationException", message);
