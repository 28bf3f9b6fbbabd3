import { describe, expect, it } from "vitest";
import { sameJson } from "./same-json";

describe("sameJson", () => {
  it("is JSON.stringify equality without the strings: key order and undefined members do not count", () => {
    const cases: [unknown, unknown][] = [
      [{ a: 1, b: [1, "x", { c: null }] }, { b: [1, "x", { c: null }], a: 1 }],
      [{ a: 1, b: undefined }, { a: 1 }],
      [[undefined, 1], [null, 1]],
      [{ a: [1, 2] }, { a: [1, 2, 3] }],
      [{ a: { b: 1 } }, { a: { b: 2 } }],
      [{ a: 1 }, { a: "1" }],
      [{ a: [] }, { a: {} }],
      [{ a: null }, { a: undefined }],
      [1, 1], [1, 2], [null, {}],
    ];
    for (const [a, b] of cases) expect(sameJson(a, b), JSON.stringify([a, b])).toBe(JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b)));
  });
});

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === "object") return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]));
  return v;
}
