// Lint: Next.js (core web vitals) and TypeScript rules, and the import boundaries of every folder.
// The boundaries are stated once, in MATRIX below; the rules are derived from it. DEVELOPERS.md
// ("Shape" and "Lint") explains the table and how to add a folder.
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import boundaries from "eslint-plugin-boundaries";

const DOMAIN = "lib/domain/*";
const FACTS = ["lib/domain/ecs-facts", "lib/domain/aws-limits"];

/**
 * The allowed-imports matrix. One row per folder (the first row whose folder holds a file is its
 * row, so nested folders come before their parent; a row with `files` holds only those files of
 * its folder, not its subfolders):
 * - `imports`: the other folders its code may import (a folder may always import itself);
 *   `lib/domain/*` means any folder of lib/domain.
 * - `packages`: npm packages and Node built-ins (`node:*`) it may import at run time.
 * - `types`: packages it may import types from (`import type`) and nothing else.
 * Tests beside the code (`*.test.ts`) may also import what TESTS_BESIDE_CODE adds.
 */
const MATRIX = [
  // The pure core: no I/O, no framework, no clock or randomness (PURE_CORE below guards the code).
  { folder: "lib/domain/ecs-facts", imports: [], packages: [] },
  { folder: "lib/domain/aws-limits", imports: [], packages: [] },
  { folder: "lib/domain/design", imports: [...FACTS], packages: ["zod"] },
  { folder: "lib/domain/rules", imports: [...FACTS, "lib/domain/design"], packages: [] },
  { folder: "lib/domain/ecs-json", imports: [...FACTS, "lib/domain/design"], packages: ["zod", "yaml"], types: ["@aws-sdk/client-ecs"] },
  { folder: "lib/domain/cost", imports: [...FACTS, "lib/domain/design", "lib/domain/rules"], packages: ["zod"] },
  { folder: "lib/domain/plan", imports: [...FACTS, "lib/domain/design", "lib/domain/rules", "lib/domain/ecs-json", "lib/domain/cost"], packages: [], types: ["@aws-sdk/client-ecs", "@aws-sdk/client-elastic-load-balancing-v2", "@aws-sdk/client-application-auto-scaling", "@aws-sdk/client-scheduler"] },
  { folder: "lib/domain/monitor", imports: [...FACTS, "lib/domain/design", "lib/domain/plan"], packages: ["zod"], types: ["@aws-sdk/client-ecs"] },
  // The image lab: a Dockerfile (parsed by dockerfile-ast), its simulated build and cache, a registry and hosts.
  { folder: "lib/domain/lab", imports: [...FACTS], packages: ["dockerfile-ast", "zod"] },
  { folder: "lib/domain/learn", imports: [...FACTS, "lib/domain/design", "lib/domain/rules", "lib/domain/monitor", "lib/domain/lab", "lib/domain/cost"], packages: [], types: ["@aws-sdk/client-ecs"] },
  // Terraform, CloudFormation and CDK exports and imports: one mapping of design fields, a pure exporter and importer per format (the importer is given hcl2json's parse; its tests use it; fflate zips the CDK app).
  { folder: "lib/domain/export", imports: [...FACTS, "lib/domain/design", "lib/domain/plan", "lib/domain/ecs-json"], packages: ["yaml", "zod", "@cdktf/hcl2json", "fflate"] },
  { folder: "lib/domain/designer", imports: [...FACTS, "lib/domain/design", "lib/domain/rules", "lib/domain/ecs-json"], packages: ["zod", "elkjs"] },
  // Who may do what (roles, the permission table, decisions) and what the audit trail records: pure too.
  { folder: "lib/domain/access", imports: [], packages: ["zod"] },
  { folder: "lib/domain/audit", imports: ["lib/domain/access"], packages: [] },
  // The sandbox: a pure simulation core (core ← services ← nothing; protocols name no service) …
  { folder: "lib/sandbox/core", imports: [], packages: [], types: ["zod"] },
  // Protocols read JSON bodies with the domain's ECS JSON reader (null means "not set", as in the SDKs).
  { folder: "lib/sandbox/protocols", imports: ["lib/sandbox/core", "lib/domain/design"], packages: ["zod", "fast-xml-parser"] },
  { folder: "lib/sandbox/ecs", imports: ["lib/sandbox/core", "lib/sandbox/protocols", "lib/domain/ecs-facts", "lib/domain/design"], packages: ["zod"] },
  { folder: "lib/sandbox/ec2", imports: ["lib/sandbox/core", "lib/sandbox/protocols", "lib/sandbox/ecs"], packages: ["zod"] },
  { folder: "lib/sandbox/elbv2", imports: ["lib/sandbox/core", "lib/sandbox/protocols", "lib/sandbox/ec2", "lib/sandbox/ecs", "lib/domain/ecs-facts"], packages: ["zod"] },
  { folder: "lib/sandbox/iam", imports: ["lib/sandbox/core", "lib/sandbox/protocols", "lib/sandbox/ecs"], packages: ["zod"] },
  { folder: "lib/sandbox/logs", imports: ["lib/sandbox/core", "lib/sandbox/protocols", "lib/sandbox/ecs"], packages: ["zod"] },
  { folder: "lib/sandbox/scheduler", imports: ["lib/sandbox/core", "lib/sandbox/protocols", "lib/sandbox/ecs", "lib/domain/ecs-facts"], packages: ["zod"] },
  { folder: "lib/sandbox/servicediscovery", imports: ["lib/sandbox/core", "lib/sandbox/protocols", "lib/sandbox/ecs", "lib/sandbox/ec2"], packages: ["zod"] },
  { folder: "lib/sandbox/application-autoscaling", imports: ["lib/sandbox/core", "lib/sandbox/protocols", "lib/sandbox/ecs", "lib/domain/ecs-facts"], packages: ["zod"] },
  { folder: "lib/sandbox/cloudwatch", imports: ["lib/sandbox/core", "lib/sandbox/protocols", "lib/sandbox/ecs"], packages: ["zod"] },
  { folder: "lib/sandbox/autoscaling", imports: ["lib/sandbox/core", "lib/sandbox/protocols", "lib/sandbox/ecs", "lib/sandbox/ec2"], packages: ["zod"] },
  { folder: "lib/sandbox/pricing", imports: ["lib/sandbox/core", "lib/sandbox/protocols", "lib/domain/cost"], packages: ["zod"] },
  // … and its edges (lib/sandbox/*.ts: HTTP handlers, the store port, the Node server, request ids).
  { folder: "lib/sandbox", files: "*.ts", imports: ["lib/sandbox/core", "lib/sandbox/ecs", "lib/sandbox/ec2", "lib/sandbox/elbv2", "lib/sandbox/iam", "lib/sandbox/logs", "lib/sandbox/servicediscovery", "lib/sandbox/application-autoscaling", "lib/sandbox/scheduler", "lib/sandbox/cloudwatch", "lib/sandbox/autoscaling", "lib/sandbox/pricing", "lib/sandbox/protocols"], packages: ["node:*", "@smithy/signature-v4"], types: ["@smithy/types"] },
  // I/O at the edges: one AWS port per service, the database (and the sandbox's persistent store).
  { folder: "lib/aws", imports: [...FACTS], packages: ["@aws-sdk/*", "zod"], types: ["@smithy/types"] },
  { folder: "lib/db/generated", imports: [], packages: ["@prisma/*"] }, // Prisma's client, generated and not linted
  // better-auth's Prisma adapter on the app's client (auth-adapter.ts).
  { folder: "lib/db", imports: ["lib/db/generated", "lib/sandbox", "lib/sandbox/core", DOMAIN], packages: ["@prisma/*", "@better-auth/prisma-adapter", "@electric-sql/pglite", "pg", "pglite-prisma-adapter", "node:*"] },
  // Operations. lib/server/plan is shared with the CLI, so it reaches only what the CLI may.
  { folder: "lib/server/plan", imports: ["lib/aws", "lib/sandbox", DOMAIN], packages: [], types: ["@aws-sdk/client-ecs", "@aws-sdk/client-elastic-load-balancing-v2"] },
  // Sign-in (lib/server/auth): better-auth, with Next's request headers, redirects and React's per-request cache for pages.
  { folder: "lib/server", imports: ["lib/server/plan", "lib/aws", "lib/db", "lib/sandbox", DOMAIN], packages: ["zod", "node:*", "better-auth", "next", "react", "@cdktf/hcl2json"], types: ["@aws-sdk/*"] },
  // What the browser and the pages reach.
  { folder: "lib/actions", imports: ["lib/server", DOMAIN], packages: ["next", "zod"] },
  { folder: "lib/query", imports: [DOMAIN], packages: ["@tanstack/react-query"] },
  { folder: "components", imports: ["lib/actions", "lib/query", DOMAIN], packages: ["react", "react-dom", "next", "@tanstack/react-query", "@xyflow/react"] },
  // The /sandbox routes serve the sandbox's HTTP edge as they are.
  { folder: "app", imports: ["components", "lib/actions", "lib/query", "lib/server", "lib/sandbox", DOMAIN], packages: ["react", "react-dom", "next", "@tanstack/react-query", "@xyflow/react", "zod"] },
  // The `stevedore` command: plans through lib/server/plan, talks to AWS through lib/aws, parses HCL with hcl2json (its WebAssembly read from disk).
  { folder: "cli", imports: ["lib/server/plan", "lib/aws", DOMAIN], packages: ["commander", "zod", "node:*", "@cdktf/hcl2json"] },
  { folder: "bin", imports: ["cli"], packages: ["tsx", "node:*"] },
  { folder: "scripts", imports: ["lib/db", "lib/domain/export"], packages: ["pg", "node:*"] },
  // Harnesses: they drive everything from outside.
  { folder: "tests", imports: ["app", "lib/**"], packages: ["vitest", "fast-check", "@aws-sdk/*", "pg", "@electric-sql/pglite", "next", "zod", "oauth2-mock-server", "@smithy/signature-v4", "fast-xml-parser", "@cdktf/hcl2json", "node:*"] },
  { folder: "bench", imports: ["lib/**"], packages: ["@aws-sdk/*", "@playwright/test", "autocannon", "pg", "node:*"] },
  { folder: "e2e", imports: [], packages: ["@playwright/test", "@aws-sdk/client-ecs", "@aws-sdk/client-ec2", "@aws-sdk/client-elastic-load-balancing-v2", "@aws-sdk/client-cloudwatch-logs", "pg", "oauth2-mock-server", "node:*"] },
  // The files at the root (next.config.js, vitest.config.ts, this file, …) configure the tools;
  // playwright.config.ts takes the e2e people (who signs in) from e2e/auth.ts; instrumentation.ts
  // runs the server's start-up (lib/server/start-up.ts: the first admin, the sandbox environment).
  { folder: ".", files: "*.{js,mjs,ts}", imports: ["e2e", "lib/server"], packages: ["next", "vitest", "@playwright/test", "prisma", "eslint", "eslint-*", "node:*"] },
];

/** What tests beside the code (`*.test.ts` under lib/ and cli/) may import besides their folder's row. */
const TESTS_BESIDE_CODE = {
  // A test builds its inputs with the rest of its family (a lesson test edits a design with the
  // designer's operations; a sandbox service test runs the sandbox through its test harness).
  imports: { "lib/domain/*": [DOMAIN], "lib/sandbox/*": ["lib/sandbox", "lib/sandbox/*"] },
  // Fixtures come from disk; the SDK's own enums and shapes are what answers are compared with;
  // the CDK export's test checks its L1 classes against aws-cdk-lib's own.
  packages: ["vitest", "fast-check", "node:*", "@aws-sdk/*", "aws-cdk-lib", "aws-cdk-lib/*", "constructs"],
};

/** Folders the CLI runs through tsx, which knows no `@/` alias: they import by relative path. */
const RELATIVE_ONLY = ["lib/domain/**", "lib/sandbox/**", "lib/aws/**", "lib/server/plan/**", "cli/**"];

/** Pure code reads no wall clock, randomness, timers, network, process or browser state: they come in as arguments. */
const PURE_CORE = ["lib/domain/**", "lib/sandbox/core/**", "lib/sandbox/ecs/**", "lib/sandbox/ec2/**", "lib/sandbox/elbv2/**", "lib/sandbox/iam/**", "lib/sandbox/logs/**", "lib/sandbox/scheduler/**", "lib/sandbox/cloudwatch/**", "lib/sandbox/servicediscovery/**", "lib/sandbox/application-autoscaling/**", "lib/sandbox/autoscaling/**", "lib/sandbox/pricing/**", "lib/sandbox/protocols/**"];

// Tests, and helpers only tests import (`test-*.ts` beside the code, e.g. shared fast-check arbitraries).
const TEST_FILES = ["**/*.test.ts", "**/*.test.tsx", "lib/**/test-*.ts"];

// A row with `files` holds only the files directly in its folder (so a new subfolder is unknown
// until it has a row); any other row holds its whole folder.
const elements = MATRIX.map((row) =>
  row.files
    ? { type: row.folder, pattern: row.folder === "." ? row.files : `${row.folder}/${row.files}`, mode: "full" }
    : { type: row.folder, pattern: row.folder, partialMatch: false });

const packageSelector = (patterns) => ({ module: { origin: ["external", "core"], source: patterns } });

const policies = MATRIX.flatMap((row) => {
  const from = { element: { type: row.folder } };
  const out = [];
  out.push({ from, allow: { to: { element: { type: [row.folder, ...row.imports] } } } });
  if (row.packages.length) out.push({ from, allow: { to: packageSelector(row.packages) } });
  if (row.types?.length) out.push({ from, allow: { to: packageSelector(row.types), dependency: { kind: "type" } } });
  return out;
});

const testPolicies = [
  ...Object.entries(TESTS_BESIDE_CODE.imports).map(([folders, imports]) => ({
    from: { element: { type: folders }, file: { categories: "test" } },
    allow: { to: { element: { type: imports } } },
  })),
  { from: { file: { categories: "test" } }, allow: { to: packageSelector(TESTS_BESIDE_CODE.packages) } },
];

const restrictedTime = [
  { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: "Pure code reads no wall clock: take `now` as an argument." },
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "Pure code reads no wall clock: take `now` as an argument (new Date(value) is fine)." },
  { selector: "CallExpression[callee.object.name='performance'][callee.property.name='now']", message: "Pure code reads no clock: take the time as an argument." },
  { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: "Pure code uses no randomness: take a seed or ids as arguments." },
];

const restrictedGlobals = [
  ...["setTimeout", "setInterval", "setImmediate", "clearTimeout", "clearInterval", "clearImmediate", "queueMicrotask", "requestAnimationFrame"].map((name) => ({ name, message: "Pure code sets no timers: time comes in as an argument." })),
  ...["fetch", "XMLHttpRequest", "WebSocket", "EventSource"].map((name) => ({ name, message: "Pure code does no I/O: the edges call and pass the answer in." })),
  ...["process", "Buffer", "require", "__dirname", "__filename", "global"].map((name) => ({ name, message: "Pure code reads no Node globals: what it needs comes in as arguments." })),
  ...["crypto"].map((name) => ({ name, message: "Pure code uses no randomness or crypto: take ids or digests as arguments." })),
  ...["window", "document", "localStorage", "sessionStorage", "navigator", "location"].map((name) => ({ name, message: "Pure code reads no browser state: the component passes it in." })),
];

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  globalIgnores([".next/**", "lib/db/generated/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"]),
  {
    rules: {
      // `_`-prefixed names are kept on purpose (a rest pattern that drops a key, a parameter a caller passes).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_", ignoreRestSiblings: true }],
      "@typescript-eslint/no-unused-expressions": "error",
    },
  },
  {
    plugins: { boundaries },
    settings: {
      "boundaries/elements": elements,
      "boundaries/files": [{ category: "test", pattern: TEST_FILES }],
      "boundaries/include": ["**/*.{ts,tsx,js,mjs}"],
      "boundaries/legacy-templates": false,
      // Re-exports and dynamic imports are dependencies too.
      "boundaries/dependency-nodes": ["import", "export", "dynamic-import", "require"],
      // A `files` row needs the element descriptor's `mode: "full"` (deprecated in favour of
      // `partialMatch: false`, which only describes whole folders); it still works in v7.
      "boundaries/legacy-warnings": false,
    },
    rules: {
      "boundaries/dependencies": ["error", {
        default: "disallow",
        checkAllOrigins: true,
        policies: [...policies, ...testPolicies],
        message: "{{from.element.type}} may not import {{to.module.source}}{{to.element.type}}: see MATRIX in eslint.config.mjs",
      }],
      "boundaries/no-unknown-files": "error",
    },
  },
  {
    files: RELATIVE_ONLY,
    rules: { "no-restricted-imports": ["error", { patterns: [{ group: ["@/*"], message: "The CLI runs this folder through tsx without the @/ alias: import by relative path." }] }] },
  },
  {
    files: PURE_CORE,
    ignores: TEST_FILES,
    rules: {
      "no-restricted-syntax": ["error", ...restrictedTime],
      "no-restricted-globals": ["error", ...restrictedGlobals],
    },
  },
]);
