import { describe, expect, it } from "vitest";
import { tags } from "./tags";
import { buildIndex } from "../engine";
import { cluster, design, service, td } from "../test-helpers";

describe("tags", () => {
  it("accepts ordinary tags", () => {
    const t = [{ key: "team", value: "payments" }, { key: "env", value: "prod" }];
    const d = design({ clusters: [cluster({ tags: t })], taskDefinitions: [td({ tags: t })], services: [service({ tags: t })] });
    expect(tags.check(buildIndex(d))).toEqual([]);
  });
  it("rejects reserved, long and duplicate keys, long values and too many tags", () => {
    const d = design({
      services: [service({
        tags: [
          { key: "AWS:owner", value: "x" },
          { key: "k".repeat(129), value: "v".repeat(257) },
          { key: "team", value: "a" },
          { key: "team", value: "b" },
        ],
      })],
      clusters: [cluster({ tags: Array.from({ length: 51 }, (_, i) => ({ key: `k${i}`, value: "v" })) })],
    });
    const out = tags.check(buildIndex(d));
    expect(out.map((f) => f.path)).toEqual([
      ["clusters", 0, "tags"],
      ["services", 0, "tags", 0, "key"],
      ["services", 0, "tags", 1, "key"],
      ["services", 0, "tags", 1, "value"],
      ["services", 0, "tags", 3, "key"],
    ]);
    expect(out[1].fix?.edits).toEqual([{ path: ["services", 0, "tags", 0, "key"], value: "owner" }]);
    expect(out[3].fix?.edits).toEqual([{ path: ["services", 0, "tags", 1, "value"], value: "v".repeat(256) }]);
  });
});
