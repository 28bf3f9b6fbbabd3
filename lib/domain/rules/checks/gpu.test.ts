import { describe, expect, it } from "vitest";
import { gpu } from "./gpu";
import { container, td } from "../test-helpers";

const withGpu = (value: string) => td({ requiresCompatibilities: ["EC2"], containerDefinitions: [container({ resourceRequirements: [{ type: "GPU", value }] })] });

describe("gpu", () => {
  it("accepts whole GPUs", () => {
    expect(gpu.check(withGpu("1"))).toEqual([]);
    expect(gpu.check(withGpu("4"))).toEqual([]);
  });
  it("rejects fractions, zero and words", () => {
    const [f] = gpu.check(withGpu("0.5"));
    expect(f.path).toEqual(["containerDefinitions", 0, "resourceRequirements", 0, "value"]);
    expect(f.fix?.edits).toEqual([{ path: ["containerDefinitions", 0, "resourceRequirements", 0, "value"], value: "1" }]);
    expect(gpu.check(withGpu("0"))[0].fix?.edits).toBeUndefined();
    expect(gpu.check(withGpu("one"))).toHaveLength(1);
  });
});
