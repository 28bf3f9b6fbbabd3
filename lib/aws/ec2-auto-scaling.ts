import { AutoScalingClient, DescribeAutoScalingGroupsCommand, type AutoScalingGroup } from "@aws-sdk/client-auto-scaling";
import { EC2_AUTOSCALING_LIMITS, type Ec2AutoScalingOperation } from "../domain/aws-limits";
import { clientConfig, type AwsTarget } from "./client-config";
import { inProcessConfig, type InProcessHandler } from "./in-process";
import { createPacer, noPacer, type Pacer } from "./pacer";
import { allPages, createAwsPort, type AwsPort } from "./port";

// Amazon EC2 Auto Scaling (not Application Auto Scaling, application-autoscaling.ts): the groups
// an Auto Scaling group capacity provider may name.

const COMMANDS = { DescribeAutoScalingGroups: DescribeAutoScalingGroupsCommand } satisfies Record<Ec2AutoScalingOperation, unknown>;

export interface Ec2AutoScalingPort {
  /** Every Auto Scaling group of the Region (all pages), without their instances. */
  describeAutoScalingGroups(): Promise<AutoScalingGroup[]>;
  destroy(): void;
}

const { operations: ops } = EC2_AUTOSCALING_LIMITS;

function portOver(client: AutoScalingClient, pacer: Pacer): Ec2AutoScalingPort {
  const port: AwsPort<typeof COMMANDS> = createAwsPort({ client, commands: COMMANDS, limits: EC2_AUTOSCALING_LIMITS, pacer });
  return {
    describeAutoScalingGroups: () => allPages(async (NextToken) => {
      const r = await port.send("DescribeAutoScalingGroups", { MaxRecords: ops.DescribeAutoScalingGroups.page, NextToken, IncludeInstances: false });
      return { items: r.AutoScalingGroups, nextToken: r.NextToken };
    }),
    destroy: () => port.destroy(),
  };
}

/** EC2 Auto Scaling of an AWS account (or any implementation at `endpoint`), paced to its limits unless a shared pacer is given. */
export function createEc2AutoScalingPort(target: AwsTarget, pacer: Pacer = createPacer(EC2_AUTOSCALING_LIMITS.buckets)): Ec2AutoScalingPort {
  return portOver(new AutoScalingClient(clientConfig(target)), pacer);
}

/** The app's own sandbox (its /sandbox/aws handler), through the real Auto Scaling client with its HTTP layer replaced by `handle`. */
export function createInProcessEc2AutoScalingPort(handle: InProcessHandler, region: string): Ec2AutoScalingPort {
  return portOver(new AutoScalingClient(inProcessConfig(handle, region, "/sandbox/aws")), noPacer);
}
