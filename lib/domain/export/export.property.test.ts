import { parse as parseHcl } from "@cdktf/hcl2json";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import type { Design } from "../design";
import { exportCloudFormation } from "./cloudformation";
import { setFields, type Field } from "./fields";
import { hclString } from "./hcl";
import { importCloudFormation } from "./import-cloudformation";
import { importTerraform } from "./import-terraform";
import { parseTemplate } from "./parse-template";
import { MAPPING, RESOURCE_KINDS } from "./mapping";
import type { Unexpressed } from "./place";
import { exportTerraform } from "./terraform";
import { CLOUDFORMATION_PROPERTIES, unknownProperties } from "./test-cloudformation-properties";
import { arbitraryDesign } from "./test-designs";
import { comparable, normalised } from "./test-round-trip";
import { TERRAFORM_ARGUMENTS, unknownArguments } from "./test-terraform-arguments";

// Random designs drawn from the design's own zod schemas: both exports succeed, parse, and
// every field the design sets is in the output or in the export's "could not express" list.

const RUNS = { numRuns: Number(process.env.PROPERTY_RUNS ?? 60) };

const ARRAYS = { cluster: "clusters", taskDefinition: "taskDefinitions", service: "services", targetGroup: "targetGroups", loadBalancer: "loadBalancers", capacityProvider: "capacityProviders", scheduledTask: "scheduledTasks" } as const;

/** Values Terraform writes in another form (a bool, a block name, task cpu/memory in units: terraform.test.ts checks those). */
const TRANSFORMED_IN_TERRAFORM = new Set([
  "taskDefinition.cpu", "taskDefinition.memory",
  "service.networkConfiguration.awsvpcConfiguration.assignPublicIp", "loadBalancer.scheme", "loadBalancer.listeners[].rules[].conditions[].field",
  "scheduledTask.networkConfiguration.awsvpcConfiguration.assignPublicIp",
]);

function primitives(v: unknown, out: (string | number)[] = []): (string | number)[] {
  if (typeof v === "string" || typeof v === "number") out.push(v);
  else if (Array.isArray(v)) v.forEach((x) => primitives(x, out));
  else if (typeof v === "object" && v !== null) Object.values(v).forEach((x) => primitives(x, out));
  return out;
}

const generic = (p: string) => p.replace(/\[\d*\]/g, "[]");

/** Fields set but neither written (as text) nor listed as not expressed. */
function lostFields(design: Design, text: string, unexpressed: Unexpressed[], written: (v: string | number) => string, transformed: Set<string>): string[] {
  const listed = unexpressed.map((u) => generic(u.path));
  const lost: string[] = [];
  for (const kind of RESOURCE_KINDS) {
    for (const resource of (design[ARRAYS[kind]] ?? []) as unknown[]) {
      const { known } = setFields(kind, resource);
      for (const f of known as Field[]) {
        if (MAPPING[f.path].designOnly || [...transformed].some((t) => f.path === t || f.path.startsWith(`${t}.`))) continue;
        const rel = f.path.slice(kind.length + 1);
        if (listed.some((l) => rel === l || rel.endsWith(`.${l}`) || rel.endsWith(`]${l}`))) continue;
        const missing = primitives(f.value).filter((x) => !text.includes(written(x)));
        if (missing.length) lost.push(`${kind} ${rel}: ${missing.map(String).join(", ")}`);
      }
    }
  }
  return lost;
}

describe("exports of random designs", () => {
  it("Terraform: parses, and every set field is written or listed", async () => {
    await fc.assert(fc.asyncProperty(arbitraryDesign, async (design) => {
      const r = exportTerraform(design, { singleFile: true, ignoreChanges: ["image", "desiredCount"] });
      const text = r.files[0].text;
      const hcl = (await parseHcl("main.tf", text)) as { resource?: Record<string, Record<string, Record<string, unknown>[]>> };
      const undocumented = Object.entries(hcl.resource ?? {}).flatMap(([type, byLabel]) =>
        Object.entries(byLabel).flatMap(([label, bodies]) => bodies.flatMap((b) => unknownArguments(b, TERRAFORM_ARGUMENTS[type], `${type}.${label}`))));
      expect(undocumented).toEqual([]);
      const written = (v: string | number) => (typeof v === "string" ? hclString(v).slice(1, -1) : String(v));
      expect(lostFields(design, text, r.unexpressed, written, TRANSFORMED_IN_TERRAFORM)).toEqual([]);
    }), RUNS);
  }, 120_000);

  it("CloudFormation: YAML and JSON agree, and every set field is written or listed", () => {
    fc.assert(fc.property(arbitraryDesign, (design) => {
      const r = exportCloudFormation(design);
      expect(parseYaml(r.yaml)).toEqual(JSON.parse(r.json));
      const undocumented = Object.entries(r.template.Resources as Record<string, { Type: string; Properties: unknown }>).flatMap(([id, res]) =>
        unknownProperties(res.Properties, CLOUDFORMATION_PROPERTIES[res.Type], id));
      expect(undocumented).toEqual([]);
      const written = (v: string | number) => (typeof v === "string" ? JSON.stringify(v).slice(1, -1) : String(v));
      // A scheduled task's overrides are JSON text in the template (escaped twice in its JSON): the round trip below reads them back.
      expect(lostFields(design, r.json, r.unexpressed, written, new Set(["scheduledTask.overrides"]))).toEqual([]);
    }), RUNS);
  }, 120_000);
});

describe("round trips of random designs", () => {
  it("Terraform: design → Terraform → design gives back every field the export did not list", async () => {
    await fc.assert(fc.asyncProperty(arbitraryDesign, async (design) => {
      const r = exportTerraform(design);
      const back = await importTerraform(r.files.map((f) => ({ name: f.path, text: f.text })), parseHcl);
      if (!back.ok) throw new Error(JSON.stringify(back.issues));
      expect(comparable(back.design)).toEqual(comparable(normalised(design, r.unexpressed), { normaliseRaw: true }));
    }), RUNS);
  }, 240_000);

  it("CloudFormation: design → template (YAML) → design gives back every field the export did not list", () => {
    fc.assert(fc.property(arbitraryDesign, (design) => {
      const r = exportCloudFormation(design);
      const parsed = parseTemplate(r.yaml);
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
      expect(comparable(importCloudFormation(parsed.template).design)).toEqual(comparable(normalised(design, r.unexpressed)));
    }), RUNS);
  }, 240_000);
});
