import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe } from "vitest";
import { parse } from "yaml";
import { parseDesign } from "../design";
import { importerProperties } from "../design/test-arbitraries";
import { importCompose } from "./compose";

// Property tests of the Docker Compose importer: what it makes is a design that reads as one.
// (Compose gives null meanings of its own, so the "null means not set" property does not apply.)

const dir = fileURLToPath(new URL("../../../fixtures/compose/", import.meta.url));

describe("importCompose, property-based", { timeout: 60_000 }, () => {
  importerProperties({
    documents: readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => parse(readFileSync(dir + f, "utf8"), { merge: true })),
    read: (input) => importCompose(input, { subnets: ["subnet-0a1b2c3d"] }),
    rereads: (r) => {
      const again = parseDesign(JSON.parse(JSON.stringify({ schemaVersion: 1, ...r.design, layout: {} })));
      if (!again.ok) throw new Error(`The compose import made a design that does not read: ${JSON.stringify(again.issues)}`);
    },
  });
});
