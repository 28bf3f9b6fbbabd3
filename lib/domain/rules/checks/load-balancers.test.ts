import { describe, expect, it } from "vitest";
import { loadBalancers } from "./load-balancers";
import { buildIndex } from "../engine";
import { container, design, service, td } from "../test-helpers";

const index = buildIndex(design());
const web = td({ containerDefinitions: [container({ name: "web", portMappings: [{ containerPort: 8080 }, { containerPort: 9090 }] })] });
const lb = (over: object = {}) => ({ targetGroupArn: "arn:aws:elasticloadbalancing:eu-west-1:1:targetgroup/web/1", containerName: "web", containerPort: 8080, ...over });

describe("load-balancers", () => {
  it("accepts a mapped container port", () => {
    expect(loadBalancers.check(service({ loadBalancers: [lb()], healthCheckGracePeriodSeconds: 30 }), { index, taskDefinition: web })).toEqual([]);
  });
  it("rejects an unmapped port and offers the mapped ones", () => {
    const [f] = loadBalancers.check(service({ loadBalancers: [lb({ containerPort: 80 })] }), { index, taskDefinition: web });
    expect(f.path).toEqual(["loadBalancers", 0, "containerPort"]);
    expect(f.fix?.description).toContain("8080, 9090");
    expect(f.fix?.edits).toEqual([{ path: ["loadBalancers", 0, "containerPort"], value: 8080 }]);
  });
  it("rejects an unknown container", () => {
    const [f] = loadBalancers.check(service({ loadBalancers: [lb({ containerName: "api" })] }), { index, taskDefinition: web });
    expect(f.path).toEqual(["loadBalancers", 0, "containerName"]);
    expect(f.fix?.edits).toEqual([{ path: ["loadBalancers", 0, "containerName"], value: "web" }]);
  });
  it("rejects more than 5 load balancers", () => {
    const out = loadBalancers.check(service({ loadBalancers: Array.from({ length: 6 }, () => lb()) }), { index, taskDefinition: web });
    expect(out.map((f) => f.path)).toEqual([["loadBalancers"]]);
  });
  it("warns about a grace period nothing uses, and rejects one out of range", () => {
    const [unused] = loadBalancers.check(service({ healthCheckGracePeriodSeconds: 60 }), { index, taskDefinition: web });
    expect(unused.severity).toBe("warning");
    expect(unused.fix?.edits).toEqual([{ path: ["healthCheckGracePeriodSeconds"], value: undefined }]);
    const [bad] = loadBalancers.check(service({ loadBalancers: [lb()], healthCheckGracePeriodSeconds: -1 }), { index, taskDefinition: web });
    expect(bad.path).toEqual(["healthCheckGracePeriodSeconds"]);
    expect(bad.severity).toBeUndefined();
  });
});
