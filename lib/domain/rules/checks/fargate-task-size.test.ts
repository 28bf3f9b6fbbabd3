import { describe, expect, it } from "vitest";
import { fargateTaskSize } from "./fargate-task-size";
import { td } from "../test-helpers";

describe("fargate-task-size", () => {
  it("accepts a valid pair", () => {
    expect(fargateTaskSize.check(td({ requiresCompatibilities: ["FARGATE"], cpu: "256", memory: "512" }))).toEqual([]);
    expect(fargateTaskSize.check(td({ requiresCompatibilities: ["FARGATE"], cpu: "1 vCPU", memory: "2 GB" }))).toEqual([]);
  });
  it("ignores EC2-only task definitions", () => {
    expect(fargateTaskSize.check(td({ requiresCompatibilities: ["EC2"], cpu: "300" }))).toEqual([]);
  });
  it("rejects memory not valid for the cpu and offers the nearest", () => {
    const [f] = fargateTaskSize.check(td({ requiresCompatibilities: ["FARGATE"], cpu: "256", memory: "4096" }));
    expect(f.path).toEqual(["memory"]);
    expect(f.fix?.edits).toEqual([{ path: ["memory"], value: "2048" }]);
  });
  it("rejects an unknown cpu and a missing cpu", () => {
    expect(fargateTaskSize.check(td({ requiresCompatibilities: ["FARGATE"], cpu: "300", memory: "512" }))[0].path).toEqual(["cpu"]);
    expect(fargateTaskSize.check(td({ requiresCompatibilities: ["FARGATE"] }))[0].path).toEqual(["cpu"]);
  });
});
