import { describe, expect, it } from "vitest";
import { fargateNetworkMode } from "./fargate-network-mode";
import { td } from "../test-helpers";

describe("fargate-network-mode", () => {
  it("accepts awsvpc on Fargate and anything on EC2", () => {
    expect(fargateNetworkMode.check(td({ requiresCompatibilities: ["FARGATE"], networkMode: "awsvpc" }))).toEqual([]);
    expect(fargateNetworkMode.check(td({ requiresCompatibilities: ["EC2"], networkMode: "bridge" }))).toEqual([]);
  });
  it("rejects bridge or no mode on Fargate and sets awsvpc", () => {
    for (const networkMode of ["bridge", undefined] as const) {
      const [f] = fargateNetworkMode.check(td({ requiresCompatibilities: ["FARGATE"], networkMode }));
      expect(f.path).toEqual(["networkMode"]);
      expect(f.fix?.edits).toEqual([{ path: ["networkMode"], value: "awsvpc" }]);
    }
  });
});
