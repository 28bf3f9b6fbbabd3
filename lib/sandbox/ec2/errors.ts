import { AwsError } from "../core/errors";

// EC2's error codes (ec2Query): none is modelled in the SDK, so the error the SDK throws is
// named by the code itself (err.name === "InvalidVpcID.NotFound").
// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html

export type Ec2ErrorCode =
  | "InvalidVpcID.NotFound" | "InvalidSubnetID.NotFound" | "InvalidGroup.NotFound" | "InvalidGroupId.Malformed"
  | "InvalidParameterValue" | "InvalidParameterCombination" | "InvalidNextToken" | "MissingParameter"
  | "DryRunOperation";

export const ec2Error = (code: Ec2ErrorCode, message: string, status?: number) => new AwsError(code, message, status);

/** What every EC2 call answers when its DryRun member is true (HTTP 412). */
export const dryRun = () => ec2Error("DryRunOperation", "Request would have succeeded, but DryRun flag is set.", 412);

/** "The vpc ID 'vpc-1' does not exist" / "The vpc IDs 'vpc-1, vpc-2' do not exist". */
export function notFound(code: Ec2ErrorCode, what: string, ids: string[]) {
  return ids.length === 1
    ? ec2Error(code, `The ${what} ID '${ids[0]}' does not exist`)
    : ec2Error(code, `The ${what} IDs '${ids.join(", ")}' do not exist`);
}
