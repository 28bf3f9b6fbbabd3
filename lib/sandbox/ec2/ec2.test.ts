import { describe, expect, it } from "vitest";
import { failureOf, steppedSandbox } from "../testing";
import { page } from "./input";
import { regionCode, zonesOf } from "./network";

const failure = failureOf;

describe("EC2's default network", () => {
  it("gives every Region a default VPC 172.31.0.0/16 with a /20 default subnet in each of three zones and a default group", () => {
    const sb = steppedSandbox(1, "eu-west-1");
    const { vpcSet } = sb.ec2("DescribeVpcs");
    expect(vpcSet).toHaveLength(1);
    const vpc = vpcSet[0];
    expect(vpc).toMatchObject({ isDefault: true, cidrBlock: "172.31.0.0/16", state: "available", ownerId: "000000000000", instanceTenancy: "default" });
    expect(vpc.vpcId).toMatch(/^vpc-[0-9a-f]{17}$/);
    expect(vpc.dhcpOptionsId).toMatch(/^dopt-[0-9a-f]{17}$/);

    const { subnetSet } = sb.ec2("DescribeSubnets");
    expect(subnetSet.map((s: Record<string, unknown>) => [s.availabilityZone, s.availabilityZoneId, s.cidrBlock])).toEqual([
      ["eu-west-1a", "euw1-az1", "172.31.0.0/20"], ["eu-west-1b", "euw1-az2", "172.31.16.0/20"], ["eu-west-1c", "euw1-az3", "172.31.32.0/20"],
    ]);
    for (const s of subnetSet) {
      expect(s).toMatchObject({ vpcId: vpc.vpcId, defaultForAz: true, mapPublicIpOnLaunch: true, availableIpAddressCount: 4091, state: "available" });
      expect(s.subnetId).toMatch(/^subnet-[0-9a-f]{17}$/);
      expect(s.subnetArn).toBe(`arn:aws:ec2:eu-west-1:000000000000:subnet/${s.subnetId}`);
    }

    const { securityGroupInfo } = sb.ec2("DescribeSecurityGroups");
    expect(securityGroupInfo).toHaveLength(1);
    const sg = securityGroupInfo[0];
    expect(sg).toMatchObject({ groupName: "default", groupDescription: "default VPC security group", vpcId: vpc.vpcId });
    expect(sg.groupId).toMatch(/^sg-[0-9a-f]{17}$/);
    expect(sg.ipPermissions).toEqual([{ ipProtocol: "-1", groups: [{ userId: "000000000000", groupId: sg.groupId }], ipRanges: [], ipv6Ranges: [], prefixListIds: [] }]);
    expect(sg.ipPermissionsEgress[0].ipRanges).toEqual([{ cidrIp: "0.0.0.0/0" }]);
  });

  it("is the same in every sandbox of the account and Region, differs between Regions and shifts no other ids", () => {
    const ids = (region: string, seed: number) => steppedSandbox(seed, region).ec2("DescribeSubnets").subnetSet.map((s: { subnetId: string }) => s.subnetId);
    expect(ids("eu-west-1", 1)).toEqual(ids("eu-west-1", 2));
    expect(ids("eu-west-1", 1)).not.toEqual(ids("us-east-1", 1));

    const plain = steppedSandbox(3);
    const afterEc2 = steppedSandbox(3);
    afterEc2.ec2("DescribeVpcs");
    const cluster = { clusterName: "c" };
    plain.call("CreateCluster", cluster);
    afterEc2.call("CreateCluster", cluster);
    const a = plain.control({ action: "addInstances", cluster: "c" }).containerInstances[0];
    const b = afterEc2.control({ action: "addInstances", cluster: "c" }).containerInstances[0];
    expect(b.ec2InstanceId).toBe(a.ec2InstanceId);
  });

  it("names zones by Region code", () => {
    expect(regionCode("us-east-1")).toBe("use1");
    expect(regionCode("ap-southeast-2")).toBe("apse2");
    expect(regionCode("us-gov-west-1")).toBe("usgw1");
    expect(zonesOf("eu-central-1").map((z) => z.zoneId)).toEqual(["euc1-az1", "euc1-az2", "euc1-az3"]);
  });
});

describe("EC2 Describe calls", () => {
  it("filters with AND between filters, OR between values, wildcards and tags", () => {
    const sb = steppedSandbox(1, "eu-west-1");
    const vpcId = sb.ec2("DescribeVpcs").vpcSet[0].vpcId;
    const zones = (filters: unknown) => sb.ec2("DescribeSubnets", { Filter: filters }).subnetSet.map((s: { availabilityZone: string }) => s.availabilityZone);
    expect(zones([{ Name: "vpc-id", Value: [vpcId] }, { Name: "availability-zone", Value: ["eu-west-1a", "eu-west-1c"] }])).toEqual(["eu-west-1a", "eu-west-1c"]);
    expect(zones([{ Name: "availability-zone", Value: ["*-1?"] }])).toHaveLength(3);
    expect(zones([{ Name: "default-for-az", Value: ["false"] }])).toEqual([]);
    expect(zones([{ Name: "tag:Name", Value: ["*"] }])).toEqual([]);
    expect(sb.ec2("DescribeVpcs", { Filter: [{ Name: "is-default", Value: ["true"] }] }).vpcSet).toHaveLength(1);
    expect(sb.ec2("DescribeSecurityGroups", { Filter: [{ Name: "group-name", Value: ["default"] }, { Name: "vpc-id", Value: [vpcId] }] }).securityGroupInfo).toHaveLength(1);
    expect(failure(() => sb.ec2("DescribeSubnets", { Filter: [{ Name: "colour", Value: ["red"] }] }))).toEqual({
      code: "InvalidParameterValue", message: "The filter 'colour' is invalid",
    });
  });

  it("answers unknown ids with EC2's NotFound codes", () => {
    const sb = steppedSandbox(1, "eu-west-1");
    expect(failure(() => sb.ec2("DescribeVpcs", { VpcId: ["vpc-0123456789abcdef0"] }))).toEqual({
      code: "InvalidVpcID.NotFound", message: "The vpc ID 'vpc-0123456789abcdef0' does not exist",
    });
    expect(failure(() => sb.ec2("DescribeSubnets", { SubnetId: ["subnet-1", "subnet-2"] }))).toEqual({
      code: "InvalidSubnetID.NotFound", message: "The subnet IDs 'subnet-1, subnet-2' do not exist",
    });
    expect(failure(() => sb.ec2("DescribeSecurityGroups", { GroupId: ["sg-0123"] })).code).toBe("InvalidGroup.NotFound");
    expect(failure(() => sb.ec2("DescribeSecurityGroups", { GroupId: ["web"] })).code).toBe("InvalidGroupId.Malformed");
    const vpcId = sb.ec2("DescribeVpcs").vpcSet[0].vpcId;
    expect(failure(() => sb.ec2("DescribeSecurityGroups", { GroupName: ["web"] }))).toEqual({
      code: "InvalidGroup.NotFound", message: `The security group 'web' does not exist in default VPC '${vpcId}'`,
    });
    expect(failure(() => sb.ec2("DescribeAvailabilityZones", { ZoneName: ["eu-west-1z"] })).code).toBe("InvalidParameterValue");
    // Ids and filter names from requests name nothing of Object.prototype.
    for (const id of ["__proto__", "constructor", "toString"]) {
      expect(failure(() => sb.ec2("DescribeVpcs", { VpcId: [id] })).code).toBe("InvalidVpcID.NotFound");
      expect(failure(() => sb.ec2("DescribeSubnets", { SubnetId: [id] })).code).toBe("InvalidSubnetID.NotFound");
      expect(failure(() => sb.ec2("DescribeSubnets", { Filter: [{ Name: id, Value: ["x"] }] })).code).toBe("InvalidParameterValue");
    }
  });

  it("finds resources by id and name, pages with MaxResults and NextToken, and dry-runs", () => {
    const sb = steppedSandbox(1, "eu-west-1");
    const all = sb.ec2("DescribeSubnets").subnetSet;
    expect(sb.ec2("DescribeSubnets", { SubnetId: [all[1].subnetId] }).subnetSet).toEqual([all[1]]);
    expect(sb.ec2("DescribeSecurityGroups", { GroupName: ["default"] }).securityGroupInfo).toHaveLength(1);
    expect(sb.ec2("DescribeAvailabilityZones", { ZoneId: ["euw1-az2"] }).availabilityZoneInfo.map((z: { zoneName: string }) => z.zoneName)).toEqual(["eu-west-1b"]);

    expect(failure(() => sb.ec2("DescribeSubnets", { MaxResults: "3" })).code).toBe("InvalidParameterValue");
    expect(failure(() => sb.ec2("DescribeSubnets", { MaxResults: "5", SubnetId: [all[0].subnetId] })).code).toBe("InvalidParameterCombination");
    expect(failure(() => sb.ec2("DescribeSubnets", { NextToken: "nope" })).code).toBe("InvalidNextToken");
    const first = sb.ec2("DescribeSubnets", { MaxResults: "5" });
    expect(first.subnetSet).toHaveLength(3);
    expect(first.nextToken).toBeUndefined();
    // More items than a page: the token leads to the rest.
    const items = Array.from({ length: 12 }, (_, i) => i);
    const p1 = page(items, { MaxResults: 5 }, { name: "vpcIds", given: false });
    const p2 = page(items, { MaxResults: 5, NextToken: p1.next }, { name: "vpcIds", given: false });
    const p3 = page(items, { MaxResults: 5, NextToken: p2.next }, { name: "vpcIds", given: false });
    expect([p1.page, p2.page, p3.page, p3.next]).toEqual([[0, 1, 2, 3, 4], [5, 6, 7, 8, 9], [10, 11], undefined]);

    expect(failure(() => sb.ec2("DescribeVpcs", { DryRun: "true" })).code).toBe("DryRunOperation");
    expect(failure(() => sb.ec2("CreateVpc", { CidrBlock: "10.0.0.0/16" })).code).toBe("InvalidAction");
  });
});
