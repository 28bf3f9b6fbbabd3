import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { depthIssues, MAX_JSON_DEPTH, NAMED_NULLS, readEcsJson } from "./read-json";

const hasNull = (v: unknown): boolean =>
  v === null || (typeof v === "object" && Object.values(v as object).some(hasNull));
const ok = <T>(r: ReturnType<typeof readEcsJson<T>>) => {
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r;
};
/** The same, written the plain recursive way. */
const byHand = (v: unknown): unknown =>
  Array.isArray(v) ? v.filter((x) => x !== null).map(byHand)
  : typeof v === "object" && v !== null ? Object.fromEntries(Object.entries(v).filter(([, x]) => x !== null).map(([k, x]) => [k, byHand(x)]))
  : v;
const nested = (depth: number, inner = "1") => JSON.parse("[".repeat(depth) + inner + "]".repeat(depth));

describe("readEcsJson", () => {
  it("drops null members and null array items at any depth, naming where", () => {
    const r = ok(readEcsJson({
      family: "web", cpu: null,
      containerDefinitions: [{ name: "app", ulimits: null, environment: [null, { name: "A", value: null }] }, null],
    }));
    expect(r.value).toStrictEqual({ family: "web", containerDefinitions: [{ name: "app", environment: [{ name: "A" }] }] });
    expect(r.count).toBe(5);
    expect(r.dropped).toEqual([
      "cpu", "containerDefinitions[0].ulimits", "containerDefinitions[0].environment[0]",
      "containerDefinitions[0].environment[1].value", "containerDefinitions[1]",
    ]);
  });

  it("hands back the very same value when it holds no null", () => {
    const doc = { a: [1, { b: "x" }], c: { d: false, e: 0, f: "" } };
    const r = ok(readEcsJson(doc));
    expect(r.value).toBe(doc);
    expect(r).toMatchObject({ count: 0, dropped: [] });
  });

  it("never changes its input, and shares what held no null", () => {
    const clean = { name: "app" };
    const input = { x: null, keep: clean, list: [clean, null] };
    const copy = structuredClone(input);
    const r = ok(readEcsJson(input));
    expect(input).toStrictEqual(copy);
    expect((r.value as { keep: unknown }).keep).toBe(clean);
  });

  it("keeps a __proto__ member a member", () => {
    const out = ok(readEcsJson(JSON.parse('{"__proto__": {"a": 1}, "b": null}'))).value as Record<string, unknown>;
    expect(Object.keys(out)).toEqual(["__proto__"]);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
  });

  it("a lone null, and scalars, are themselves", () => {
    expect(ok(readEcsJson(null)).value).toBeNull();
    expect(ok(readEcsJson("x")).value).toBe("x");
  });

  it("names at most NAMED_NULLS places but counts them all", () => {
    const r = ok(readEcsJson(Array.from({ length: 100 }, () => null)));
    expect(r.value).toEqual([]);
    expect(r.count).toBe(100);
    expect(r.dropped).toHaveLength(NAMED_NULLS);
  });

  it(`reads ${MAX_JSON_DEPTH} levels of nesting and refuses one more, naming where`, () => {
    expect(readEcsJson(nested(MAX_JSON_DEPTH)).ok).toBe(true);
    const r = readEcsJson({ a: nested(MAX_JSON_DEPTH) }, "taskDefinition");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues[0].path).toBe(`taskDefinition.a${"[0]".repeat(MAX_JSON_DEPTH - 1)}`);
    expect(r.issues[0].message).toContain(`more than ${MAX_JSON_DEPTH} levels deep`);
    expect(depthIssues({ a: nested(MAX_JSON_DEPTH) })).toEqual([expect.objectContaining({ path: `a${"[0]".repeat(MAX_JSON_DEPTH - 1)}` })]);
    expect(depthIssues(nested(MAX_JSON_DEPTH))).toEqual([]);
  });

  it("refuses, rather than overflows on, nesting far deeper than the call stack", () => {
    // A recursive walk of the whole value overflows the stack at about 10,000 levels.
    expect(readEcsJson(nested(50_000, "null")).ok).toBe(false);
  });

  it("refuses a value that contains itself (YAML aliases can build one) instead of walking it for ever", () => {
    const loop: Record<string, unknown> = { a: 1 };
    loop.list = [0, loop];
    const r = readEcsJson({ x: loop });
    expect(r.ok ? null : r.issues).toEqual([{ path: "x.list[1]", message: expect.stringContaining("contains itself") }]);
  });

  it("property: the result holds no null, keeps every other value, and reading twice changes nothing", () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 8 }), (v) => {
      const once = ok(readEcsJson(v));
      expect(hasNull(once.value)).toBe(v === null);
      if (v !== null) {
        expect(once.value).toStrictEqual(byHand(v));
      }
      const twice = ok(readEcsJson(once.value));
      expect(twice.value).toBe(once.value);
      expect(twice.count).toBe(0);
    }));
  });
});
