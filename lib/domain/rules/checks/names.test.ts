import { describe, expect, it } from "vitest";
import { names } from "./names";
import { container, td } from "../test-helpers";

describe("names", () => {
  it("accepts valid, unique names", () => {
    expect(names.check(td({ family: "web_app-2", containerDefinitions: [container({ name: "app" }), container({ name: "log_router-1" })] }))).toEqual([]);
  });
  it("rejects an invalid family", () => {
    const [f] = names.check(td({ family: "web app!" }));
    expect(f.path).toEqual(["family"]);
    expect(f.fix?.description).toContain('"web-app"');
  });
  it("rejects an invalid, an over-long and a duplicate container name", () => {
    const found = names.check(td({
      containerDefinitions: [container({ name: "app" }), container({ name: "my.app" }), container({ name: "x".repeat(256) }), container({ name: "app" })],
    }));
    expect(found.map((f) => f.path)).toEqual([
      ["containerDefinitions", 1, "name"], ["containerDefinitions", 2, "name"], ["containerDefinitions", 3, "name"],
    ]);
    expect(found[2].message).toContain("unique");
    expect(found[2].container).toBe("app");
  });
});
