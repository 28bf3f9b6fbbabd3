import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { DesignSchema } from "../design";
import { coverageTable, isNot, MAPPING } from "./mapping";

// Walks the design's zod schemas (every key of every object schema, nested; `[]` for array
// items) and checks each field has a mapping entry: a field added to the design fails here
// until every exporter says where it goes, or why it cannot.

type Def = { type: string; shape?: Record<string, z.ZodType>; innerType?: z.ZodType; element?: z.ZodType; options?: z.ZodType[] };
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

function schemaPaths(schema: z.ZodType, path: string, out: string[] = []): string[] {
  const def = defOf(schema);
  switch (def.type) {
    case "optional": case "nullable": case "default": case "readonly":
      return schemaPaths(def.innerType!, path, out);
    case "array":
      return schemaPaths(def.element!, `${path}[]`, out);
    case "union":
      for (const o of def.options ?? []) schemaPaths(o, path, out);
      return out;
    case "object":
      for (const [k, s] of Object.entries(def.shape ?? {})) {
        out.push(`${path}.${k}`);
        schemaPaths(s, `${path}.${k}`, out);
      }
      return out;
    default:
      return out;
  }
}

/** Every top-level resource array of a Design (all but schemaVersion and layout), by its item's kind: `services` → `service`. */
const ROOTS: [string, z.ZodType][] = Object.entries(defOf(DesignSchema).shape ?? {})
  .filter(([k]) => k !== "schemaVersion" && k !== "layout")
  .map(([k, s]) => {
    let d = defOf(s);
    while (d.innerType) d = defOf(d.innerType);
    if (d.type !== "array") throw new Error(`Design.${k} is not a resource array: map it in mapping.test.ts`);
    return [k.replace(/s$/, ""), d.element!];
  });

describe("the export mapping", () => {
  const paths = ROOTS.flatMap(([root, s]) => schemaPaths(s, root));

  it("finds the nested fields it walks (the walker itself works)", () => {
    expect(paths).toContain("service.deploymentConfiguration.lifecycleHooks[].timeoutConfiguration.action");
    expect(paths).toContain("loadBalancer.listeners[].rules[].action.targetGroups[].weight");
    expect(paths).toContain("taskDefinition.containerDefinitions[].linuxParameters.tmpfs[].size");
    expect(paths.length).toBeGreaterThan(200);
    expect(ROOTS.map(([r]) => r)).toEqual(expect.arrayContaining(["cluster", "taskDefinition", "service", "targetGroup", "loadBalancer", "capacityProvider"]));
  });

  it("has a Terraform and a CloudFormation entry for every design field", () => {
    const missing = paths.filter((p) => !MAPPING[p]);
    expect(missing).toEqual([]);
  });

  it("has no entry for a field the design does not have", () => {
    const known = new Set(paths);
    expect(Object.keys(MAPPING).filter((p) => !known.has(p))).toEqual([]);
  });

  it("explains every field a format cannot express", () => {
    for (const [path, entry] of Object.entries(MAPPING)) {
      for (const t of [entry.terraform, entry.cloudformation]) {
        if (isNot(t)) expect(t.not.length, path).toBeGreaterThan(10);
        else expect(t, path).toMatch(/^(aws_[a-z_]+|AWS::[A-Za-z0-9]+::[A-Za-z0-9]+)(\.|$)/);
      }
    }
  });
});

describe("COVERAGE.md", () => {
  it("is the mapping's coverage table (regenerate it from coverageTable() when the mapping changes)", () => {
    const doc = readFileSync(new URL("./COVERAGE.md", import.meta.url), "utf8");
    expect(doc).toContain(coverageTable());
  });
});
