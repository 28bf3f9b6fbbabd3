import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect } from "vitest";
import { importerProperties } from "../design/test-arbitraries";
import { exportTaskDefinition, importTaskDefinition } from ".";

// Property tests of the task definition importer (RegisterTaskDefinition input or a
// DescribeTaskDefinition answer): what it accepts exports with no null and imports again unchanged.

const dir = fileURLToPath(new URL("../../../fixtures/ecs/task-definitions/", import.meta.url));

describe("importTaskDefinition, property-based", { timeout: 60_000 }, () => {
  importerProperties({
    documents: readdirSync(dir).filter((f) => f.endsWith(".json")).sort().map((f) => JSON.parse(readFileSync(dir + f, "utf8"))),
    read: (input) => importTaskDefinition(input),
    rereads: (r) => {
      const out = exportTaskDefinition(r.taskDefinition);
      expect(JSON.stringify(out)).not.toContain(":null");
      const again = importTaskDefinition(out, { id: r.taskDefinition.id });
      expect(JSON.stringify(again.ok && again.taskDefinition)).toBe(JSON.stringify(r.taskDefinition));
    },
    made: (r) => JSON.stringify(r.taskDefinition),
  });
});
