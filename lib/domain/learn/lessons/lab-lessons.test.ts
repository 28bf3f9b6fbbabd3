import { describe, expect, it } from "vitest";
import type { LabState } from "../../lab/build-types";
import { replayLab } from "../lab-run";
import { evaluateStep } from "../progress";
import type { Lesson } from "../types";
import { dockerfileOrder } from "./dockerfile-order";
import { layersBuildCache } from "./layers-build-cache";
import { multiStageBuilds } from "./multi-stage-builds";

const check = (lesson: Lesson, stepId: string, states: LabState[]) => evaluateStep(lesson.steps.find((s) => s.id === stepId)!, { lab: replayLab(states) });
const editFile = (s: LabState, path: string, content: string): LabState => ({ ...s, files: s.files.map((f) => (f.path === path ? { ...f, content } : f)) });
const withFile = (s: LabState, path: string, content: string): LabState => ({ ...s, files: [...s.files.filter((f) => f.path !== path), { path, size: content.length, content }] });

describe("Layers and the build cache", () => {
  const start = layersBuildCache.lab!;
  const changed = editFile(start, "src/index.js", "console.log('changed')");

  it("asks for a build first, and takes any successful one", () => {
    expect(evaluateStep(layersBuildCache.steps[0], { lab: { builds: [] } }).hint).toMatch(/Press Build/);
    expect(check(layersBuildCache, "first-build", [start])).toEqual({ done: true });
    expect(check(layersBuildCache, "first-build", [{ ...start, dockerfile: "FROM nope:1\n" }]).hint).toMatch(/last build failed: nope:1: not in the lab's catalogue/);
  });

  it("wants a second build where every step is CACHED", () => {
    expect(check(layersBuildCache, "rebuild-cached", [start]).hint).toMatch(/once more/);
    expect(check(layersBuildCache, "rebuild-cached", [start, start])).toEqual({ done: true });
    expect(check(layersBuildCache, "rebuild-cached", [start, changed]).hint).toMatch(/COPY \. \. ran \(the copied files changed: src\/index\.js changed\)/);
  });

  it("wants the rebuild after a source change, where COPY . . misses first", () => {
    expect(check(layersBuildCache, "change-source", [start, start]).hint).toMatch(/Everything was CACHED/);
    expect(check(layersBuildCache, "change-source", [start, start, changed])).toEqual({ done: true });
    const dockerfileEdit = { ...start, dockerfile: start.dockerfile.replace("EXPOSE 3000", "EXPOSE 8080") };
    expect(check(layersBuildCache, "change-source", [start, dockerfileEdit]).hint).toMatch(/Dockerfile changed/);
  });
});

describe("Order a Dockerfile for fast rebuilds", () => {
  const start = dockerfileOrder.lab!;
  const ordered: LabState = { ...start, dockerfile: start.dockerfile.replace("COPY . .\nRUN npm ci --omit=dev\n", "COPY package.json package-lock.json ./\nRUN npm ci --omit=dev\nCOPY . .\n") };

  it("passes when npm ci stays CACHED after a source-only change, and says what is wrong otherwise", () => {
    expect(check(dockerfileOrder, "install-before-source", [ordered, editFile(ordered, "src/index.js", "v2")])).toEqual({ done: true });
    expect(check(dockerfileOrder, "install-before-source", [start, editFile(start, "src/index.js", "v2")]).hint).toMatch(/RUN npm ci ran again/);
    expect(check(dockerfileOrder, "install-before-source", [ordered, ordered]).hint).toMatch(/Now change src\/index\.js/);
    expect(check(dockerfileOrder, "install-before-source", [ordered]).hint).toMatch(/RUN npm ci ran again \(first build/);
  });

  it("passes when .dockerignore leaves node_modules and .git out", () => {
    expect(check(dockerfileOrder, "dockerignore", [start]).hint).toMatch(/add a \.dockerignore/);
    expect(check(dockerfileOrder, "dockerignore", [withFile(start, ".dockerignore", "node_modules\n")]).hint).toMatch(/still sent/);
    expect(check(dockerfileOrder, "dockerignore", [withFile(start, ".dockerignore", "node_modules\n.git\n")])).toEqual({ done: true });
  });

  it("passes with update, install and cleanup in one RUN on a Debian image", () => {
    const debian = (run: string): LabState => ({ ...ordered, dockerfile: ordered.dockerfile.replace("FROM node:18-alpine\n", `FROM node:18-bullseye-slim\n${run}`) });
    expect(check(dockerfileOrder, "apt-one-run", [debian("RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n")])).toEqual({ done: true });
    expect(check(dockerfileOrder, "apt-one-run", [debian("RUN apt-get update\nRUN apt-get install -y curl\n")]).hint).toMatch(/has a RUN of its own/);
    expect(check(dockerfileOrder, "apt-one-run", [debian("RUN apt-get update && apt-get install -y curl\n")]).hint).toMatch(/rm -rf \/var\/lib\/apt\/lists/);
    expect(check(dockerfileOrder, "apt-one-run", [{ ...ordered, dockerfile: ordered.dockerfile.replace("WORKDIR", "RUN apt-get update && apt-get install -y curl\nWORKDIR") }]).hint).toMatch(/apt-get: not found/);
    expect(check(dockerfileOrder, "apt-one-run", [ordered]).hint).toMatch(/Install curl/);
  });
});

describe("Multi-stage builds and image size", () => {
  const start = multiStageBuilds.lab!;
  const multi: LabState = {
    ...start,
    dockerfile: start.dockerfile.replace("FROM golang:1.19\n", "FROM golang:1.19 AS build\n").replace("EXPOSE 8080\nENTRYPOINT [\"/out/shop\"]\n", "\nFROM alpine:3.17\nCOPY --from=build /out/shop /shop\nEXPOSE 8080\nENTRYPOINT [\"/shop\"]\n"),
  };

  it("measures the single-stage image first", () => {
    expect(check(multiStageBuilds, "single-stage", [start])).toEqual({ done: true });
    expect(check(multiStageBuilds, "single-stage", [multi]).hint).toMatch(/single-stage/);
  });

  it("passes with a small final stage that copies the binary from the build stage", () => {
    expect(check(multiStageBuilds, "multi-stage", [start, multi])).toEqual({ done: true });
    expect(check(multiStageBuilds, "multi-stage", [start]).hint).toMatch(/no COPY --from/);
    const stillGolang = { ...multi, dockerfile: multi.dockerfile.replace("FROM alpine:3.17", "FROM golang:1.19") };
    expect(check(multiStageBuilds, "multi-stage", [stillGolang]).hint).toMatch(/still \d+\.\d MB/);
  });
});
