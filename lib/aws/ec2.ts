import {
  DescribeSecurityGroupsCommand, DescribeSubnetsCommand, DescribeVpcsCommand, EC2Client, type Filter, type SecurityGroup, type Subnet, type Vpc,
} from "@aws-sdk/client-ec2";
import { EC2_LIMITS, type Ec2Operation } from "../domain/aws-limits";
import { clientConfig, type AwsTarget } from "./client-config";
import { inProcessConfig, type InProcessHandler } from "./in-process";
import { createPacer, noPacer, type Pacer } from "./pacer";
import { allPages, createAwsPort, type AwsPort } from "./port";

const COMMANDS = {
  DescribeVpcs: DescribeVpcsCommand, DescribeSubnets: DescribeSubnetsCommand, DescribeSecurityGroups: DescribeSecurityGroupsCommand,
} satisfies Record<Ec2Operation, unknown>;

/** The EC2 reads a designer needs: the account's VPCs, subnets and security groups (all pages, optionally filtered as EC2 filters). */
export interface Ec2Port {
  describeVpcs(input?: { filters?: Filter[] }): Promise<Vpc[]>;
  describeSubnets(input?: { filters?: Filter[] }): Promise<Subnet[]>;
  describeSecurityGroups(input?: { filters?: Filter[] }): Promise<SecurityGroup[]>;
  destroy(): void;
}

const { operations: ops } = EC2_LIMITS;

export function ec2PortOver(client: EC2Client, pacer: Pacer): Ec2Port {
  const port: AwsPort<typeof COMMANDS> = createAwsPort({ client, commands: COMMANDS, limits: EC2_LIMITS, pacer });
  const send = port.send;
  const filtered = (filters: Filter[] | undefined) => (filters?.length ? { Filters: filters } : {});
  return {
    describeVpcs: ({ filters } = {}) => allPages(async (NextToken) => {
      const r = await send("DescribeVpcs", { MaxResults: ops.DescribeVpcs.page, NextToken, ...filtered(filters) });
      return { items: r.Vpcs, nextToken: r.NextToken };
    }),
    describeSubnets: ({ filters } = {}) => allPages(async (NextToken) => {
      const r = await send("DescribeSubnets", { MaxResults: ops.DescribeSubnets.page, NextToken, ...filtered(filters) });
      return { items: r.Subnets, nextToken: r.NextToken };
    }),
    describeSecurityGroups: ({ filters } = {}) => allPages(async (NextToken) => {
      const r = await send("DescribeSecurityGroups", { MaxResults: ops.DescribeSecurityGroups.page, NextToken, ...filtered(filters) });
      return { items: r.SecurityGroups, nextToken: r.NextToken };
    }),
    destroy: () => port.destroy(),
  };
}

/** EC2 of an AWS account (or any implementation at `endpoint`), paced to its limits unless a shared pacer is given. */
export function createEc2Port(target: AwsTarget, pacer: Pacer = createPacer(EC2_LIMITS.buckets)): Ec2Port {
  return ec2PortOver(new EC2Client(clientConfig(target)), pacer);
}

/** The app's own sandbox (its /sandbox/aws handler), through the real EC2 client with its HTTP layer replaced by `handle`. */
export function createInProcessEc2Port(handle: InProcessHandler, region: string): Ec2Port {
  return ec2PortOver(new EC2Client(inProcessConfig(handle, region, "/sandbox/aws")), noPacer);
}
