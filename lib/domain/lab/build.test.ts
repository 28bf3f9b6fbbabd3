import { describe, expect, it } from "vitest";
import { build, emptyCache, imageSize } from "./build";
import type { LabFile, LabState } from "./build-types";

const INVALIDATION = "https://docs.docker.com/build/cache/invalidation/";
const CACHE = "https://docs.docker.com/build/cache/";
const ARG_CACHE = "https://docs.docker.com/reference/dockerfile/#impact-on-build-caching";
const MULTI = "https://docs.docker.com/build/building/multi-stage/";
const CONTEXT = "https://docs.docker.com/build/concepts/context/#dockerignore-files";

const FILES: LabFile[] = [
  { path: "package.json", size: 600, content: JSON.stringify({ dependencies: { express: "4", pino: "9", zod: "3" }, devDependencies: { typescript: "5" } }) },
  { path: "package-lock.json", size: 40_000, content: "lockfileVersion 3" },
  { path: "src/index.js", size: 1200, content: "console.log('v1')" },
  { path: "README.md", size: 900, content: "# shop" },
];
const IGNORING_DOCKERFILE: LabFile[] = [...FILES, { path: ".dockerignore", size: 11, content: "Dockerfile" }];
const NAIVE = "FROM node:18-alpine\nWORKDIR /app\nCOPY . .\nRUN npm ci --omit=dev\nCMD [\"node\", \"src/index.js\"]\n";
const ORDERED = "FROM node:18-alpine\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci --omit=dev\nCOPY . .\nCMD [\"node\", \"src/index.js\"]\n";

const edit = (files: LabFile[], path: string, content: string) => files.map((f) => (f.path === path ? { ...f, content } : f));
const opts = { name: "shop/web", builtAt: "2026-12-07T00:00:00.000Z" };

/** Builds `first`, then `second` on its cache, and gives the second build's step statuses. */
function rebuild(first: LabState, second: LabState) {
  const a = build(first, emptyCache(), opts);
  expect(a.ok, JSON.stringify(a.diagnostics)).toBe(true);
  const b = build(second, a.cache, opts);
  expect(b.ok, JSON.stringify(b.diagnostics)).toBe(true);
  return b;
}

// Each row: what changed between two builds → the second build's FROM/RUN/COPY/WORKDIR steps, and the rule.
const ROWS: { name: string; first: LabState; second: LabState; expected: string; why?: RegExp; rule: string }[] = [
  { name: "nothing changed", first: { dockerfile: NAIVE, files: FILES }, second: { dockerfile: NAIVE, files: FILES }, expected: "cached cached cached cached", rule: INVALIDATION },
  { name: "a source file changed under COPY . .", first: { dockerfile: NAIVE, files: FILES }, second: { dockerfile: NAIVE, files: edit(FILES, "src/index.js", "console.log('v2')") }, expected: "cached cached built built", why: /src\/index\.js changed/, rule: CACHE },
  { name: "a source file changed, package files copied first", first: { dockerfile: ORDERED, files: FILES }, second: { dockerfile: ORDERED, files: edit(FILES, "src/index.js", "console.log('v2')") }, expected: "cached cached cached cached built", rule: CACHE },
  { name: "package.json changed, package files copied first", first: { dockerfile: ORDERED, files: FILES }, second: { dockerfile: ORDERED, files: edit(FILES, "package.json", "{\"dependencies\":{}}") }, expected: "cached cached built built built", why: /package\.json changed/, rule: INVALIDATION },
  { name: "same content saved again (only mtime would differ)", first: { dockerfile: NAIVE, files: FILES }, second: { dockerfile: NAIVE, files: FILES.map((f) => ({ ...f })) }, expected: "cached cached cached cached", rule: `${INVALIDATION} (mtime is not part of the checksum)` },
  { name: "the RUN text changed (even by a space)", first: { dockerfile: NAIVE, files: IGNORING_DOCKERFILE }, second: { dockerfile: NAIVE.replace("npm ci --omit=dev", "npm ci  --omit=dev"), files: IGNORING_DOCKERFILE }, expected: "cached cached cached built", why: /the instruction changed: the cache has "RUN npm ci --omit=dev"/, rule: INVALIDATION },
  { name: "only the Dockerfile changed, and COPY . . copies it", first: { dockerfile: NAIVE, files: FILES }, second: { dockerfile: NAIVE.replace("npm ci --omit=dev", "npm ci  --omit=dev"), files: FILES }, expected: "cached cached built built", why: /Dockerfile changed/, rule: CONTEXT },
  { name: "CMD changed: metadata only, and the Dockerfile is in the context", first: { dockerfile: ORDERED, files: FILES }, second: { dockerfile: ORDERED.replace("src/index.js\"]", "src/main.js\"]"), files: FILES }, expected: "cached cached cached cached built", why: /Dockerfile changed/, rule: CONTEXT },
  { name: "CMD changed with the Dockerfile ignored", first: { dockerfile: ORDERED, files: [...FILES, { path: ".dockerignore", size: 11, content: "Dockerfile" }] }, second: { dockerfile: ORDERED.replace("src/index.js\"]", "src/main.js\"]"), files: [...FILES, { path: ".dockerignore", size: 11, content: "Dockerfile" }] }, expected: "cached cached cached cached cached", rule: CONTEXT },
  { name: "an ENV before RUN changed", first: { dockerfile: "FROM alpine:3.17\nENV MODE=a\nRUN echo $MODE\nRUN echo done\n", files: [] }, second: { dockerfile: "FROM alpine:3.17\nENV MODE=b\nRUN echo $MODE\nRUN echo done\n", files: [] }, expected: "cached built built", why: /ENV MODE is now "b"/, rule: INVALIDATION },
  { name: "a build argument's value changed: a miss at its first use", first: { dockerfile: "FROM alpine:3.17\nRUN echo setup\nARG VERSION=1\nRUN echo $VERSION\n", files: [], buildArgs: { VERSION: "1" } }, second: { dockerfile: "FROM alpine:3.17\nRUN echo setup\nARG VERSION=1\nRUN echo $VERSION\n", files: [], buildArgs: { VERSION: "2" } }, expected: "cached cached built", why: /build argument VERSION is now "2"/, rule: ARG_CACHE },
  { name: "an early line changed: every later step rebuilds", first: { dockerfile: ORDERED, files: FILES }, second: { dockerfile: ORDERED.replace("WORKDIR /app", "WORKDIR /srv/app"), files: FILES }, expected: "cached built built built built", why: /every step after a miss/, rule: CACHE },
  { name: "a file .dockerignore leaves out changed", first: { dockerfile: NAIVE, files: [...FILES, { path: ".dockerignore", size: 10, content: "*.md" }] }, second: { dockerfile: NAIVE, files: edit([...FILES, { path: ".dockerignore", size: 10, content: "*.md" }], "README.md", "# changed") }, expected: "cached cached cached cached", rule: CONTEXT },
];

describe("the build cache, against Docker's documented rules", () => {
  it.each(ROWS)("$name ($rule)", ({ first, second, expected, why }) => {
    const b = rebuild(first, second);
    expect(b.steps.map((s) => s.status).join(" ")).toBe(expected);
    const firstMiss = b.steps.find((s) => s.status === "built");
    if (why) expect([firstMiss?.why, ...b.steps.map((s) => s.why)].join(" | ")).toMatch(why);
  });

  it("a miss explains itself and the steps after it say why they ran", () => {
    const b = rebuild({ dockerfile: NAIVE, files: FILES }, { dockerfile: NAIVE, files: edit(FILES, "src/index.js", "x") });
    expect(b.steps[2]).toMatchObject({ keyword: "COPY", status: "built", why: "the copied files changed: src/index.js changed" });
    expect(b.steps[3].why).toMatch(/^the step before it ran again \(\[3\/4\] COPY \. \.\)/);
  });

  it("a cold build says the cache is empty and pulls the base once", () => {
    const a = build({ dockerfile: NAIVE, files: FILES }, emptyCache(), opts);
    expect(a.steps[0]).toMatchObject({ keyword: "FROM", status: "built" });
    expect(a.steps[1].why).toBe("first build: the build cache is empty");
    expect(build({ dockerfile: NAIVE, files: FILES }, a.cache, opts).steps[0].status).toBe("cached");
  });

  it("a rebuild with a warm cache is much faster when the install is cached", () => {
    const deps = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`dep${i}`, "1"]));
    const files = edit(FILES, "package.json", JSON.stringify({ dependencies: deps }));
    const slow = rebuild({ dockerfile: NAIVE, files }, { dockerfile: NAIVE, files: edit(files, "src/index.js", "v2") });
    const fast = rebuild({ dockerfile: ORDERED, files }, { dockerfile: ORDERED, files: edit(files, "src/index.js", "v2") });
    expect(slow.seconds).toBeGreaterThan(40);
    expect(fast.seconds).toBeLessThan(2);
  });

  it("gives the same digests for the same inputs, and new ones when a layer changes", () => {
    const a = build({ dockerfile: NAIVE, files: FILES }, emptyCache(), opts);
    const again = build({ dockerfile: NAIVE, files: FILES }, emptyCache(), opts);
    expect(again.image?.digest).toBe(a.image?.digest);
    const changed = build({ dockerfile: NAIVE, files: edit(FILES, "src/index.js", "v2") }, emptyCache(), opts);
    expect(changed.image?.digest).not.toBe(a.image?.digest);
    expect(changed.image?.layers[0].digest).toBe(a.image?.layers[0].digest);
    expect(a.image?.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
  });
});

describe("layers and image config", () => {
  it("makes layers for FROM's layers, RUN, COPY and a new WORKDIR; metadata instructions add none", () => {
    const a = build({ dockerfile: "FROM alpine:3.17\nENV A=1\nLABEL team=shop\nWORKDIR /app\nEXPOSE 8080\nCOPY src/index.js ./\nUSER 1000\nCMD [\"node\"]\n", files: FILES }, emptyCache(), opts);
    expect(a.image?.layers.map((l) => l.createdBy.split(" ")[0])).toEqual(["ADD", "WORKDIR", "COPY"]);
    expect(a.image?.config).toMatchObject({ env: expect.arrayContaining(["A=1"]), labels: { team: "shop" }, exposedPorts: ["8080/tcp"], user: "1000", workingDir: "/app", cmd: ["node"] });
  });

  it("WORKDIR into a directory that exists adds no layer", () => {
    const a = build({ dockerfile: "FROM alpine:3.17\nWORKDIR /tmp\n", files: [] }, emptyCache(), opts);
    expect(a.image?.layers).toHaveLength(1);
  });

  it("apt-get update in its own RUN leaves its lists in that layer; deleting them later saves nothing", () => {
    const split = build({ dockerfile: "FROM debian:bullseye-slim\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends curl\nRUN rm -rf /var/lib/apt/lists/*\n", files: [] }, emptyCache(), opts);
    const combined = build({ dockerfile: "FROM debian:bullseye-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n", files: [] }, emptyCache(), opts);
    expect(imageSize(split.image!) - imageSize(combined.image!)).toBeGreaterThan(8 * 1024 * 1024);
    expect(split.steps[3].notes.join()).toMatch(/saves nothing/);
  });

  it("apt-get install without the lists fails like apt does", () => {
    const r = build({ dockerfile: "FROM debian:bullseye-slim\nRUN apt-get install -y curl\n", files: [] }, emptyCache(), opts);
    expect(r.ok).toBe(false);
    expect(r.diagnostics[0]).toMatchObject({ range: { line: 2 }, message: expect.stringMatching(/^E: Unable to locate package curl/) });
  });

  it("COPY of a path that is not in the context fails with BuildKit's error, and says when .dockerignore left it out", () => {
    const r = build({ dockerfile: "FROM alpine:3.17\nCOPY README.md /\n", files: [...FILES, { path: ".dockerignore", size: 5, content: "*.md" }] }, emptyCache(), opts);
    expect(r.diagnostics[0].message).toBe("failed to compute cache key: failed to calculate checksum of ref: \"/README.md\": not found (.dockerignore leaves it out of the context)");
  });

  it("an unknown base image is refused on its line", () => {
    const r = build({ dockerfile: "\nFROM ubuntu:99\n", files: [] }, emptyCache(), opts);
    expect(r.diagnostics[0]).toMatchObject({ range: { line: 2 }, message: expect.stringMatching(/not in the lab's catalogue/) });
  });
});

describe("multi-stage builds", () => {
  const GO: LabFile[] = [{ path: "go.mod", size: 40, content: "module shop" }, { path: "main.go", size: 3000, content: "package main" }];
  const MULTI_STAGE = "FROM golang:1.19 AS build\nWORKDIR /src\nCOPY go.mod main.go ./\nRUN go build -o /out/shop .\n\nFROM node:18 AS docs\nRUN echo docs\n\nFROM alpine:3.17\nCOPY --from=build /out/shop /shop\nENTRYPOINT [\"/shop\"]\n";
  const SINGLE = "FROM golang:1.19\nWORKDIR /src\nCOPY go.mod main.go ./\nRUN go build -o /out/shop .\nENTRYPOINT [\"/out/shop\"]\n";

  it(`keeps only the final stage's layers and skips stages the target does not need (${MULTI})`, () => {
    const multi = build({ dockerfile: MULTI_STAGE, files: GO }, emptyCache(), opts);
    expect(multi.ok, JSON.stringify(multi.diagnostics)).toBe(true);
    expect(multi.skippedStages).toEqual(["docs"]);
    expect(multi.steps.some((s) => s.stage === "docs")).toBe(false);
    expect(multi.image?.layers.some((l) => /go build/.test(l.createdBy))).toBe(false);
    expect(multi.image?.layers.at(-1)?.createdBy).toBe("COPY --from=build /out/shop /shop # buildkit");
    const single = build({ dockerfile: SINGLE, files: GO }, emptyCache(), opts);
    expect(imageSize(single.image!)).toBeGreaterThan(20 * imageSize(multi.image!));
    expect(imageSize(multi.image!)).toBeLessThan(12 * 1024 * 1024);
  });

  it("prints stage names in the steps, and COPY --from an unknown stage fails", () => {
    const multi = build({ dockerfile: MULTI_STAGE, files: GO }, emptyCache(), opts);
    expect(multi.steps.map((s) => `${s.stage} ${s.position}/${s.total}`)).toEqual(["build 1/4", "build 2/4", "build 3/4", "build 4/4", "stage-2 1/2", "stage-2 2/2"]);
    const bad = build({ dockerfile: "FROM alpine:3.17\nCOPY --from=builder /x /x\n", files: [] }, emptyCache(), opts);
    expect(bad.diagnostics[0].message).toMatch(/no earlier build stage is called "builder"/);
  });

  it("a change in the build stage's source rebuilds it; the final COPY --from reruns only when the artefact changed", () => {
    const a = build({ dockerfile: MULTI_STAGE, files: GO }, emptyCache(), opts);
    const b = build({ dockerfile: MULTI_STAGE, files: GO.map((f) => (f.path === "main.go" ? { ...f, content: "package main // v2" } : f)) }, a.cache, opts);
    expect(b.steps.map((s) => s.status).join(" ")).toBe("cached cached built built cached built");
  });
});

describe("base image layers", () => {
  it("share digests where images share a base, and differ above it", () => {
    const slim = build({ dockerfile: "FROM debian:bullseye-slim\n", files: [] }, emptyCache(), opts).image!;
    const node = build({ dockerfile: "FROM node:18-bullseye-slim\n", files: [] }, emptyCache(), opts).image!;
    const python = build({ dockerfile: "FROM python:3.11-slim\n", files: [] }, emptyCache(), opts).image!;
    expect(node.layers[0].digest).toBe(slim.layers[0].digest);
    expect(python.layers[0].digest).toBe(slim.layers[0].digest);
    expect(python.layers[1].digest).not.toBe(node.layers[1].digest);
  });

  it("FROM pins a base by its real manifest-list or amd64 manifest digest; any other digest is unknown", () => {
    const index = "sha256:fda98168118e5a8f4269efca4101ee51dd5c75c0fe56d8eb6fad80455c2f5827";
    const amd64 = "sha256:09faa7dabeae557cb6baff17be5b216fc4e3c9608aa04fe71695aad3d229a9c7";
    const tagged = build({ dockerfile: "FROM node:18-alpine\n", files: [] }, emptyCache(), opts).image!;
    for (const d of [index, amd64]) {
      const pinned = build({ dockerfile: `FROM node:18-alpine@${d}\n`, files: [] }, emptyCache(), opts);
      expect(pinned.ok, d).toBe(true);
      expect(pinned.image!.layers.map((l) => l.digest)).toEqual(tagged.layers.map((l) => l.digest));
    }
    expect(tagged.layers[0].digest).toBe("sha256:8921db27df2831fa6eaa85321205a2470c669b855f3ec95d5a3c2b46de0442c9");
    const wrong = build({ dockerfile: `FROM node:18-alpine@sha256:${"0".repeat(64)}\n`, files: [] }, emptyCache(), opts);
    expect(wrong.diagnostics[0].message).toBe(`node:18-alpine@sha256:${"0".repeat(64)}: manifest unknown (the lab's node:18-alpine is ${index})`);
  });
});

describe("the build log", () => {
  it("prints BuildKit's vertices, CACHED for reused steps and the image it wrote", async () => {
    const { buildLog } = await import("./build-log");
    const a = build({ dockerfile: NAIVE, files: FILES }, emptyCache(), opts);
    const b = build({ dockerfile: NAIVE, files: FILES }, a.cache, opts);
    const text = buildLog(b, "shop/web").map((l) => l.text);
    expect(text).toContain("#5 [1/4] FROM node:18-alpine");
    expect(text).toContain("#7 [3/4] COPY . .");
    expect(text).toContain("#7 CACHED");
    expect(text).toContain(`#9 writing image ${b.image!.digest} done`);
    expect(text).toContain("#9 naming to docker.io/shop/web:latest done");
    const failed = buildLog(build({ dockerfile: "FROM alpine:3.17\nADD https://example.com/x.tgz /x\n", files: [] }, emptyCache(), opts), "x").map((l) => l.text);
    expect(failed.join("\n")).toMatch(/ERROR: ADD https:\/\/example\.com\/x\.tgz: the lab builds offline/);
    expect(failed.at(-1)).toBe("ERROR: failed to solve: process \"[2/2] ADD https://example.com/x.tgz /x\" did not complete successfully");
  });
});
