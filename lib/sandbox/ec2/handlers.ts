import type { Handlers, Operation } from "../core/engine";
import { dryRun } from "./errors";
import { describeSecurityGroups } from "./security-groups";
import { describeSubnets } from "./subnets";
import { describeVpcs } from "./vpcs";
import { describeAvailabilityZones } from "./zones";

// EC2's handler table: the Action of a request → the function of its resource file. Anything
// else answers InvalidAction. Every EC2 call takes DryRun: true answers DryRunOperation.

const dryRunnable = (op: Operation): Operation => (world, input, ctx) => {
  if ((input as { DryRun?: unknown } | undefined)?.DryRun === "true") throw dryRun();
  return op(world, input, ctx);
};

export const EC2_HANDLERS: Handlers = Object.fromEntries(Object.entries({
  DescribeVpcs: describeVpcs,
  DescribeSubnets: describeSubnets,
  DescribeSecurityGroups: describeSecurityGroups,
  DescribeAvailabilityZones: describeAvailabilityZones,
}).map(([name, op]) => [name, dryRunnable(op)]));
