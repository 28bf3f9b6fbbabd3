import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sampleShopDesign } from "../designer/sample-design";
import { exportService, importService, importServices } from ".";
import { deepFreeze, expectIssues, hostileValue, mutationOf, namesPlace, withNullsAdded } from "../design/test-arbitraries";

// Property tests of the service importer (one CreateService input, one DescribeServices service
// or a whole DescribeServices answer): never an exception, never a write to its input, every
// problem names its field, and what it accepts exports and imports again unchanged.

const answer = JSON.parse(readFileSync(fileURLToPath(new URL("../../../fixtures/ecs/services/describe-my-http-service.json", import.meta.url)), "utf8")) as unknown;
const documents: unknown[] = [answer, ...sampleShopDesign().services.map((s) => exportService(s))];
const runs = { numRuns: Number(process.env.PROPERTY_RUNS ?? 300) };

function roundTrips(input: unknown) {
  const r = importServices(input);
  if (!r.ok) return r;
  for (const s of r.services) {
    const out = exportService(s);
    expect(JSON.stringify(out)).not.toContain(":null");
    const again = importService(out, { id: s.id });
    expect(JSON.stringify(again.ok && again.service)).toBe(JSON.stringify(s));
  }
  return r;
}

describe("importServices, property-based", { timeout: 60_000 }, () => {
  it("any JSON value: an answer, never an exception", () => {
    fc.assert(fc.property(hostileValue, (v) => {
      const r = roundTrips(deepFreeze(v));
      if (!r.ok) expectIssues(r.issues);
    }), runs);
  });

  it("a real service changed in one place: accepted, or refused naming that place, the input untouched", () => {
    fc.assert(fc.property(fc.constantFrom(...documents).chain(mutationOf), (m) => {
      const before = JSON.stringify(m.value);
      const r = roundTrips(deepFreeze(m.value));
      expect(JSON.stringify(m.value)).toBe(before);
      if (r.ok) return;
      expectIssues(r.issues);
      for (const i of r.issues) expect(namesPlace(i.path, m), `${i.path} for a change at ${JSON.stringify(m.path)}`).toBe(true);
    }), runs);
  });

  it("nulls added anywhere mean not set: the same services", () => {
    fc.assert(fc.property(fc.constantFrom(...documents).chain((d) => fc.tuple(fc.constant(d), withNullsAdded(d))), ([d, withNulls]) => {
      const plain = importServices(d);
      const r = importServices(withNulls);
      expect(JSON.stringify(r.ok && r.services)).toBe(JSON.stringify(plain.ok && plain.services));
    }), runs);
  });
});
