import type { BuildResult, BuildStep } from "../../lab/build-types";
import { imageSize } from "../../lab/build";
import type { CheckResult, LabRun } from "../types";

// What the image lab lessons check, on builds the server replayed.

export const last = (run: LabRun): BuildResult | undefined => run.builds[run.builds.length - 1];
export const fsSteps = (b: BuildResult): BuildStep[] => b.steps.filter((s) => s.keyword !== "FROM");
const isInstall = (s: BuildStep) => s.keyword === "RUN" && /\bnpm (ci|install|i)\b/.test(s.text);
export const MB = 1024 * 1024;

/** The last build must have worked; otherwise its error is the hint. */
export function lastOk(run: LabRun): { ok: true; build: BuildResult } | { ok: false; result: CheckResult } {
  const b = last(run);
  if (!b) return { ok: false, result: { done: false, hint: "Press Build in the lab first." } };
  if (!b.ok) return { ok: false, result: { done: false, hint: `Your last build failed: ${b.diagnostics[0]?.message ?? "see the log"}. Fix it and build again.` } };
  return { ok: true, build: b };
}

export function builtOnce(run: LabRun): CheckResult {
  const r = lastOk(run);
  return r.ok ? { done: true } : r.result;
}

export function fullyCachedRebuild(run: LabRun): CheckResult {
  const r = lastOk(run);
  if (!r.ok) return r.result;
  if (run.builds.length < 2) return { done: false, hint: "Build once more without changing anything." };
  const ran = fsSteps(r.build).filter((s) => s.status !== "cached");
  if (ran.length > 0) return { done: false, hint: `In your last build ${ran[0].keyword} ${ran[0].text} ran (${ran[0].why}). Build again without editing anything in between.` };
  return { done: true };
}

/** The last build reran a COPY because a file under src/ changed, and the install after it ran too. */
export function sourceChangeRebuild(run: LabRun): CheckResult {
  const r = lastOk(run);
  if (!r.ok) return r.result;
  const firstMiss = fsSteps(r.build).find((s) => s.status === "built");
  if (!firstMiss) return { done: false, hint: "Everything was CACHED: change src/index.js (open it in the build context), then build again." };
  if (firstMiss.keyword !== "COPY" || !/src\/\S+ changed/.test(firstMiss.why)) {
    return { done: false, hint: `The first step that ran was ${firstMiss.keyword} ${firstMiss.text} (${firstMiss.why}). Change only a file under src/ this time, then build.` };
  }
  return { done: true };
}

/** npm's install was CACHED although a source file changed and was copied again afterwards. */
export function installSurvivesSourceChange(run: LabRun): CheckResult {
  const r = lastOk(run);
  if (!r.ok) return r.result;
  const steps = fsSteps(r.build);
  const install = steps.find(isInstall);
  if (!install) return { done: false, hint: "Keep a RUN npm ci in the Dockerfile: it is the slow step to protect." };
  const sourceCopy = steps.find((s) => s.keyword === "COPY" && s.status === "built" && /src\/\S+ changed/.test(s.why));
  if (install.status !== "cached") {
    return { done: false, hint: `RUN npm ci ran again (${install.why}). Copy package.json and package-lock.json first, install, then COPY . . — and rebuild after changing only src/index.js.` };
  }
  if (!sourceCopy || steps.indexOf(sourceCopy) < steps.indexOf(install)) {
    return { done: false, hint: "Now change src/index.js and build again: the install should stay CACHED while the source is copied again." };
  }
  return { done: true };
}

export function contextKeepsOut(run: LabRun, paths: RegExp[], maxCopy: number): CheckResult {
  const r = lastOk(run);
  if (!r.ok) return r.result;
  const missing = paths.filter((p) => !r.build.context.ignored.some((i) => p.test(i)));
  if (missing.length > 0) return { done: false, hint: "node_modules and .git are still sent with the context: add a .dockerignore file to the build context with a line for each." };
  const copy = fsSteps(r.build).find((s) => s.keyword === "COPY" && s.text.startsWith(". "));
  if (copy && copy.size > maxCopy) return { done: false, hint: `COPY . . still copies ${(copy.size / MB).toFixed(1)} MB.` };
  return { done: true };
}

/** apt-get update and install in one RUN that also removes the lists, and no update on its own. */
export function aptInOneRun(run: LabRun): CheckResult {
  const r = lastOk(run);
  if (!r.ok) return r.result;
  const runs = fsSteps(r.build).filter((s) => s.keyword === "RUN");
  const lonely = runs.find((s) => /apt-get update/.test(s.text) && !/apt-get install/.test(s.text));
  if (lonely) return { done: false, hint: "apt-get update has a RUN of its own: its layer can stay CACHED for months while install fetches from stale lists. Put update && install in the same RUN." };
  const combined = runs.find((s) => /apt-get update/.test(s.text) && /apt-get install/.test(s.text) && /\bcurl\b/.test(s.text));
  if (!combined) return { done: false, hint: "Install curl with apt-get in a RUN that starts with apt-get update &&, on a Debian-based image such as node:18-bullseye-slim." };
  if (!/rm -rf \/var\/lib\/apt\/lists/.test(combined.text)) return { done: false, hint: "End the same RUN with && rm -rf /var/lib/apt/lists/* so the package lists never reach the layer." };
  return { done: true };
}

export function imageAtLeast(run: LabRun, bytes: number): CheckResult {
  const r = lastOk(run);
  if (!r.ok) return r.result;
  const size = imageSize(r.build.image!);
  return size >= bytes ? { done: true } : { done: false, hint: `This image is ${(size / MB).toFixed(1)} MB: build the single-stage Dockerfile the lesson starts with.` };
}

export function slimMultiStage(run: LabRun, maxBytes: number): CheckResult {
  const r = lastOk(run);
  if (!r.ok) return r.result;
  const image = r.build.image!;
  const fromStage = image.layers.some((l) => /^COPY --from=/.test(l.createdBy));
  if (!fromStage) return { done: false, hint: "The final stage has no COPY --from=…: name the first stage (FROM golang:1.19 AS build) and copy only the binary out of it." };
  const size = imageSize(image);
  if (size > maxBytes) return { done: false, hint: `The final image is still ${(size / MB).toFixed(1)} MB: start the last stage from a small base (alpine:3.17 or scratch), not from golang.` };
  return { done: true };
}
