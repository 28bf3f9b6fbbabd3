import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect } from "vitest";
import { importerProperties } from "../design/test-arbitraries";
import { sampleShopDesign } from "../designer/sample-design";
import { exportService, importService } from ".";
import { importServices } from "./services-document";

// Property tests of the service importer (one CreateService input, one DescribeServices service
// or a whole DescribeServices answer): what it accepts exports with no null and imports again unchanged.

const answer = JSON.parse(readFileSync(fileURLToPath(new URL("../../../fixtures/ecs/services/describe-my-http-service.json", import.meta.url)), "utf8"));

describe("importServices, property-based", { timeout: 60_000 }, () => {
  importerProperties({
    documents: [answer, ...sampleShopDesign().services.map((s) => exportService(s))],
    read: (input) => importServices(input),
    rereads: (r) => {
      for (const s of r.services) {
        const out = exportService(s);
        expect(JSON.stringify(out)).not.toContain(":null");
        const again = importService(out, { id: s.id });
        expect(JSON.stringify(again.ok && again.service)).toBe(JSON.stringify(s));
      }
    },
    made: (r) => JSON.stringify(r.services),
  });
});
