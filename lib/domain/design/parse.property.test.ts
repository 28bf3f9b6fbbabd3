import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sampleShopDesign } from "../designer/sample-design";
import { sampleDesign } from "../designer/test-fixtures";
import { parseDesign } from ".";
import { deepFreeze, expectIssues, hostileValue, mutationOf, namesPlace, withNullsAdded } from "./test-arbitraries";

// Property tests of the design reader (uploads, the CLI's plan and apply, every stored document):
// never an exception, never a write to its input, every problem names its field, and what it
// accepts reads again unchanged.

const designs: unknown[] = [sampleShopDesign(), sampleDesign()].map((d) => JSON.parse(JSON.stringify(d)));
const runs = { numRuns: Number(process.env.PROPERTY_RUNS ?? 200) };

function rereads(input: unknown) {
  const r = parseDesign(input);
  if (!r.ok) return r;
  const text = JSON.stringify(r.design);
  expect(text).not.toContain(":null");
  const again = parseDesign(JSON.parse(text));
  expect(JSON.stringify(again.ok && again.design)).toBe(text);
  return r;
}

describe("parseDesign, property-based", { timeout: 60_000 }, () => {
  it("any JSON value: an answer, never an exception", () => {
    fc.assert(fc.property(hostileValue, (v) => {
      const r = rereads(deepFreeze(v));
      if (!r.ok) expectIssues(r.issues);
    }), runs);
  });

  it("a design changed in one place: accepted, or refused naming that place, the input untouched", () => {
    fc.assert(fc.property(fc.constantFrom(...designs).chain(mutationOf), (m) => {
      const before = JSON.stringify(m.value);
      const r = rereads(deepFreeze(m.value));
      expect(JSON.stringify(m.value)).toBe(before);
      if (r.ok) return;
      expectIssues(r.issues);
      for (const i of r.issues) expect(namesPlace(i.path, m), `${i.path} for a change at ${JSON.stringify(m.path)}`).toBe(true);
    }), runs);
  });

  it("nulls added anywhere mean not set: the same design", () => {
    fc.assert(fc.property(fc.constantFrom(...designs).chain((d) => fc.tuple(fc.constant(d), withNullsAdded(d))), ([d, withNulls]) => {
      const plain = parseDesign(d);
      const r = parseDesign(withNulls);
      expect(JSON.stringify(r.ok && r.design)).toBe(JSON.stringify(plain.ok && plain.design));
    }), runs);
  });
});
