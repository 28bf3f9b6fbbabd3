import { describe, expect, it } from "vitest";
import { failureOf, steppedSandbox } from "../testing";

describe("ELBv2 target group attributes", () => {
  it("answers the deregistration delay (300 s by default), sets it within 0–3600 s, and refuses what it does not model", () => {
    const sb = steppedSandbox(1, "eu-west-1");
    const vpcId: string = sb.ec2("DescribeVpcs").vpcSet[0].vpcId;
    const tg = sb.elbv2("CreateTargetGroup", { Name: "web", Protocol: "HTTP", Port: 80, VpcId: vpcId, TargetType: "ip" }).TargetGroups[0];
    const key = "deregistration_delay.timeout_seconds";
    expect(sb.elbv2("DescribeTargetGroupAttributes", { TargetGroupArn: tg.TargetGroupArn }).Attributes).toEqual([{ Key: key, Value: "300" }]);
    expect(sb.elbv2("ModifyTargetGroupAttributes", { TargetGroupArn: tg.TargetGroupArn, Attributes: [{ Key: key, Value: "30" }] }).Attributes).toEqual([{ Key: key, Value: "30" }]);
    expect(sb.elbv2("DescribeTargetGroupAttributes", { TargetGroupArn: tg.TargetGroupArn }).Attributes).toEqual([{ Key: key, Value: "30" }]);
    expect(failureOf(() => sb.elbv2("ModifyTargetGroupAttributes", { TargetGroupArn: tg.TargetGroupArn, Attributes: [{ Key: key, Value: "3601" }] })).code).toBe("ValidationError");
    expect(failureOf(() => sb.elbv2("ModifyTargetGroupAttributes", { TargetGroupArn: tg.TargetGroupArn, Attributes: [{ Key: "stickiness.enabled", Value: "true" }] })).code).toBe("ValidationError");
    expect(failureOf(() => sb.elbv2("DescribeTargetGroupAttributes", { TargetGroupArn: `${tg.TargetGroupArn.slice(0, -1)}0` })).code).toBe("TargetGroupNotFound");
  });
});
