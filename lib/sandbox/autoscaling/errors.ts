import { AwsError } from "../core/errors";

// The error codes EC2 Auto Scaling answers with (awsQuery <Error><Code>): the SDK throws the
// modelled exception of each (AlreadyExists → AlreadyExistsFault, ResourceInUse →
// ResourceInUseFault); ValidationError is not modelled, so its name is the code itself.
// https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_CreateAutoScalingGroup.html#API_CreateAutoScalingGroup_Errors

type AutoScalingErrorCode = "ValidationError" | "AlreadyExists" | "ResourceInUse" | "LimitExceeded" | "InvalidNextToken";

export const autoScalingError = (code: AutoScalingErrorCode, message: string) => new AwsError(code, message);
export const validation = (message: string) => autoScalingError("ValidationError", message);
