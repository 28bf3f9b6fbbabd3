import { describe, expect, it } from "vitest";
import { deploymentConfiguration } from "./deployment-configuration";
import { buildIndex } from "../engine";
import { design, service } from "../test-helpers";

const ctx = { index: buildIndex(design()) };
const at = ["deploymentConfiguration"];

describe("deployment-configuration", () => {
  it("accepts the defaults and a rolling configuration that can progress", () => {
    expect(deploymentConfiguration.check(service({ desiredCount: 1 }), ctx)).toEqual([]);
    expect(deploymentConfiguration.check(service({
      desiredCount: 4, deploymentConfiguration: { minimumHealthyPercent: 50, maximumPercent: 100, deploymentCircuitBreaker: { enable: true, rollback: true } },
    }), ctx)).toEqual([]);
  });
  it("rejects out-of-range percentages", () => {
    const out = deploymentConfiguration.check(service({ deploymentConfiguration: { minimumHealthyPercent: 150, maximumPercent: 50 } }), ctx);
    expect(out.map((f) => f.path)).toEqual([[...at, "minimumHealthyPercent"], [...at, "maximumPercent"]]);
  });
  it("warns with the arithmetic when a deployment cannot progress", () => {
    const [f] = deploymentConfiguration.check(service({ desiredCount: 1, deploymentConfiguration: { minimumHealthyPercent: 100, maximumPercent: 100 } }), ctx);
    expect(f.severity).toBe("warning");
    expect(f.message).toContain("floor(1 × 100%) = 1");
    expect(f.message).toContain("ceil(1 × 100%) = 1");
    expect(f.fix?.edits).toEqual([{ path: [...at, "maximumPercent"], value: 200 }]);
  });
  it("rejects a circuit breaker with the CODE_DEPLOY controller", () => {
    const [f] = deploymentConfiguration.check(service({
      deploymentController: { type: "CODE_DEPLOY" }, deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: false } },
    }), ctx);
    expect(f.path).toEqual([...at, "deploymentCircuitBreaker"]);
    expect(f.fix?.edits).toEqual([{ path: [...at, "deploymentCircuitBreaker"], value: undefined }]);
  });
});
