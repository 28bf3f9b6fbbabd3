import { describe, expect, it } from "vitest";
import { serviceNetwork } from "./service-network";
import { buildIndex } from "../engine";
import { validateDesign } from "..";
import { cluster, design, service, td } from "../test-helpers";

const index = buildIndex(design());
const awsvpc = td({ networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"] });
const vpc = (over: object = {}) => ({ networkConfiguration: { awsvpcConfiguration: { subnets: ["subnet-a"], securityGroups: ["sg-1"], ...over } } });

describe("service-network", () => {
  it("accepts awsvpc with subnets and bridge without a network configuration", () => {
    expect(serviceNetwork.check(service({ launchType: "FARGATE", ...vpc({ assignPublicIp: "ENABLED" }) }), { index, taskDefinition: awsvpc, cluster: cluster() })).toEqual([]);
    expect(serviceNetwork.check(service({ launchType: "EC2" }), { index, taskDefinition: td({ networkMode: "bridge" }), cluster: cluster() })).toEqual([]);
  });
  it("requires a network configuration for awsvpc", () => {
    const [f] = serviceNetwork.check(service({ launchType: "FARGATE" }), { index, taskDefinition: awsvpc, cluster: cluster() });
    expect(f.path).toEqual(["networkConfiguration"]);
    expect(f.message).toContain("Network Configuration must be provided");
  });
  it("rejects a network configuration outside awsvpc and offers to remove it", () => {
    const [f] = serviceNetwork.check(service({ launchType: "EC2", ...vpc() }), { index, taskDefinition: td({ networkMode: "bridge" }), cluster: cluster() });
    expect(f.fix?.edits).toEqual([{ path: ["networkConfiguration"], value: undefined }]);
  });
  it("limits subnets and security groups, and public IPs to Fargate", () => {
    const subnets = Array.from({ length: 17 }, (_, i) => `subnet-${i}`);
    const groups = Array.from({ length: 6 }, (_, i) => `sg-${i}`);
    const out = serviceNetwork.check(
      service({ launchType: "EC2", ...vpc({ subnets, securityGroups: groups, assignPublicIp: "ENABLED" }) }),
      { index, taskDefinition: td({ networkMode: "awsvpc" }), cluster: cluster() },
    );
    const at = ["networkConfiguration", "awsvpcConfiguration"];
    expect(out.map((f) => f.path)).toEqual([[...at, "subnets"], [...at, "securityGroups"], [...at, "assignPublicIp"]]);
    expect(out[2].fix?.edits).toEqual([{ path: [...at, "assignPublicIp"], value: "DISABLED" }]);
  });
  it("requires at least one subnet", () => {
    const [f] = serviceNetwork.check(service({ launchType: "FARGATE", ...vpc({ subnets: [] }) }), { index, taskDefinition: awsvpc, cluster: cluster() });
    expect(f.path).toEqual(["networkConfiguration", "awsvpcConfiguration", "subnets"]);
  });
  it("judges a Fargate task definition without a network mode as awsvpc, and leaves the omission to fargate-network-mode", () => {
    const noMode = td({ requiresCompatibilities: ["FARGATE"], cpu: "256", memory: "512" });
    // Not "remove the network configuration", which a bridge reading would ask for and ECS would then refuse.
    expect(serviceNetwork.check(service({ launchType: "FARGATE", ...vpc() }), { index, taskDefinition: noMode, cluster: cluster() })).toEqual([]);
    const [missing] = serviceNetwork.check(service({ launchType: "FARGATE" }), { index, taskDefinition: noMode, cluster: cluster() });
    expect(missing.message).toContain("Network Configuration must be provided");

    const findings = validateDesign(design({ clusters: [cluster()], taskDefinitions: [noMode], services: [service({ launchType: "FARGATE", ...vpc() })] }));
    expect(findings.filter((f) => f.ruleId === "fargate-network-mode").map((f) => f.path)).toEqual([["taskDefinitions", 0, "networkMode"]]);
    expect(findings.filter((f) => f.ruleId === "service-network")).toEqual([]);
  });
});
