import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { exportTaskDefinition, importTaskDefinition } from ".";
import { deepFreeze, expectIssues, hostileValue, mutationOf, namesPlace, withNullsAdded } from "../design/test-arbitraries";

// Property tests of the task definition importer: whatever it is given, it never throws, never
// writes to its input, names the field of every problem, and what it accepts exports and
// imports again unchanged, with no null.

const dir = fileURLToPath(new URL("../../../fixtures/ecs/task-definitions/", import.meta.url));
const fixtures = readdirSync(dir).filter((f) => f.endsWith(".json")).sort().map((f) => JSON.parse(readFileSync(dir + f, "utf8")) as unknown);
const runs = { numRuns: Number(process.env.PROPERTY_RUNS ?? 300) };

function roundTrips(input: unknown) {
  const r = importTaskDefinition(input);
  if (!r.ok) return r;
  const out = exportTaskDefinition(r.taskDefinition);
  expect(JSON.stringify(out)).not.toContain(":null");
  const again = importTaskDefinition(out, { id: r.taskDefinition.id });
  expect(JSON.stringify(again.ok && again.taskDefinition)).toBe(JSON.stringify(r.taskDefinition));
  return r;
}

describe("importTaskDefinition, property-based", { timeout: 60_000 }, () => {
  it("any JSON value: an answer, never an exception", () => {
    fc.assert(fc.property(hostileValue, (v) => {
      const r = roundTrips(deepFreeze(v));
      if (!r.ok) expectIssues(r.issues);
    }), runs);
  });

  it("a real task definition changed in one place: accepted, or refused naming that place, the input untouched", () => {
    fc.assert(fc.property(fc.constantFrom(...fixtures).chain(mutationOf), (m) => {
      const before = JSON.stringify(m.value);
      const r = roundTrips(deepFreeze(m.value));
      expect(JSON.stringify(m.value)).toBe(before);
      if (r.ok) return;
      expectIssues(r.issues);
      for (const i of r.issues) expect(namesPlace(i.path, m), `${i.path} for a change at ${JSON.stringify(m.path)}`).toBe(true);
    }), runs);
  });

  it("nulls added anywhere mean not set: the same task definition", () => {
    fc.assert(fc.property(fc.constantFrom(...fixtures).chain((f) => fc.tuple(fc.constant(f), withNullsAdded(f))), ([f, withNulls]) => {
      const plain = importTaskDefinition(f);
      const r = importTaskDefinition(withNulls);
      expect(JSON.stringify(r.ok && r.taskDefinition)).toBe(JSON.stringify(plain.ok && plain.taskDefinition));
    }), runs);
  });
});
