import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createEc2AutoScalingPort, createEc2Port, createElbv2Port, createInProcessEc2AutoScalingPort, createInProcessEc2Port, createInProcessElbv2Port, type Ec2Port, type Elbv2Port,
} from "@/lib/aws";
import { handleAwsRequest } from "@/lib/sandbox/http";
import { startSandbox } from "./server";

// lib/aws's ELBv2 and EC2 ports against the sandbox: over HTTP at /sandbox/aws (as against an
// account, AWS_ENDPOINT_URL-style), and in-process through the same handler the app uses.

let sb: Awaited<ReturnType<typeof startSandbox>>;
let elb: Elbv2Port;
let ec2: Ec2Port;
const REGION = "eu-west-1";
beforeAll(async () => {
  sb = await startSandbox(REGION);
  const target = { region: REGION, endpoint: sb.aws.endpoint, maxAttempts: 1, credentials: sb.credentials };
  elb = createElbv2Port(target);
  ec2 = createEc2Port(target);
});
afterAll(async () => {
  elb.destroy();
  ec2.destroy();
  await sb.close();
});

describe("the ELBv2 and EC2 ports", () => {
  it("read the default VPC's subnets and security group, filtered as EC2 filters", async () => {
    const [vpc] = await ec2.describeVpcs({ filters: [{ Name: "is-default", Values: ["true"] }] });
    expect(vpc.CidrBlock).toBe("172.31.0.0/16");
    const subnets = await ec2.describeSubnets({ filters: [{ Name: "vpc-id", Values: [vpc.VpcId!] }] });
    expect(new Set(subnets.map((s) => s.AvailabilityZone)).size).toBe(3);
    const groups = await ec2.describeSecurityGroups({ filters: [{ Name: "group-name", Values: ["default"] }] });
    expect(groups.map((g) => g.VpcId)).toEqual([vpc.VpcId]);
  });

  it("create an ALB with a target group and listener, list every page, describe by name leaving out what is not there", async () => {
    const subnets = (await ec2.describeSubnets()).map((s) => s.SubnetId!);
    const vpcId = (await ec2.describeVpcs())[0].VpcId!;
    const made: string[] = [];
    for (let i = 0; i < 3; i++) {
      const { LoadBalancers } = await elb.createLoadBalancer({ Name: `port-lb-${i}`, Subnets: subnets.slice(0, 2) });
      made.push(LoadBalancers![0].LoadBalancerArn!);
    }
    const { TargetGroups } = await elb.createTargetGroup({ Name: "port-tg", Protocol: "HTTP", Port: 80, VpcId: vpcId, TargetType: "ip", HealthCheckPath: "/health" });
    const tg = TargetGroups![0];
    await elb.createListener({ LoadBalancerArn: made[0], Protocol: "HTTP", Port: 80, DefaultActions: [{ Type: "forward", TargetGroupArn: tg.TargetGroupArn }] });

    expect((await elb.describeLoadBalancers()).map((l) => l.LoadBalancerName)).toEqual(expect.arrayContaining(["port-lb-0", "port-lb-1", "port-lb-2"]));
    expect((await elb.describeLoadBalancers({ names: ["port-lb-1", "nope", "port-lb-2"] })).map((l) => l.LoadBalancerName)).toEqual(["port-lb-1", "port-lb-2"]);
    expect((await elb.describeTargetGroups({ names: ["gone", "port-tg"] })).map((t) => [t.TargetGroupName, t.HealthCheckPath])).toEqual([["port-tg", "/health"]]);
    expect((await elb.describeTargetGroups({ loadBalancerArn: made[0] })).map((t) => t.TargetGroupArn)).toEqual([tg.TargetGroupArn]);
    const [listener] = await elb.describeListeners({ loadBalancerArn: made[0] });
    expect(listener.DefaultActions?.[0].TargetGroupArn).toBe(tg.TargetGroupArn);
    expect((await elb.describeRules({ listenerArn: listener.ListenerArn! })).map((r) => r.IsDefault)).toEqual([true]);
    expect(await elb.describeTags({ resourceArns: made })).toHaveLength(3);
    // What ELBv2 refuses comes through as its own exception: another listener on a port taken.
    await expect(elb.createListener({ LoadBalancerArn: made[0], Protocol: "HTTP", Port: 80, DefaultActions: [{ Type: "fixed-response", FixedResponseConfig: { StatusCode: "404" } }] }))
      .rejects.toMatchObject({ name: "DuplicateListenerException" });
  });

  it("work in-process against the handler the app's routes use", async () => {
    const handle = (req: { headers: Record<string, string>; body: string }) => handleAwsRequest(req, sb.deps);
    const local = createInProcessElbv2Port(handle, REGION);
    const localEc2 = createInProcessEc2Port(handle, REGION);
    try {
      expect((await local.describeLoadBalancers({ names: ["port-lb-0"] })).map((l) => l.LoadBalancerName)).toEqual(["port-lb-0"]);
      expect((await localEc2.describeVpcs()).length).toBe(1);
    } finally {
      local.destroy();
      localEc2.destroy();
    }
  });
});

describe("the EC2 Auto Scaling port", () => {
  it("lists every group over HTTP, a page of 100 at a time, and in-process alike", async () => {
    const target = { region: REGION, endpoint: sb.aws.endpoint, maxAttempts: 1, credentials: sb.credentials };
    const names = Array.from({ length: 103 }, (_, i) => `asg-${String(i).padStart(3, "0")}`);
    for (const name of names) {
      await sb.signedFetch("/sandbox/aws", {
        service: "autoscaling", region: REGION, headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ Action: "CreateAutoScalingGroup", Version: "2011-01-01", AutoScalingGroupName: name, MinSize: "0", MaxSize: "1", "LaunchTemplate.LaunchTemplateName": "lt", "AvailabilityZones.member.1": `${REGION}a` }).toString(),
      });
    }
    const port = createEc2AutoScalingPort(target);
    const groups = await port.describeAutoScalingGroups();
    port.destroy();
    expect(groups.map((g) => g.AutoScalingGroupName)).toEqual(names);
    // IncludeInstances=false: the picker needs no instances.
    expect(groups[0].Instances).toBeUndefined();
    const inProcess = createInProcessEc2AutoScalingPort((req) => handleAwsRequest(req, sb.deps), REGION);
    expect((await inProcess.describeAutoScalingGroups()).length).toBe(103);
    inProcess.destroy();
  });
});
