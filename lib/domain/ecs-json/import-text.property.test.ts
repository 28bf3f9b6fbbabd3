import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_DOCUMENT_BYTES } from "../design";
import { expectIssues } from "../design/test-arbitraries";
import { importText } from ".";

// Property tests of reading a file or pasted text (the upload dialog, `stevedore lint` and
// `convert`): random, truncated and oversized text gets an answer, never an exception; what
// cannot be read names where (a line and column, or the document).

const root = fileURLToPath(new URL("../../../fixtures/", import.meta.url));
const texts = ["ecs/task-definitions", "ecs/services", "compose"].flatMap((d) =>
  readdirSync(root + d).filter((f) => /\.(json|ya?ml)$/.test(f)).map((f) => ({ name: f, text: readFileSync(`${root}${d}/${f}`, "utf8") })));
const runs = { numRuns: Number(process.env.PROPERTY_RUNS ?? 300) };
const LOCATION = /^(line \d+, column \d+|\(document\))$/;

const isJson = (s: string) => { try { JSON.parse(s); return true; } catch { return false; } };

describe("importText, property-based", { timeout: 60_000 }, () => {
  it("random text, as JSON or YAML: an answer, never an exception", () => {
    fc.assert(fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: "binary", maxLength: 300 }), fc.json()), fc.constantFrom("x.json", "x.yaml", undefined), (text, fileName) => {
      const r = importText(text, { fileName });
      if (!r.ok) expectIssues(r.issues);
    }), runs);
  });

  it("a real file cut short: refused naming where it broke, or read as the smaller document it is", () => {
    fc.assert(fc.property(fc.constantFrom(...texts).chain((t) => fc.tuple(fc.constant(t), fc.nat({ max: t.text.length - 1 }))), ([t, cut]) => {
      const text = t.text.slice(0, cut);
      const r = importText(text, { fileName: t.name });
      if (r.ok) return;
      expectIssues(r.issues);
      if (t.name.endsWith(".json") && !isJson(text)) {
        expect(r.issues[0].path).toMatch(LOCATION);
        expect(r.issues[0].message).toMatch(text.trim() === "" ? /^The input is empty$/ : /^Malformed JSON/);
      }
    }), runs);
  });

  it("a real file with random bytes spliced in: an answer, never an exception", () => {
    fc.assert(fc.property(fc.constantFrom(...texts).chain((t) => fc.tuple(fc.constant(t), fc.nat({ max: t.text.length }), fc.string({ unit: "binary", maxLength: 20 }))), ([t, at, junk]) => {
      const r = importText(t.text.slice(0, at) + junk + t.text.slice(at), { fileName: t.name });
      if (!r.ok) expectIssues(r.issues);
    }), runs);
  });

  it("more than 1 MiB is refused before it is parsed, naming the size", () => {
    fc.assert(fc.property(fc.constantFrom(...texts), fc.integer({ min: 1, max: 4096 }), (t, extra) => {
      const text = t.text + " ".repeat(MAX_DOCUMENT_BYTES - Buffer.byteLength(t.text) + extra);
      const r = importText(text, { fileName: t.name });
      expect(r.ok ? null : r.issues).toEqual([{ path: "(document)", message: expect.stringMatching(/Stevedore imports at most 1 MiB$/) }]);
    }), { numRuns: 20 });
  });
});
