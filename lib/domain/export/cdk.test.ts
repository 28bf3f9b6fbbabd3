import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import * as applicationautoscaling from "aws-cdk-lib/aws-applicationautoscaling";
import * as cloudwatch from "aws-cdk-lib/aws-cloudwatch";
import * as ecs from "aws-cdk-lib/aws-ecs";
import * as elasticloadbalancingv2 from "aws-cdk-lib/aws-elasticloadbalancingv2";
import * as scheduler from "aws-cdk-lib/aws-scheduler";
import { Construct } from "constructs";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { CDK_VERSIONS, cdkClassOf, cdkPropertyName, exportCdk } from "./cdk";
import { exportCloudFormation } from "./cloudformation";
import { CLOUDFORMATION_PROPERTIES } from "./test-cloudformation-properties";
import { arbitraryDesign, fixtureDesigns, scaledDesign } from "./test-designs";
import type { Design } from "../design";

// The CDK export synthesised offline, as `cdk synth` runs it (bin/app.ts, with CDK_OUTDIR set
// where the CLI would set it): its template must equal the CloudFormation export, whole.

const root = mkdtempSync(join(tmpdir(), "stevedore-cdk-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Writes the app to a folder of its own (node_modules linked to ours: no network) and runs bin/app.ts in this process. */
async function synth(files: { path: string; text: string }[], stackClass: string, name: string): Promise<unknown> {
  const dir = join(root, name);
  for (const f of files) {
    mkdirSync(dirname(join(dir, f.path)), { recursive: true });
    writeFileSync(join(dir, f.path), f.text);
  }
  symlinkSync(resolve("node_modules"), join(dir, "node_modules"));
  const out = join(dir, "cdk.out");
  process.env.CDK_OUTDIR = out;
  try {
    await import(join(dir, "bin/app.ts"));
  } finally {
    delete process.env.CDK_OUTDIR;
  }
  return JSON.parse(readFileSync(join(out, `${stackClass}.template.json`), "utf8"));
}

describe("exportCdk", () => {
  // Designs that hold no AWS resource (the image-lab lessons' starters) export `Resources: {}`,
  // which CloudFormation rejects ("At least one Resources member must be defined") and CDK does
  // not synthesise at all: neither deploys, so only designs with resources are compared.
  const withResources = (d: Design) => Object.keys(exportCloudFormation(d).template.Resources as object).length > 0;
  const designs = [...fixtureDesigns(), { name: "scaled", design: scaledDesign() }].filter((f) => withResources(f.design));
  it("compares the fixtures that hold resources, and only the lessons' starters hold none", () => {
    expect(designs.length).toBeGreaterThan(3);
    for (const { name, design } of fixtureDesigns().filter((f) => !withResources(f.design))) {
      expect(name).toMatch(/^lesson /);
      expect([...design.clusters, ...design.taskDefinitions, ...design.services, ...(design.targetGroups ?? []), ...(design.loadBalancers ?? []), ...(design.capacityProviders ?? [])]).toEqual([]);
    }
  });
  designs.forEach(({ name, design }, i) => {
    it(`synthesises the CloudFormation export's template exactly: ${name}`, async () => {
      const r = exportCdk(design, { name });
      const template = await synth(r.files, r.stackClass, `app${i}`);
      expect(template).toEqual(exportCloudFormation(design).template);
    }, 60_000);
  });

  it("writes an app: bin/app.ts, the stack, package.json pinned to the installed aws-cdk-lib and constructs, cdk.json, tsconfig.json", () => {
    const r = exportCdk(scaledDesign(), { name: "Web shop" });
    expect(r.files.map((f) => f.path)).toEqual(["bin/app.ts", "lib/web-shop-stack.ts", "package.json", "cdk.json", "tsconfig.json"]);
    const pkg = JSON.parse(r.files.find((f) => f.path === "package.json")!.text);
    const installed = (p: string) => (JSON.parse(readFileSync(resolve("node_modules", p, "package.json"), "utf8")) as { version: string }).version;
    expect(pkg.dependencies).toEqual({ "aws-cdk-lib": installed("aws-cdk-lib"), constructs: installed("constructs") });
    expect(CDK_VERSIONS.typescript).toBe(installed("typescript"));
    expect(CDK_VERSIONS.tsx).toBe(installed("tsx"));
    expect(JSON.parse(r.files.find((f) => f.path === "cdk.json")!.text)).toMatchObject({ app: "npx tsx bin/app.ts", versionReporting: false, pathMetadata: false });
    const stack = r.files[1].text;
    expect(stack).toContain("export class WebShopStack extends Stack");
    // L1 constructs with the template's logical ids, references as CDK expressions.
    expect(stack).toContain('const webService = new CfnService(this, "WebService", {');
    expect(stack).toContain('webService.overrideLogicalId("WebService");');
    expect(stack).toContain("cluster: shopCluster.ref,");
    expect(stack).toContain("subnets: webServiceSubnets.valueAsList,");
    expect(stack).toContain('resourceId: Fn.join("/", ["service", shopCluster.ref, webService.attrName]),');
    expect(stack).toContain("webService.addResourceDependency(webAlb80Listener);");
    expect(stack).toContain('startTime: new Date("2026-11-01T00:00:00Z")');
  });

  it("keeps a timestamp CDK would rewrite as the design has it", () => {
    const d = scaledDesign();
    d.services[0].autoScaling!.scheduledActions![1].startTime = "2026-11-01T00:00:00.000+01:00";
    const stack = exportCdk(d).files[1].text;
    expect(stack).toContain('startTime: Token.asAny("2026-11-01T00:00:00.000+01:00")');
    expect(stack).toMatch(/import \{ [^}]*Token[^}]* \} from "aws-cdk-lib";/);
  });

  it("has an L1 construct for every resource type the CloudFormation export writes", () => {
    const modules: Record<string, Record<string, unknown>> = {
      "aws-cdk-lib/aws-ecs": ecs, "aws-cdk-lib/aws-elasticloadbalancingv2": elasticloadbalancingv2,
      "aws-cdk-lib/aws-applicationautoscaling": applicationautoscaling, "aws-cdk-lib/aws-cloudwatch": cloudwatch, "aws-cdk-lib/aws-scheduler": scheduler,
    };
    for (const type of Object.keys(CLOUDFORMATION_PROPERTIES)) {
      const c = cdkClassOf(type);
      const l1 = modules[c.module]?.[c.name] as { CFN_RESOURCE_TYPE_NAME?: string; prototype: unknown } | undefined;
      expect(l1?.CFN_RESOURCE_TYPE_NAME, type).toBe(type);
      expect(l1!.prototype).toBeInstanceOf(Construct);
    }
  });

  it("names properties as aws-cdk-lib's L1 constructs do", () => {
    expect(["EnableECSManagedTags", "EFSVolumeConfiguration", "FSxWindowsFileServerVolumeConfiguration", "SizeInGiB", "VCpuCount", "IAM", "Ec2InstanceProfileArn", "HealthCheckGracePeriodSeconds"]
      .map(cdkPropertyName)).toEqual(["enableEcsManagedTags", "efsVolumeConfiguration", "fSxWindowsFileServerVolumeConfiguration", "sizeInGiB", "vCpuCount", "iam", "ec2InstanceProfileArn", "healthCheckGracePeriodSeconds"]);
  });
});

describe("exportCdk of random designs", () => {
  it("synthesises the CloudFormation export's template exactly", async () => {
    let n = 0;
    await fc.assert(fc.asyncProperty(arbitraryDesign, async (design) => {
      // A template needs a resource (CDK writes none of an empty stack's Resources).
      fc.pre(Object.keys(exportCloudFormation(design).template.Resources as object).length > 0);
      const r = exportCdk(design, { name: `random ${n}` });
      let template: unknown;
      try {
        template = await synth(r.files, r.stackClass, `random${n++}`);
      } catch (e) {
        // A design the validator refuses (a property CloudFormation requires is missing, e.g. a
        // Managed Instances provider without subnets): CDK refuses its template at synth too.
        // So is a scheduled action's start or end time that is no timestamp (CDK: "should be a Date").
        if (/required but missing|missing required property|should be a Date/.test(String(e))) return;
        throw e;
      }
      expect(template).toEqual(exportCloudFormation(design).template);
    }), { numRuns: Number(process.env.CDK_PROPERTY_RUNS ?? 5) });
  }, 120_000);
});
