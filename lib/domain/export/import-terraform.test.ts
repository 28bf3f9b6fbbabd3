import { parse } from "@cdktf/hcl2json";
import { describe, expect, it } from "vitest";
import type { Design } from "../design";
import { importTerraform } from "./import-terraform";
import { exportTerraform } from "./terraform";
import { everythingDesign, fixtureDesigns } from "./test-designs";
import { comparable, normalised } from "./test-round-trip";

const fromTerraform = async (design: Design, opts: Parameters<typeof exportTerraform>[1] = {}) => {
  const r = await importTerraform(exportTerraform(design, opts).files.map((f) => ({ name: f.path, text: f.text })), parse);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r;
};

describe("importTerraform", () => {
  for (const { name, design } of fixtureDesigns()) {
    it(`round-trips design → Terraform → design: ${name}`, async () => {
      const back = await fromTerraform(design);
      expect(comparable(back.design)).toEqual(comparable(normalised(design, exportTerraform(design).unexpressed)));
    }, 30_000);
  }
});
