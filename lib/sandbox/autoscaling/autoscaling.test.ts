import { describe, expect, it } from "vitest";
import { failureOf, steppedSandbox } from "../testing";

// EC2 Auto Scaling groups, and the group an ECS capacity provider with managed scaling scales:
// its DesiredCapacity and Instances follow CapacityProviderReservation, bounded by MinSize/MaxSize.

const LT = { LaunchTemplateName: "ecs-node", Version: "$Latest" };
type Sb = ReturnType<typeof steppedSandbox>;
const group = (sb: Sb, name: string) => sb.ec2AutoScaling("DescribeAutoScalingGroups", { AutoScalingGroupNames: [name] }).AutoScalingGroups[0];

describe("Auto Scaling groups", () => {
  it("creates a group in its subnets' zones and describes it in Auto Scaling's shape", () => {
    const sb = steppedSandbox();
    const subnets = sb.ec2("DescribeSubnets", {}).subnetSet as { subnetId: string; availabilityZone: string }[];
    sb.ec2AutoScaling("CreateAutoScalingGroup", {
      AutoScalingGroupName: "web", LaunchTemplate: LT, MinSize: "0", MaxSize: "4", VPCZoneIdentifier: `${subnets[0].subnetId},${subnets[1].subnetId}`,
      NewInstancesProtectedFromScaleIn: "true", Tags: [{ Key: "team", Value: "web", PropagateAtLaunch: "true" }],
    });
    expect(group(sb, "web")).toMatchObject({
      AutoScalingGroupName: "web", AutoScalingGroupARN: expect.stringMatching(/^arn:aws:autoscaling:us-east-1:000000000000:autoScalingGroup:[0-9a-f-]{36}:autoScalingGroupName\/web$/),
      MinSize: 0, MaxSize: 4, DesiredCapacity: 0, DefaultCooldown: 300, HealthCheckType: "EC2", LaunchTemplate: LT,
      AvailabilityZones: [subnets[0].availabilityZone, subnets[1].availabilityZone], Instances: [], NewInstancesProtectedFromScaleIn: true,
      Tags: [{ ResourceId: "web", ResourceType: "auto-scaling-group", Key: "team", Value: "web", PropagateAtLaunch: true }],
    });
    expect(sb.ec2AutoScaling("DescribeAutoScalingGroups", { Filters: [{ Name: "tag:team", Values: ["db"] }] }).AutoScalingGroups).toEqual([]);
    expect(sb.ec2AutoScaling("DescribeAutoScalingGroups", { AutoScalingGroupNames: ["nope"] }).AutoScalingGroups).toEqual([]);
  });

  it("refuses what Auto Scaling refuses, in its words", () => {
    const sb = steppedSandbox();
    const base = { AutoScalingGroupName: "g", LaunchTemplate: LT, MinSize: 1, MaxSize: 3, AvailabilityZones: ["us-east-1a"] };
    expect(failureOf(() => sb.ec2AutoScaling("CreateAutoScalingGroup", { ...base, LaunchTemplate: undefined }))).toEqual({
      code: "ValidationError", message: "Valid requests must contain either LaunchTemplate, LaunchConfigurationName, InstanceId or MixedInstancesPolicy parameter.",
    });
    expect(failureOf(() => sb.ec2AutoScaling("CreateAutoScalingGroup", { ...base, MinSize: 4 })).message).toBe("Max bound, 3, must be greater than or equal to min bound, 4");
    expect(failureOf(() => sb.ec2AutoScaling("CreateAutoScalingGroup", { ...base, DesiredCapacity: 5 })).message).toBe("Desired capacity:5 must be between the specified min size:1 and max size:3");
    expect(failureOf(() => sb.ec2AutoScaling("CreateAutoScalingGroup", { ...base, AvailabilityZones: [] })).message).toBe("At least one Availability Zone or VPC Subnet is required.");
    expect(failureOf(() => sb.ec2AutoScaling("CreateAutoScalingGroup", { ...base, VPCZoneIdentifier: "subnet-nope" })).message).toBe("The subnet ID 'subnet-nope' does not exist");
    sb.ec2AutoScaling("CreateAutoScalingGroup", base);
    expect(failureOf(() => sb.ec2AutoScaling("CreateAutoScalingGroup", base))).toEqual({ code: "AlreadyExists", message: "AutoScalingGroup by this name already exists - A group with the name g already exists" });
    expect(failureOf(() => sb.ec2AutoScaling("UpdateAutoScalingGroup", { AutoScalingGroupName: "h", MaxSize: 2 })).message).toBe("AutoScalingGroup name not found - AutoScalingGroup h not found");
    expect(failureOf(() => sb.ec2AutoScaling("DescribeAutoScalingGroups", { MaxRecords: 101 })).code).toBe("ValidationError");
    sb.ec2AutoScaling("DeleteAutoScalingGroup", { AutoScalingGroupName: "g" });
    expect(sb.ec2AutoScaling("DescribeAutoScalingGroups", {}).AutoScalingGroups).toEqual([]);
  });
});

describe("a capacity provider's group", () => {
  function start(sb: Sb, arn: string, desiredCount: number) {
    sb.call("CreateCapacityProvider", {
      name: "asg", autoScalingGroupProvider: { autoScalingGroupArn: arn, managedScaling: { status: "ENABLED", targetCapacity: 100, instanceWarmupPeriod: 60 }, managedTerminationProtection: "ENABLED" },
    });
    sb.call("CreateCluster", { clusterName: "c", capacityProviders: ["asg"], defaultCapacityProviderStrategy: [{ capacityProvider: "asg", weight: 1 }] });
    sb.call("RegisterTaskDefinition", { family: "web", cpu: "1024", memory: "2048", containerDefinitions: [{ name: "web", image: "web:1", essential: true }] });
    sb.call("CreateService", { cluster: "c", serviceName: "web", taskDefinition: "web", desiredCount });
  }

  it("is the group the provider names: Pending during the warm-up, then InService and protected while it runs tasks, within MaxSize", () => {
    const sb = steppedSandbox();
    sb.ec2AutoScaling("CreateAutoScalingGroup", { AutoScalingGroupName: "web-asg", LaunchTemplate: LT, MinSize: 0, MaxSize: 2, AvailabilityZones: ["us-east-1a", "us-east-1b"] });
    const arn = group(sb, "web-asg").AutoScalingGroupARN as string;
    // 6 tasks of 1 vCPU want 3 m5.large instances; MaxSize holds the group at 2.
    start(sb, arn, 6);
    sb.step(30);
    const warming = group(sb, "web-asg");
    expect(warming.DesiredCapacity).toBe(2);
    expect(warming.Instances.map((i: { LifecycleState: string }) => i.LifecycleState)).toEqual(["Pending", "Pending"]);
    sb.step(60);
    const inService = group(sb, "web-asg");
    expect(inService.DesiredCapacity).toBe(2);
    expect(inService.Instances).toHaveLength(2);
    expect(inService.Instances.every((i: { LifecycleState: string; ProtectedFromScaleIn: boolean }) => i.LifecycleState === "InService" && i.ProtectedFromScaleIn)).toBe(true);
    // The ids Auto Scaling gave while Pending are the container instances' EC2 ids.
    const arns = sb.call("ListContainerInstances", { cluster: "c" }).containerInstanceArns;
    const ec2Ids = sb.call("DescribeContainerInstances", { cluster: "c", containerInstances: arns }).containerInstances.map((i: { ec2InstanceId: string }) => i.ec2InstanceId);
    expect(new Set(ec2Ids)).toEqual(new Set(warming.Instances.map((i: { InstanceId: string }) => i.InstanceId)));
    expect(new Set(inService.Instances.map((i: { AvailabilityZone: string }) => i.AvailabilityZone))).toEqual(new Set(["us-east-1a", "us-east-1b"]));
    expect(failureOf(() => sb.ec2AutoScaling("DeleteAutoScalingGroup", { AutoScalingGroupName: "web-asg" })).code).toBe("ResourceInUse");
    // More room: the provider launches the third instance the waiting tasks need.
    sb.ec2AutoScaling("UpdateAutoScalingGroup", { AutoScalingGroupName: "web-asg", MaxSize: 5 });
    sb.step(120);
    expect(group(sb, "web-asg")).toMatchObject({ MaxSize: 5, DesiredCapacity: 3 });
    // No tasks: after 15 minutes idle, the instances drain (Terminating:Wait) and leave.
    sb.call("UpdateService", { cluster: "c", service: "web", desiredCount: 0 });
    sb.step(16 * 60);
    const draining = group(sb, "web-asg");
    expect(draining.DesiredCapacity).toBe(0);
    expect(draining.Instances.every((i: { LifecycleState: string; ProtectedFromScaleIn: boolean }) => i.LifecycleState === "Terminating:Wait" && !i.ProtectedFromScaleIn)).toBe(true);
    sb.step(61);
    expect(group(sb, "web-asg").Instances).toEqual([]);
  });

  it("keeps MinSize instances with no tasks", () => {
    const sb = steppedSandbox();
    sb.ec2AutoScaling("CreateAutoScalingGroup", { AutoScalingGroupName: "min", LaunchTemplate: LT, MinSize: 1, MaxSize: 3, AvailabilityZones: ["us-east-1a"] });
    start(sb, group(sb, "min").AutoScalingGroupARN, 0);
    sb.step(20 * 60);
    expect(group(sb, "min")).toMatchObject({ DesiredCapacity: 1, Instances: [expect.objectContaining({ LifecycleState: "InService", ProtectedFromScaleIn: false })] });
  });

  it("is made for a provider that names a group the sandbox does not have; another group of that name refuses the provider", () => {
    const sb = steppedSandbox();
    const arn = "arn:aws:autoscaling:us-east-1:000000000000:autoScalingGroup:0b6a2f3e-1c2d-4e5f-8a9b-0c1d2e3f4a5b:autoScalingGroupName/made";
    start(sb, arn, 1);
    expect(group(sb, "made")).toMatchObject({ AutoScalingGroupARN: arn, MinSize: 0, MaxSize: 10 });
    sb.ec2AutoScaling("CreateAutoScalingGroup", { AutoScalingGroupName: "taken", LaunchTemplate: LT, MinSize: 0, MaxSize: 1, AvailabilityZones: ["us-east-1a"] });
    expect(failureOf(() => sb.call("CreateCapacityProvider", { name: "other", autoScalingGroupProvider: { autoScalingGroupArn: arn.replace("made", "taken") } })).message)
      .toBe("The specified Auto Scaling group ARN is not valid. Specify a valid ARN and try again.");
  });
});
