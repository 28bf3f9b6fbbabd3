import { describe, expect, it } from "vitest";
import { ulimits } from "./ulimits";
import { container, td } from "../test-helpers";

describe("ulimits", () => {
  it("accepts consistent ulimits", () => {
    expect(ulimits.check(td({ containerDefinitions: [container({ ulimits: [{ name: "nofile", softLimit: 65535, hardLimit: 65535 }, { name: "nproc", softLimit: 1024, hardLimit: 4096 }] })] }))).toEqual([]);
  });
  it("rejects soft above hard and duplicate names", () => {
    const found = ulimits.check(td({ containerDefinitions: [container({ ulimits: [{ name: "nofile", softLimit: 9000, hardLimit: 4096 }, { name: "nofile", softLimit: 1, hardLimit: 2 }] })] }));
    expect(found.map((f) => f.path)).toEqual([["containerDefinitions", 0, "ulimits", 0, "softLimit"], ["containerDefinitions", 0, "ulimits", 1, "name"]]);
    expect(found[0].fix?.edits).toEqual([{ path: ["containerDefinitions", 0, "ulimits", 0, "softLimit"], value: 4096 }]);
    expect(found[1].fix?.edits).toEqual([{ path: ["containerDefinitions", 0, "ulimits"], value: [{ name: "nofile", softLimit: 9000, hardLimit: 4096 }] }]);
  });
});
