import { AwsError } from "../core/errors";

// The error codes EventBridge Scheduler answers with (restJson1: `x-amzn-errortype`, the status
// its model gives each: ValidationException 400, ResourceNotFoundException 404,
// ConflictException 409, ServiceQuotaExceededException 402, ThrottlingException 429,
// InternalServerException 500; node_modules/@aws-sdk/client-scheduler's error schemas). Each
// operation's Errors section: https://docs.aws.amazon.com/scheduler/latest/APIReference/API_CreateSchedule.html

export const validation = (message: string) => new AwsError("ValidationException", message, 400);
export const conflict = (message: string) => new AwsError("ConflictException", message, 409);
export const notFound = (message: string) => new AwsError("ResourceNotFoundException", message, 404);

export const noSchedule = (name: string) => notFound(`Schedule ${name} does not exist.`);
export const noGroup = (name: string) => notFound(`Schedule group ${name} does not exist.`);
