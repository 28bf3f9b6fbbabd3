import type { Design } from "../design";
import { exportCloudFormation } from "./cloudformation";
import type { Tree, Unexpressed } from "./place";
import { notesText, type ExportFile } from "./types";

// Design → an AWS CDK app in TypeScript (aws-cdk-lib v2) whose synthesised template equals the
// CloudFormation export. Pure: it writes the CloudFormation export's template as L1 constructs
// (CfnCluster, CfnTaskDefinition, CfnService, CfnLoadBalancer, CfnScalableTarget, …), one per
// resource with its logical id, Parameters as CfnParameter, Ref/GetAtt as `.ref`/`.attrX`,
// Fn::Join as Fn.join and DependsOn as addDependency, so both exports share one mapping.
// The app turns off what CDK adds by itself (analytics metadata, path metadata, the bootstrap
// version rule), so `cdk synth` prints the template Stevedore's CloudFormation export writes.

/** The versions the app pins: aws-cdk-lib and constructs as installed here (cdk.test.ts checks them), the CLI that reads their cloud assembly. */
export const CDK_VERSIONS = { "aws-cdk-lib": "2.278.0", constructs: "10.8.1", "aws-cdk": "2.1149.0", typescript: "5.9.3", tsx: "4.23.15", "@types/node": "20.19.43" } as const;

export type CdkExport = { files: ExportFile[]; unexpressed: Unexpressed[]; stackClass: string; stackFile: string };

/** Timestamp properties (aws-cdk-lib types them Date, and writes a Date as yyyy-mm-ddThh:mm:ssZ). */
const DATE_PROPERTIES = new Set(["StartTime", "EndTime"]);
const CDK_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

/** Property values whose keys are the user's (maps and JSON), not property names: written as they are. */
const MAP_PROPERTIES = new Set(["DockerLabels", "Options", "DriverOpts", "Labels", "HookDetails"]);

const RESERVED = new Set([
  "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do", "else", "enum", "export", "extends", "false", "finally",
  "for", "function", "if", "import", "in", "instanceof", "new", "null", "return", "super", "switch", "this", "throw", "true", "try", "typeof", "var",
  "void", "while", "with", "let", "static", "yield", "await", "implements", "interface", "package", "private", "protected", "public", "props", "scope", "id",
]);

/**
 * A CloudFormation property name as aws-cdk-lib's L1 constructs spell it (the `camelcase`
 * rule its code generator applies): words split at case changes and digits, the first lower
 * case, acronyms folded (EnableECSManagedTags → enableEcsManagedTags, EFSVolumeConfiguration →
 * efsVolumeConfiguration, SizeInGiB → sizeInGiB, VCpuCount → vCpuCount, IAM → iam).
 */
export function cdkPropertyName(name: string): string {
  const words = name.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+/g) ?? [name];
  return words.map((w, i) => (i === 0 ? w.toLowerCase() : w[0].toUpperCase() + w.slice(1).toLowerCase())).join("");
}

/** `web-api shop` → `WebApiShop` (a class name), never starting with a digit. */
function pascalName(s: string): string {
  const p = s.split(/[^A-Za-z0-9]+/).filter(Boolean).map((w) => w[0].toUpperCase() + w.slice(1)).join("");
  return /^[A-Za-z]/.test(p) ? p : `Stevedore${p}`;
}

/** `Web Shop` → `web-shop` (file and package names). */
function kebabName(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "") || "stevedore";
}

/** A logical id as a TypeScript name: `WebService` → `webService` (`1e3Alb` → `r1e3Alb`, `New` → `newResource`). */
const variableOf = (logicalId: string) => {
  const v = /^[0-9]/.test(logicalId) ? `r${logicalId}` : logicalId[0].toLowerCase() + logicalId.slice(1);
  return RESERVED.has(v) ? `${v}Resource` : v;
};

type Resource = { Type: string; Properties?: Tree; DependsOn?: string[] };
type Parameter = { Type: string; Description?: string; Default?: string };

const isObj = (v: unknown): v is Tree => typeof v === "object" && v !== null && !Array.isArray(v);

/** Writes a value as TypeScript: intrinsics as CDK expressions, property keys in CDK's spelling (or as they are, in a map). */
class Writer {
  constructor(readonly parameters: Record<string, Parameter>) {}

  intrinsic(v: Tree): string | undefined {
    const keys = Object.keys(v);
    if (keys.length !== 1) return undefined;
    const x = v[keys[0]];
    switch (keys[0]) {
      case "Ref": {
        const p = this.parameters[x as string];
        if (p) return `${variableOf(x as string)}.${p.Type.startsWith("List<") ? "valueAsList" : "valueAsString"}`;
        return `${variableOf(x as string)}.ref`;
      }
      case "Fn::GetAtt": {
        const [id, attribute] = x as [string, string];
        return `${variableOf(id)}.attr${attribute.split(".").map((w) => w[0].toUpperCase() + w.slice(1)).join("")}`;
      }
      case "Fn::Join": {
        const [sep, parts] = x as [string, unknown[]];
        return `Fn.join(${JSON.stringify(sep)}, ${this.value(parts, 0, false)})`;
      }
      default: return undefined;
    }
  }

  value(v: unknown, depth: number, map: boolean): string {
    if (Array.isArray(v)) return this.layout(v.map((x) => this.value(x, depth + 1, map)), "[", "]", depth);
    if (!isObj(v)) return JSON.stringify(v) ?? "undefined";
    if (!map) {
      const e = this.intrinsic(v);
      if (e) return e;
    }
    const entries = Object.entries(v).map(([k, x]) => {
      const key = map ? JSON.stringify(k) : cdkPropertyName(k);
      return `${key}: ${!map && DATE_PROPERTIES.has(k) && typeof x === "string" ? this.date(x) : this.value(x, depth + 1, map || MAP_PROPERTIES.has(k))}`;
    });
    return this.layout(entries, "{", "}", depth, true);
  }

  /** A timestamp: a Date when CDK writes it back unchanged, else the design's text as it is (a token CDK leaves alone). */
  date(x: string): string {
    if (CDK_DATE.test(x)) return `new Date(${JSON.stringify(x)})`;
    this.usesToken = true;
    return `Token.asAny(${JSON.stringify(x)})`;
  }

  usesToken = false;

  layout(items: string[], open: string, close: string, depth: number, spaced = false): string {
    if (!items.length) return `${open}${close}`;
    const inline = spaced ? `${open} ${items.join(", ")} ${close}` : `${open}${items.join(", ")}${close}`;
    if (inline.length + depth * 2 <= 100 && !inline.includes("\n")) return inline;
    const pad = "  ".repeat(depth + 3);
    return `${open}\n${items.map((i) => `${pad}${i},`).join("\n")}\n${"  ".repeat(depth + 2)}${close}`;
  }
}

/** Resources in an order where each comes after those it names (Ref, GetAtt, DependsOn), else as the template lists them. */
function ordered(resources: Record<string, Resource>): string[] {
  const refs = (v: unknown, out: Set<string>) => {
    if (Array.isArray(v)) v.forEach((x) => refs(x, out));
    else if (isObj(v)) {
      if (typeof v.Ref === "string" && resources[v.Ref]) out.add(v.Ref);
      const att = v["Fn::GetAtt"];
      if (Array.isArray(att) && resources[att[0] as string]) out.add(att[0] as string);
      Object.values(v).forEach((x) => refs(x, out));
    }
    return out;
  };
  const done = new Set<string>();
  const out: string[] = [];
  const visit = (id: string, path: Set<string>) => {
    if (done.has(id) || path.has(id)) return;
    path.add(id);
    const deps = refs(resources[id].Properties, new Set(resources[id].DependsOn ?? []));
    for (const d of deps) visit(d, path);
    done.add(id);
    out.push(id);
  };
  for (const id of Object.keys(resources)) visit(id, new Set());
  return out;
}

/** The L1 class of a resource type and the aws-cdk-lib module that has it: AWS::ECS::Service → aws-ecs CfnService. */
export function cdkClassOf(type: string): { module: string; name: string } {
  const [, service, resource] = type.split("::");
  return { module: `aws-cdk-lib/aws-${service.toLowerCase()}`, name: `Cfn${resource}` };
}

/** The design as a CDK app: bin/app.ts, lib/<name>-stack.ts, package.json, cdk.json, tsconfig.json. */
export function exportCdk(design: Design, opts: { name?: string; designId?: string } = {}): CdkExport {
  const cfn = exportCloudFormation(design, { designId: opts.designId });
  const t = cfn.template;
  const label = opts.name?.trim() || "stevedore";
  const stackClass = `${pascalName(label)}Stack`;
  const kebab = kebabName(label);
  const stackFile = `lib/${kebab}-stack.ts`;
  const parameters = (t.Parameters ?? {}) as Record<string, Parameter>;
  const resources = t.Resources as Record<string, Resource>;
  const w = new Writer(parameters);

  const imports = new Map<string, Set<string>>([["aws-cdk-lib", new Set(["Stack", "type StackProps"])]]);
  const need = (module: string, name: string) => {
    if (!imports.has(module)) imports.set(module, new Set());
    imports.get(module)!.add(name);
  };
  const body: string[] = [
    `    this.templateOptions.templateFormatVersion = ${JSON.stringify(t.AWSTemplateFormatVersion)};`,
    `    this.templateOptions.description = ${JSON.stringify(t.Description)};`,
    `    this.templateOptions.metadata = ${w.value(t.Metadata, 0, true)};`,
  ];
  if (Object.keys(parameters).length) {
    need("aws-cdk-lib", "CfnParameter");
    body.push("", "    // Account-specific values, with the design's as defaults.");
    for (const [id, p] of Object.entries(parameters)) {
      const props = { type: p.Type, description: p.Description, ...(p.Default === undefined ? {} : { default: p.Default }) };
      body.push(`    const ${variableOf(id)} = new CfnParameter(this, ${JSON.stringify(id)}, ${w.value(props, 0, false)});`);
      body.push(`    ${variableOf(id)}.overrideLogicalId(${JSON.stringify(id)});`);
    }
  }
  const order = ordered(resources);
  if (JSON.stringify(resources).includes("\"Fn::Join\"")) need("aws-cdk-lib", "Fn");
  for (const id of order) {
    const r = resources[id];
    const c = cdkClassOf(r.Type);
    need(c.module, c.name);
    // CDK's `tags` are sorted by key when rendered: tags in another order are written as they are, as the template has them.
    const tags = r.Properties?.Tags as { Key: string }[] | undefined;
    const sorted = !tags || tags.every((x, n) => n === 0 || tags[n - 1].Key.localeCompare(x.Key) <= 0);
    const { Tags: _tags, ...rest } = r.Properties ?? {};
    const properties = sorted ? r.Properties ?? {} : rest;
    const props = Object.keys(properties).length ? `, ${w.value(properties, 0, false)}` : "";
    body.push("", `    const ${variableOf(id)} = new ${c.name}(this, ${JSON.stringify(id)}${props});`);
    body.push(`    ${variableOf(id)}.overrideLogicalId(${JSON.stringify(id)});`);
    if (!sorted) {
      body.push(`    // The design's tag order (the \`tags\` property would sort them by key).`);
      body.push(`    ${variableOf(id)}.addPropertyOverride("Tags", ${w.value(tags, 0, true)});`);
    }
  }
  const deps = order.flatMap((id) => (resources[id].DependsOn ?? []).map((d) => `    ${variableOf(id)}.addResourceDependency(${variableOf(d)});`));
  if (deps.length) body.push("", "    // ECS refuses a target group no load balancer forwards to yet: services wait for their listeners.", ...deps);
  if (w.usesToken) need("aws-cdk-lib", "Token");
  const importLines = [...imports].sort(([a], [b]) => a.localeCompare(b)).map(([module, names]) =>
    `import { ${[...names].sort((a, b) => a.replace("type ", "").localeCompare(b.replace("type ", ""))).join(", ")} } from ${JSON.stringify(module)};`);
  const nothing = Object.keys(resources).length === 0 ? ["// The design has no resources an export manages: this app deploys nothing (CloudFormation refuses a stack without resources)."] : [];
  const notes = cfn.unexpressed.length
    ? ["// Not expressed (kept in the Stevedore design only; also in the template's Metadata):", ...notesText(cfn.unexpressed).split("\n").map((l) => `// ${l}`)]
    : ["// Every field of the design is expressed below."];
  const stack = [
    "// Written by Stevedore from a design: L1 constructs (one per CloudFormation resource, with its",
    "// logical id), so `cdk synth` prints the same template as Stevedore's CloudFormation export.",
    ...nothing,
    ...notes,
    ...importLines,
    'import type { Construct } from "constructs";',
    "",
    `export class ${stackClass} extends Stack {`,
    "  constructor(scope: Construct, id: string, props?: StackProps) {",
    "    super(scope, id, props);",
    ...body,
    "  }",
    "}",
    "",
  ].join("\n");
  const app = [
    "#!/usr/bin/env node",
    'import { App, DefaultStackSynthesizer } from "aws-cdk-lib";',
    `import { ${stackClass} } from "../lib/${kebab}-stack";`,
    "",
    "// No analytics or path metadata and no bootstrap version rule: the synthesised template is",
    "// exactly the CloudFormation export (deploying still uses the bootstrapped roles: `cdk bootstrap`).",
    'const app = new App({ analyticsReporting: false, postCliContext: { "aws:cdk:enable-path-metadata": false } });',
    `new ${stackClass}(app, ${JSON.stringify(stackClass)}, { synthesizer: new DefaultStackSynthesizer({ generateBootstrapVersionRule: false }) });`,
    "app.synth();",
    "",
  ].join("\n");
  const packageJson = {
    name: `${kebab}-cdk`, version: "0.1.0", private: true,
    scripts: { build: "tsc --noEmit", synth: "cdk synth", diff: "cdk diff", deploy: "cdk deploy" },
    dependencies: { "aws-cdk-lib": CDK_VERSIONS["aws-cdk-lib"], constructs: CDK_VERSIONS.constructs },
    devDependencies: { "aws-cdk": CDK_VERSIONS["aws-cdk"], "@types/node": CDK_VERSIONS["@types/node"], tsx: CDK_VERSIONS.tsx, typescript: CDK_VERSIONS.typescript },
  };
  const cdkJson = { app: "npx tsx bin/app.ts", versionReporting: false, pathMetadata: false, context: {} };
  const tsconfig = {
    compilerOptions: {
      target: "ES2022", module: "commonjs", moduleResolution: "node", lib: ["es2022"], strict: true, noEmit: true,
      esModuleInterop: true, skipLibCheck: true, types: ["node"],
    },
    include: ["bin/**/*.ts", "lib/**/*.ts"],
  };
  const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;
  return {
    stackClass, stackFile, unexpressed: cfn.unexpressed,
    files: [
      { path: "bin/app.ts", text: app },
      { path: stackFile, text: stack },
      { path: "package.json", text: json(packageJson) },
      { path: "cdk.json", text: json(cdkJson) },
      { path: "tsconfig.json", text: json(tsconfig) },
    ],
  };
}
