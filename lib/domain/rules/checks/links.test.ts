import { describe, expect, it } from "vitest";
import { links } from "./links";
import { container, td } from "../test-helpers";

describe("links", () => {
  it("accepts links to containers of the task in bridge mode (also name:alias)", () => {
    expect(links.check(td({ containerDefinitions: [container({ links: ["db:database", "cache"] }), container({ name: "db" }), container({ name: "cache" })] }))).toEqual([]);
  });
  it("rejects links outside bridge mode and removes them", () => {
    const [f] = links.check(td({ networkMode: "awsvpc", containerDefinitions: [container({ links: ["db"] }), container({ name: "db" })] }));
    expect(f.path).toEqual(["containerDefinitions", 0, "links"]);
    expect(f.fix?.edits).toEqual([{ path: ["containerDefinitions", 0, "links"], value: undefined }]);
  });
  it("rejects a link to an unknown container", () => {
    const [f] = links.check(td({ containerDefinitions: [container({ links: ["db", "nope:alias"] }), container({ name: "db" })] }));
    expect(f.path).toEqual(["containerDefinitions", 0, "links", 1]);
    expect(f.fix?.edits).toEqual([{ path: ["containerDefinitions", 0, "links"], value: ["db"] }]);
  });
});
