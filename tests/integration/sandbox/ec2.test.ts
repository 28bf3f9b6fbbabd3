import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DescribeAvailabilityZonesCommand, DescribeSecurityGroupsCommand, DescribeSubnetsCommand, DescribeVpcsCommand, EC2Client, EC2ServiceException,
  paginateDescribeSubnets,
} from "@aws-sdk/client-ec2";
import { rejection as failed, startSandbox } from "./server";

// EC2's reads over the ec2Query protocol, through the real EC2Client at /sandbox/aws. EC2
// models no errors, so the SDK names each error by its code.

let sb: Awaited<ReturnType<typeof startSandbox>>;
beforeAll(async () => { sb = await startSandbox("eu-west-1"); });
afterAll(async () => { await sb.close(); });

const rejection = (call: Promise<unknown>) => failed<EC2ServiceException>(call);

describe("EC2 over the ec2Query protocol", () => {
  it("describes the default VPC, its three default subnets, the default security group and the zones", async () => {
    const { Vpcs } = await sb.aws.ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: "is-default", Values: ["true"] }] }));
    expect(Vpcs).toHaveLength(1);
    const vpc = Vpcs![0];
    expect(vpc).toMatchObject({
      IsDefault: true, CidrBlock: "172.31.0.0/16", State: "available", OwnerId: "000000000000", InstanceTenancy: "default",
      CidrBlockAssociationSet: [{ CidrBlock: "172.31.0.0/16", CidrBlockState: { State: "associated" } }],
    });
    const { Subnets } = await sb.aws.ec2.send(new DescribeSubnetsCommand({
      Filters: [{ Name: "vpc-id", Values: [vpc.VpcId!] }, { Name: "default-for-az", Values: ["true"] }],
    }));
    expect(Subnets?.map((s) => [s.AvailabilityZone, s.CidrBlock, s.MapPublicIpOnLaunch, s.DefaultForAz, s.AvailableIpAddressCount])).toEqual([
      ["eu-west-1a", "172.31.0.0/20", true, true, 4091], ["eu-west-1b", "172.31.16.0/20", true, true, 4091], ["eu-west-1c", "172.31.32.0/20", true, true, 4091],
    ]);
    const { SecurityGroups } = await sb.aws.ec2.send(new DescribeSecurityGroupsCommand({
      Filters: [{ Name: "vpc-id", Values: [vpc.VpcId!] }, { Name: "group-name", Values: ["default"] }],
    }));
    expect(SecurityGroups).toHaveLength(1);
    expect(SecurityGroups![0]).toMatchObject({
      GroupName: "default", Description: "default VPC security group", VpcId: vpc.VpcId,
      IpPermissions: [{ IpProtocol: "-1", UserIdGroupPairs: [{ GroupId: SecurityGroups![0].GroupId, UserId: "000000000000" }] }],
      IpPermissionsEgress: [{ IpProtocol: "-1", IpRanges: [{ CidrIp: "0.0.0.0/0" }] }],
    });
    const { AvailabilityZones } = await sb.aws.ec2.send(new DescribeAvailabilityZonesCommand({}));
    expect(AvailabilityZones?.map((z) => [z.ZoneName, z.ZoneId, z.State, z.RegionName])).toEqual([
      ["eu-west-1a", "euw1-az1", "available", "eu-west-1"], ["eu-west-1b", "euw1-az2", "available", "eu-west-1"], ["eu-west-1c", "euw1-az3", "available", "eu-west-1"],
    ]);
  });

  it("finds by id and name, and pages with the SDK's paginator", async () => {
    const all = (await sb.aws.ec2.send(new DescribeSubnetsCommand({}))).Subnets!;
    const one = await sb.aws.ec2.send(new DescribeSubnetsCommand({ SubnetIds: [all[2].SubnetId!] }));
    expect(one.Subnets).toEqual([all[2]]);
    expect((await sb.aws.ec2.send(new DescribeSecurityGroupsCommand({ GroupNames: ["default"] }))).SecurityGroups).toHaveLength(1);
    const paged: string[] = [];
    for await (const page of paginateDescribeSubnets({ client: sb.aws.ec2, pageSize: 5 }, {})) paged.push(...page.Subnets!.map((s) => s.SubnetId!));
    expect(paged).toEqual(all.map((s) => s.SubnetId));
  });

  it("surfaces EC2's error codes as the errors' names", async () => {
    const vpc = await rejection(sb.aws.ec2.send(new DescribeVpcsCommand({ VpcIds: ["vpc-0123456789abcdef0"] })));
    expect(vpc).toBeInstanceOf(EC2ServiceException);
    expect([vpc.name, vpc.message, vpc.$metadata.httpStatusCode]).toEqual(["InvalidVpcID.NotFound", "The vpc ID 'vpc-0123456789abcdef0' does not exist", 400]);
    expect((await rejection(sb.aws.ec2.send(new DescribeSubnetsCommand({ SubnetIds: ["subnet-0123456789abcdef0"] })))).name).toBe("InvalidSubnetID.NotFound");
    expect((await rejection(sb.aws.ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: ["sg-0123456789abcdef0"] })))).name).toBe("InvalidGroup.NotFound");
    expect((await rejection(sb.aws.ec2.send(new DescribeSecurityGroupsCommand({ GroupNames: ["web"] })))).name).toBe("InvalidGroup.NotFound");
    expect((await rejection(sb.aws.ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: ["web"] })))).name).toBe("InvalidGroupId.Malformed");
    const filter = await rejection(sb.aws.ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: "colour", Values: ["red"] }] })));
    expect([filter.name, filter.message]).toEqual(["InvalidParameterValue", "The filter 'colour' is invalid"]);
    const dry = await rejection(sb.aws.ec2.send(new DescribeVpcsCommand({ DryRun: true })));
    expect([dry.name, dry.$metadata.httpStatusCode]).toEqual(["DryRunOperation", 412]);
  });

  it("keeps each region's network apart", async () => {
    const east = new EC2Client({ endpoint: sb.aws.endpoint, region: "us-east-1", maxAttempts: 1, credentials: sb.credentials });
    const zones = (await east.send(new DescribeSubnetsCommand({}))).Subnets!.map((s) => s.AvailabilityZone);
    expect(zones).toEqual(["us-east-1a", "us-east-1b", "us-east-1c"]);
    const eastVpc = (await east.send(new DescribeVpcsCommand({}))).Vpcs![0].VpcId;
    const westVpc = (await sb.aws.ec2.send(new DescribeVpcsCommand({}))).Vpcs![0].VpcId;
    expect(eastVpc).not.toBe(westVpc);
    east.destroy();
  });
});
