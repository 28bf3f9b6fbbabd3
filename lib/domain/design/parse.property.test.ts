import { describe, expect } from "vitest";
import { sampleShopDesign } from "../designer/sample-design";
import { sampleDesign } from "../designer/test-fixtures";
import { parseDesign } from ".";
import { importerProperties } from "./test-arbitraries";

// Property tests of the design reader (uploads, the CLI's plan and apply, every stored
// document): what it accepts reads again unchanged, with no null.

describe("parseDesign, property-based", { timeout: 60_000 }, () => {
  importerProperties({
    documents: [sampleShopDesign(), sampleDesign()].map((d) => JSON.parse(JSON.stringify(d))),
    read: (input) => parseDesign(input),
    rereads: (r) => {
      const text = JSON.stringify(r.design);
      expect(text).not.toContain(":null");
      const again = parseDesign(JSON.parse(text));
      expect(JSON.stringify(again.ok && again.design)).toBe(text);
    },
    made: (r) => JSON.stringify(r.design),
  }, { numRuns: Number(process.env.PROPERTY_RUNS ?? 200) });
});
