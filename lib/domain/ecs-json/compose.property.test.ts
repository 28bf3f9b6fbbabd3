import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parseDesign } from "../design";
import { importCompose } from ".";
import { deepFreeze, expectIssues, hostileValue, mutationOf, namesPlace } from "../design/test-arbitraries";

// Property tests of the Docker Compose importer: never an exception, never a write to its
// input, every problem names its field, and what it makes is a design that reads as one.

const dir = fileURLToPath(new URL("../../../fixtures/compose/", import.meta.url));
const files: unknown[] = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => parse(readFileSync(dir + f, "utf8"), { merge: true }));
const runs = { numRuns: Number(process.env.PROPERTY_RUNS ?? 300) };

function designs(input: unknown) {
  const r = importCompose(input, { subnets: ["subnet-0a1b2c3d"] });
  if (!r.ok) return r;
  const doc = { schemaVersion: 1, ...r.design, layout: {} };
  const again = parseDesign(JSON.parse(JSON.stringify(doc)));
  if (!again.ok) throw new Error(`The compose import made a design that does not read: ${JSON.stringify(again.issues)}`);
  return r;
}

describe("importCompose, property-based", { timeout: 60_000 }, () => {
  it("any JSON value: an answer, never an exception", () => {
    fc.assert(fc.property(hostileValue, (v) => {
      const r = designs(deepFreeze(v));
      if (!r.ok) expectIssues(r.issues);
    }), runs);
  });

  it("a compose file changed in one place: converted, or refused naming that place, the input untouched", () => {
    fc.assert(fc.property(fc.constantFrom(...files).chain(mutationOf), (m) => {
      const before = JSON.stringify(m.value);
      const r = designs(deepFreeze(m.value));
      expect(JSON.stringify(m.value)).toBe(before);
      if (r.ok) return;
      expectIssues(r.issues);
      for (const i of r.issues) expect(namesPlace(i.path, m), `${i.path} for a change at ${JSON.stringify(m.path)}`).toBe(true);
    }), runs);
  });
});
