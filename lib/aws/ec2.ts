import {
  DescribeSecurityGroupsCommand, DescribeSubnetsCommand, DescribeVpcsCommand, EC2Client, type Filter, type SecurityGroup, type Subnet, type Vpc,
} from "@aws-sdk/client-ec2";
import { EC2_LIMITS, type Ec2Operation } from "../domain/aws-limits";
import { allPages, defineAwsPort } from "./port";

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

const filtered = (filters: Filter[] | undefined) => (filters?.length ? { Filters: filters } : {});

/** EC2 of an AWS account (or any implementation at `endpoint`), or the app's own sandbox in-process. */
export const { create: createEc2Port, inProcess: createInProcessEc2Port } = defineAwsPort<Ec2Port>()({
  Client: EC2Client, commands: COMMANDS, limits: EC2_LIMITS, sandboxPath: "/sandbox/aws",
  build: ({ send }) => ({
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
  }),
});
