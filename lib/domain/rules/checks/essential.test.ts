import { describe, expect, it } from "vitest";
import { essential } from "./essential";
import { container, td } from "../test-helpers";

describe("essential", () => {
  it("accepts an explicit or defaulted essential container", () => {
    expect(essential.check(td())).toEqual([]);
    expect(essential.check(td({ containerDefinitions: [container({ essential: undefined }), container({ name: "b", essential: false })] }))).toEqual([]);
  });
  it("rejects a task without essential containers and makes the first one essential", () => {
    const [f] = essential.check(td({ containerDefinitions: [container({ essential: false }), container({ name: "b", essential: false })] }));
    expect(f.path).toEqual(["containerDefinitions", 0, "essential"]);
    expect(f.fix?.edits).toEqual([{ path: ["containerDefinitions", 0, "essential"], value: true }]);
  });
});
