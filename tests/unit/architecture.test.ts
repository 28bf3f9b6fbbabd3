import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, posix, relative, sep } from "node:path";

// Keeps the dependency rules of shared/DESIGN.md true: lib/domain and the sandbox's simulation
// core are pure, only lib/db talks to Prisma, only lib/aws talks to the AWS SDK at run time, and
// dependencies point one way.

const root = join(__dirname, "..", "..");

function sourceFiles(dir: string): string[] {
  let out: string[] = [];
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of entries) {
    if (name === "node_modules" || name === "generated" || name.startsWith(".")) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out = out.concat(sourceFiles(p));
    else if (/\.(ts|tsx|mjs|js)$/.test(name)) out.push(p);
  }
  return out;
}

type Import = { file: string; spec: string; typeOnly: boolean };

const IMPORT_RE = /^\s*(import|export)\s+(type\s+)?(?:[^'"]*?\sfrom\s+)?["']([^"']+)["']/gm;
const DYNAMIC_RE = /(?:import|require)\(\s*["']([^"']+)["']\s*\)/g;

function importsOf(file: string): Import[] {
  const text = readFileSync(file, "utf8");
  const rel = relative(root, file).split(sep).join("/");
  const out: Import[] = [];
  for (const m of text.matchAll(IMPORT_RE)) out.push({ file: rel, spec: m[3], typeOnly: Boolean(m[2]) });
  for (const m of text.matchAll(DYNAMIC_RE)) out.push({ file: rel, spec: m[1], typeOnly: false });
  return out;
}

function imports(dir: string): Import[] {
  return sourceFiles(join(root, dir)).flatMap(importsOf);
}

const isTest = (i: Import) => /\.test\.tsx?$/.test(i.file);

/** Where an import points inside the repository (`lib/sandbox/core/draft`), or the package it names. */
function target(i: Import): string {
  if (i.spec.startsWith("@/")) return i.spec.slice(2);
  if (i.spec.startsWith(".")) return posix.normalize(posix.join(posix.dirname(i.file), i.spec));
  return i.spec;
}

/** A non-test source file's code without its comments (so a comment may name what the code may not use). */
function codeOf(file: string): string {
  return readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:])\/\/.*$/gm, "$1");
}

// The sandbox's simulation core: the shared world (core), one folder per AWS service (ecs, ec2,
// elbv2) and the wire adapters (protocols). Pure like lib/domain; its edges (lib/sandbox/*.ts:
// http, store, node-server) bring the store, the wall clock and request ids.
const SANDBOX_PURE = ["lib/sandbox/core", "lib/sandbox/ecs", "lib/sandbox/ec2", "lib/sandbox/elbv2", "lib/sandbox/protocols"];
const SANDBOX_EDGES = /^lib\/sandbox\/[^/]+$/;

describe("architecture", () => {
  it("lib/domain imports no framework, database, AWS client or I/O", () => {
    const banned = /^(react|react-dom|next|@prisma\/|prisma|pg|@electric-sql\/|pglite-prisma-adapter|@aws-sdk\/|node:|fs$|path$|child_process$|@tanstack\/|@xyflow\/)/;
    const offenders = imports("lib/domain")
      .filter((i) => !isTest(i))
      .filter((i) => banned.test(i.spec))
      // Types of the ECS API are welcome: they are the vocabulary of the model.
      .filter((i) => !(i.typeOnly && i.spec === "@aws-sdk/client-ecs"));
    expect(offenders).toEqual([]);
  });

  it("lib/domain depends on nothing else of the app", () => {
    const offenders = imports("lib/domain").filter((i) =>
      /^(@\/(?!lib\/domain)|\.\.\/\.\.\/\.\.\/)/.test(i.spec) || /(^|\/)(lib\/(server|actions|db|aws|query)|components|app)\//.test(i.spec));
    expect(offenders).toEqual([]);
  });

  it("only lib/db imports Prisma", () => {
    const dirs = ["app", "components", "lib/server", "lib/actions", "lib/domain", "lib/aws", "lib/query", "cli"];
    const offenders = dirs.flatMap(imports).filter((i) => /^(@prisma\/|prisma|pglite-prisma-adapter)/.test(i.spec) || /lib\/db\/generated/.test(i.spec));
    expect(offenders).toEqual([]);
  });

  it("only lib/aws uses the AWS SDK at run time", () => {
    const dirs = ["app", "components", "lib/server", "lib/actions", "lib/domain", "lib/db", "lib/query", "cli"];
    // Tests may compare against the SDK (e.g. its enums); the shipped code may not.
    const offenders = dirs.flatMap(imports).filter((i) => !isTest(i) && i.spec.startsWith("@aws-sdk/") && !i.typeOnly);
    expect(offenders).toEqual([]);
  });

  it("the sandbox core imports no I/O, framework, database, AWS client or sandbox edge", () => {
    const banned = /^(node:|fs$|path$|crypto$|child_process$|react|next|@prisma\/|prisma|pg$|@electric-sql\/|pglite-prisma-adapter|@aws-sdk\/|lib\/(db|server|actions|aws|query)(\/|$)|app\/|components\/)/;
    const offenders = SANDBOX_PURE.flatMap(imports)
      .filter((i) => !isTest(i))
      .filter((i) => !(i.typeOnly && i.spec.startsWith("@aws-sdk/")))
      .filter((i) => banned.test(target(i)) || SANDBOX_EDGES.test(target(i)));
    expect(offenders).toEqual([]);
  });

  it("the sandbox core points one way: services and protocols build on core, core on nothing of theirs", () => {
    const offenders = SANDBOX_PURE.flatMap(imports).filter((i) => {
      const to = target(i);
      if (i.file.startsWith("lib/sandbox/core/")) return /^lib\/sandbox\/(?!core\/)/.test(to);
      // A protocol serves any service, so it names none.
      if (i.file.startsWith("lib/sandbox/protocols/")) return /^lib\/sandbox\/(?!core\/|protocols\/)/.test(to);
      return false;
    });
    expect(offenders).toEqual([]);
  });

  it("the sandbox core reads no wall clock, randomness, timers or Node globals: they come in as arguments", () => {
    const impure: [string, RegExp][] = [
      ["the wall clock", /\bDate\.now\(|\bnew Date\(\)|\bperformance\.now\(/],
      ["randomness", /\bMath\.random\(|\bcrypto\b/],
      ["timers", /\b(setTimeout|setInterval|setImmediate)\(/],
      ["Node globals", /\b(Buffer|process)\b/],
    ];
    const files = SANDBOX_PURE.flatMap((d) => sourceFiles(join(root, d))).filter((f) => !/\.test\.tsx?$/.test(f));
    expect(files.length).toBeGreaterThan(10);
    const offenders = files.flatMap((f) => {
      const code = codeOf(f);
      return impure.filter(([, re]) => re.test(code)).map(([what]) => `${relative(root, f).split(sep).join("/")}: ${what}`);
    });
    expect(offenders).toEqual([]);
  });

  it("the browser side never imports server-only code", () => {
    const offenders = imports("components").filter((i) => /lib\/(db|server|aws)(\/|$)/.test(i.spec));
    expect(offenders).toEqual([]);
  });
});
