import { baseDigest, baseImage, baseLayers, BASE_IMAGE_REFS } from "./base-images";
import type { BuildCache, BuildResult, BuildStep, CacheEntry, LabFile, LabState } from "./build-types";
import { parseDockerfile, type DockerfileDiagnostic, type DockerInstruction } from "./dockerfile";
import { cleanPath, isIgnored, matchesGlob, parseDockerignore } from "./dockerignore";
import type { BuiltImage, ImageLayer } from "./image";
import { runEffect, type FsFile } from "./run-effects";
import { digestOf, sha256Hex } from "./sha256";

// The simulated `docker build` (BuildKit). Each filesystem step has a cache key that chains its
// parent's key with what the step is, so the documented rules fall out of the keys:
// - a step is reused only when the same instruction ran after the same steps before it
//   (https://docs.docker.com/build/cache/invalidation/#general-rules), so every step after a
//   miss runs again (https://docs.docker.com/build/cache/);
// - RUN is matched by its command text and its environment (ENV, ARG, USER, WORKDIR), never by
//   what it fetches (invalidation/#run-instructions); a changed ARG value misses at its first
//   use (https://docs.docker.com/reference/dockerfile/#impact-on-build-caching);
// - COPY and ADD add the checksums of the files they copy: content and metadata, not mtime;
// - metadata instructions (ENV, LABEL, EXPOSE, CMD, ENTRYPOINT, USER, ARG…) are not build steps:
//   they change the image config, and affect later RUNs through their environment;
// - with several stages only those the target needs are built
//   (https://docs.docker.com/build/building/multi-stage/#differences-between-legacy-builder-and-buildkit).

const PULL_BYTES_PER_SECOND = 40 * 1024 * 1024;
const COPY_BYTES_PER_SECOND = 200 * 1024 * 1024;
const CONTEXT_BYTES_PER_SECOND = 100 * 1024 * 1024;
/** Directories every base image has: WORKDIR into one of them adds no layer. */
const EXISTING_DIRS = ["/", "/bin", "/etc", "/home", "/root", "/tmp", "/usr", "/usr/local", "/usr/local/bin", "/var", "/opt", "/srv"];
const CACHE_LIMIT = 400;

type Config = BuiltImage["config"];
type StageState = {
  key: string;
  layers: ImageLayer[];
  files: Map<string, FsFile>;
  dirs: Set<string>;
  env: Map<string, string>;
  args: Map<string, string>;
  config: Config;
  aptLists: boolean;
  packages: "apt" | "apk" | "none";
  goToolchain: boolean;
  user?: string;
  shell: string[];
};
type Stage = { index: number; name?: string; label: string; from: DockerInstruction; body: DockerInstruction[] };

export const emptyCache = (): BuildCache => ({ entries: {}, children: {}, pulled: [] });

const fileChecksum = (f: LabFile) => sha256Hex(`${f.size}\n${f.content}`);

function absolute(workdir: string, p: string): string {
  return `/${cleanPath(p.startsWith("/") ? p : `${workdir}/${p}`)}`;
}

/** `$NAME`, `${NAME}`, `${NAME:-default}`, `${NAME:+alt}` as the Dockerfile expands them. */
function expand(text: string, vars: Map<string, string>): string {
  return text.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?::([-+])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (_, braced, op, word, bare) => {
    const v = vars.get(braced ?? bare);
    if (op === "-") return v ? v : word;
    if (op === "+") return v ? word : "";
    return v ?? "";
  });
}

function pairs(args: string[], legacyText: string): [string, string][] {
  // `ENV A=1 B=2`, or the legacy `ENV A 1` (one variable, the rest of the line its value).
  if (args.length > 0 && !args[0].includes("=")) return [[args[0], legacyText.slice(args[0].length).trim()]];
  return args.map((a) => {
    const i = a.indexOf("=");
    return [a.slice(0, i), a.slice(i + 1).replace(/^"(.*)"$/, "$1")];
  });
}

function splitStages(instructions: DockerInstruction[]): { globals: DockerInstruction[]; stages: Stage[] } {
  const globals: DockerInstruction[] = [];
  const stages: Stage[] = [];
  for (const i of instructions) {
    if (i.keyword === "FROM") {
      const name = i.args[1]?.toUpperCase() === "AS" ? i.args[2]?.toLowerCase() : undefined;
      stages.push({ index: stages.length, name, label: name ?? `stage-${stages.length}`, from: i, body: [] });
    } else if (stages.length === 0) globals.push(i);
    else stages[stages.length - 1].body.push(i);
  }
  return { globals, stages };
}

function stageRef(stages: Stage[], ref: string, before: number): Stage | undefined {
  const byName = stages.find((s) => s.name === ref.toLowerCase() && s.index < before);
  if (byName) return byName;
  return /^\d+$/.test(ref) && Number(ref) < before ? stages[Number(ref)] : undefined;
}

/** The stages the last one needs (FROM <stage>, COPY --from=<stage>), transitively. */
function neededStages(stages: Stage[], globalsVars: Map<string, string>): Set<number> {
  const needed = new Set<number>();
  const visit = (s: Stage) => {
    if (needed.has(s.index)) return;
    needed.add(s.index);
    const base = stageRef(stages, expand(s.from.args[0], globalsVars), s.index);
    if (base) visit(base);
    for (const i of s.body) {
      const from = i.flags.from;
      const dep = from !== undefined ? stageRef(stages, from, s.index) : undefined;
      if (dep) visit(dep);
    }
  };
  visit(stages[stages.length - 1]);
  return needed;
}

function describeInputsChange(before: string[], now: string[]): string {
  const map = (xs: string[]) => new Map(xs.map((x) => { const i = x.indexOf("="); return [x.slice(0, i), x.slice(i + 1)] as const; }));
  const a = map(before);
  const b = map(now);
  const changed: string[] = [];
  const files: string[] = [];
  for (const [k, v] of b) {
    const old = a.get(k);
    if (old === v) continue;
    const [kind, name] = [k.slice(0, k.indexOf(":")), k.slice(k.indexOf(":") + 1)];
    if (kind === "file") files.push(old === undefined ? `${name} added` : `${name} changed`);
    else if (kind === "arg") changed.push(`build argument ${name} is now "${v}"${old === undefined ? "" : ` (was "${old}")`}`);
    else if (kind === "env") changed.push(`ENV ${name} is now "${v}"${old === undefined ? "" : ` (was "${old}")`}`);
    else changed.push(`${kind} is now ${v || "(none)"}`);
  }
  for (const k of a.keys()) if (!b.has(k)) {
    const name = k.slice(k.indexOf(":") + 1);
    if (k.startsWith("file:")) files.push(`${name} removed`);
    else changed.push(`${name} no longer set`);
  }
  const fileText = files.length > 3 ? `${files.slice(0, 3).join(", ")} and ${files.length - 3} more` : files.join(", ");
  const parts = [...(fileText ? [`the copied files changed: ${fileText}`] : []), ...changed];
  return parts.length > 0 ? parts.join("; ") : "its inputs changed";
}

function missReason(cache: BuildCache, cold: boolean, parent: string, op: string, inputs: string[], parentStep: BuildStep | undefined): string {
  if (cold) return "first build: the build cache is empty";
  if (parentStep?.keyword === "FROM" && parentStep.status === "built") return `nothing in the cache was built on ${parentStep.text} yet: this builder has just pulled it`;
  if (parentStep && parentStep.keyword !== "FROM" && parentStep.status === "built") {
    return `the step before it ran again ([${parentStep.stage ? `${parentStep.stage} ` : ""}${parentStep.position}/${parentStep.total}] ${parentStep.keyword} ${parentStep.text}): every step after a miss runs again`;
  }
  const siblings = (cache.children[parent] ?? []).map((k) => cache.entries[k]).filter((e): e is CacheEntry => e !== undefined);
  const same = [...siblings].reverse().find((e) => e.op === op);
  if (same) return describeInputsChange(same.inputs, inputs);
  if (siblings.length > 0) return `the instruction changed: the cache has "${siblings[siblings.length - 1].op}" after the same steps, not "${op}"`;
  return "no earlier build ran this instruction after the same steps";
}

function hitReason(keyword: string, inputs: string[]): string {
  const files = inputs.filter((i) => i.startsWith("file:")).length;
  if (keyword === "COPY" || keyword === "ADD") return `same instruction after the same steps, and the ${files} copied file${files === 1 ? "" : "s"} have the same checksums`;
  if (keyword === "RUN") return "same command text and environment after the same steps (RUN is matched by its text, not by what it fetches)";
  return "same instruction after the same steps";
}

/**
 * What `docker build .` sends: the context's files and the Dockerfile, less what .dockerignore
 * leaves out (`ignored`, as the learner wrote the paths).
 */
export function buildContext(state: LabState): { all: LabFile[]; context: LabFile[]; ignored: string[] } {
  const ignoreFile = state.files.find((f) => f.path === ".dockerignore");
  const rules = parseDockerignore(ignoreFile?.content ?? "");
  // The Dockerfile is part of the context too (COPY . . copies it): https://docs.docker.com/build/concepts/context/#dockerignore-files
  const all: LabFile[] = [...state.files.filter((f) => f.path !== "Dockerfile"), { path: "Dockerfile", size: new TextEncoder().encode(state.dockerfile).length, content: state.dockerfile }];
  const context = all.filter((f) => !isIgnored(rules, f.path)).map((f) => ({ ...f, path: cleanPath(f.path) }));
  const ignored = all.filter((f) => isIgnored(rules, f.path)).map((f) => f.path);
  return { all, context, ignored };
}

export function build(state: LabState, previous: BuildCache, opts: { name: string; builtAt: string }): BuildResult {
  const cold = Object.keys(previous.entries).length === 0;
  const cache: BuildCache = { entries: { ...previous.entries }, children: { ...previous.children }, pulled: [...previous.pulled] };
  const parsed = parseDockerfile(state.dockerfile);
  const diagnostics: DockerfileDiagnostic[] = [...parsed.diagnostics];
  const { all, context, ignored } = buildContext(state);
  const contextInfo = { files: context.length, size: context.reduce((n, f) => n + f.size, 0), ignored };
  const dockerfileSize = all[all.length - 1].size;
  // A failed build keeps what it cached before the failure, as BuildKit does.
  const fail = (steps: BuildStep[] = [], skippedStages: string[] = []): BuildResult => ({ ok: false, diagnostics, steps, skippedStages, cache, seconds: 0, context: contextInfo, dockerfileSize });
  if (diagnostics.length > 0) return fail();

  const { globals, stages } = splitStages(parsed.instructions);
  const globalVars = new Map<string, string>();
  for (const g of globals) for (const [k, v] of pairs(g.args, g.text)) globalVars.set(k, state.buildArgs?.[k] ?? v);
  const needed = neededStages(stages, globalVars);
  const skippedStages = stages.filter((s) => !needed.has(s.index)).map((s) => s.label);
  const multi = needed.size > 1 || stages.length > 1;

  // BuildKit's log opens with four internal vertices (definition, metadata, .dockerignore, context).
  let vertex = 4;
  let seconds = 0.3 + contextInfo.size / CONTEXT_BYTES_PER_SECOND;
  const steps: BuildStep[] = [];
  const done = new Map<number, StageState>();

  for (const stage of stages) {
    if (!needed.has(stage.index)) continue;
    const label = multi ? stage.label : "";
    const fsSteps = 1 + stage.body.filter((i) => ["RUN", "COPY", "ADD", "WORKDIR"].includes(i.keyword)).length;
    let position = 1;
    const fromRef = expand(stage.from.args[0], globalVars);
    const parentStage = stageRef(stages, fromRef, stage.index);
    let s: StageState;
    const fromStep = (status: BuildStep["status"], why: string, secs: number): BuildStep => ({
      vertex: ++vertex, stage: label, position: 1, total: fsSteps, keyword: "FROM", text: fromRef, line: stage.from.range.line,
      status, why, seconds: secs, size: 0, layer: false, notes: [],
    });
    if (parentStage) {
      const p = done.get(parentStage.index)!;
      s = { ...p, files: new Map(p.files), dirs: new Set(p.dirs), env: new Map(p.env), args: new Map(), config: { ...p.config, env: [...p.config.env], exposedPorts: [...p.config.exposedPorts], labels: { ...p.config.labels } }, layers: [...p.layers] };
      steps.push(fromStep("cached", `starts from stage "${parentStage.label}", already built above`, 0));
    } else if (fromRef === "scratch") {
      s = { key: sha256Hex("FROM scratch"), layers: [], files: new Map(), dirs: new Set(["/"]), env: new Map(), args: new Map(), config: { env: [], exposedPorts: [], labels: {} }, aptLists: false, packages: "none", goToolchain: false, shell: ["/bin/sh", "-c"] };
      position = 0;
    } else {
      const [name, digest] = fromRef.split("@");
      const base = baseImage(name);
      if (!base || (digest && digest !== baseDigest(base) && digest !== base.manifestDigest)) {
        diagnostics.push({ range: stage.from.range, message: base
          ? `${fromRef}: manifest unknown (the lab's ${name} is ${baseDigest(base)})`
          : `${fromRef}: not in the lab's catalogue of base images (${BASE_IMAGE_REFS.join(", ")}, or scratch)` });
        return fail(steps, skippedStages);
      }
      const layers = baseLayers(base);
      const size = layers.reduce((n, l) => n + l.size, 0);
      const pulled = cache.pulled.includes(base.canonical);
      const secs = pulled ? 0 : Math.round((0.5 + size / PULL_BYTES_PER_SECOND) * 10) / 10;
      if (!pulled) cache.pulled.push(base.canonical);
      seconds += secs;
      steps.push(fromStep(pulled ? "cached" : "built", pulled
        ? "the base image is already on this builder"
        : `pulled ${layers.length} layer${layers.length === 1 ? "" : "s"} (${(size / 1024 / 1024).toFixed(1)} MB): the first build on this builder that uses ${base.ref}`, secs));
      const env = new Map(base.config.env.map((e) => [e.slice(0, e.indexOf("=")), e.slice(e.indexOf("=") + 1)] as [string, string]));
      s = {
        key: sha256Hex(`FROM ${base.canonical}@${baseDigest(base)}`), layers, files: new Map(), dirs: new Set([...EXISTING_DIRS, ...(base.config.workingDir ? [base.config.workingDir] : [])]),
        env, args: new Map(), config: { env: [...base.config.env], exposedPorts: [], labels: {}, ...(base.config.cmd ? { cmd: base.config.cmd } : {}), ...(base.config.entrypoint ? { entrypoint: base.config.entrypoint } : {}), ...(base.config.workingDir ? { workingDir: base.config.workingDir } : {}), ...(base.config.user ? { user: base.config.user } : {}) },
        aptLists: false, packages: base.packages, goToolchain: base.ref.startsWith("golang:"), shell: ["/bin/sh", "-c"],
      };
    }
    const vars = () => new Map([...s.args, ...s.env]);
    const workdir = () => s.config.workingDir ?? "/";
    let entrypointSet = false;

    for (const i of stage.body) {
      const text = i.text;
      switch (i.keyword) {
        case "ARG": {
          for (const [k, v] of pairs(i.args, text)) {
            const value = state.buildArgs?.[k] ?? (i.args.some((a) => a.includes("=")) ? v : globalVars.get(k) ?? "");
            s.args.set(k, value);
          }
          continue;
        }
        case "ENV": {
          for (const [k, v] of pairs(i.args, text)) {
            const value = expand(v, vars());
            s.env.set(k, value);
            s.config.env = [...s.config.env.filter((e) => !e.startsWith(`${k}=`)), `${k}=${value}`];
          }
          continue;
        }
        case "LABEL": {
          for (const [k, v] of pairs(i.args, text)) s.config.labels[k.replace(/^"(.*)"$/, "$1")] = expand(v, vars());
          continue;
        }
        case "EXPOSE": {
          for (const p of i.args.map((a) => expand(a, vars()))) {
            const port = p.includes("/") ? p : `${p}/tcp`;
            if (!s.config.exposedPorts.includes(port)) s.config.exposedPorts.push(port);
          }
          continue;
        }
        case "CMD": s.config.cmd = i.json ? i.args : [...s.shell, text]; continue;
        case "ENTRYPOINT": {
          s.config.entrypoint = i.json ? i.args : [...s.shell, text];
          // Setting ENTRYPOINT resets a CMD inherited from the base: https://docs.docker.com/reference/dockerfile/#entrypoint
          if (!entrypointSet && !stage.body.slice(0, stage.body.indexOf(i)).some((x) => x.keyword === "CMD")) delete s.config.cmd;
          entrypointSet = true;
          continue;
        }
        case "USER": s.config.user = expand(i.args[0], vars()); s.user = s.config.user; continue;
        case "SHELL": if (i.json) s.shell = i.args; continue;
        case "HEALTHCHECK": case "STOPSIGNAL": case "VOLUME": case "MAINTAINER": case "ONBUILD": continue;
      }

      // A filesystem step: WORKDIR, COPY, ADD, RUN.
      position++;
      const parentStep = steps[steps.length - 1]?.stage === label ? steps[steps.length - 1] : undefined;
      const op = `${i.keyword} ${[...Object.entries(i.flags).map(([k, v]) => `--${k}=${v}`), text].join(" ")}`;
      let inputs: string[] = [];
      let effect: { size: number; seconds: number; files: FsFile[]; aptLists: boolean; notes: string[]; layer: boolean; dir?: string } | { error: string };

      if (i.keyword === "WORKDIR") {
        const dir = absolute(workdir(), expand(i.args[0], vars()));
        // BuildKit makes the directory when it is missing: a layer of a few bytes; an existing one adds none
        // (https://github.com/docker/buildx/issues/1910, https://github.com/aquasecurity/trivy/pull/3087).
        const exists = s.dirs.has(dir) || [...s.files.keys()].some((f) => f.startsWith(`${dir}/`));
        inputs = [`workdir:=${dir}`];
        effect = { size: exists ? 0 : 93, seconds: 0.1, files: [], aptLists: s.aptLists, notes: [], layer: !exists, dir };
      } else if (i.keyword === "COPY" || i.keyword === "ADD") {
        const [srcs, dest] = [i.args.slice(0, -1).map((a) => expand(a, vars())), expand(i.args[i.args.length - 1], vars())];
        const fromName = i.flags.from;
        const fromStage = fromName !== undefined ? stageRef(stages, fromName, stage.index) : undefined;
        if (fromName !== undefined && !fromStage) {
          effect = { error: `COPY --from=${fromName}: no earlier build stage is called "${fromName}" (the lab copies only from stages)` };
        } else {
          const source: { path: string; size: number; checksum: string; content?: string }[] = fromStage
            ? [...done.get(fromStage.index)!.files.values()].map((f) => ({ ...f, path: f.path.slice(1) }))
            : context.map((f) => ({ path: f.path, size: f.size, checksum: fileChecksum(f), content: f.content }));
          const picked: { rel: string; file: (typeof source)[number] }[] = [];
          let missing: string | undefined;
          const destDir = dest.endsWith("/") || srcs.length > 1;
          for (const raw of srcs) {
            if (/^https?:\/\//.test(raw)) { missing = raw; break; }
            const src = cleanPath(fromStage ? raw.replace(/^\//, "") : raw);
            const direct = source.find((f) => f.path === src);
            const under = source.filter((f) => src === "" || f.path.startsWith(`${src}/`));
            const globbed = /[*?[]/.test(src) ? source.filter((f) => matchesGlob(src, f.path)) : [];
            if (direct) picked.push({ rel: destDir || srcs.length > 1 ? direct.path.split("/").pop()! : "", file: direct });
            else if (under.length > 0) for (const f of under) picked.push({ rel: src === "" ? f.path : f.path.slice(src.length + 1), file: f });
            else if (globbed.length > 0) for (const f of globbed) picked.push({ rel: f.path.split("/").pop()!, file: f });
            else missing = raw;
          }
          if (missing !== undefined && /^https?:\/\//.test(missing)) {
            effect = { error: `${i.keyword} ${missing}: the lab builds offline and cannot fetch URLs; put the file in the build context and COPY it` };
          } else if (missing !== undefined) {
            effect = { error: `failed to compute cache key: failed to calculate checksum of ref: "/${cleanPath(missing)}": not found${fromStage ? ` in stage "${fromStage.label}"` : ignored.some((p) => p === cleanPath(missing!) || p.startsWith(`${cleanPath(missing!)}/`)) ? " (.dockerignore leaves it out of the context)" : ""}` };
          } else {
            const target = absolute(workdir(), dest);
            const isDir = destDir || picked.some((p) => p.rel !== "") || picked.length > 1;
            const files = picked.map((p) => ({ path: isDir ? absolute(target, p.rel || p.file.path.split("/").pop()!) : target, size: p.file.size, checksum: p.file.checksum, ...(p.file.content !== undefined ? { content: p.file.content } : {}) }));
            inputs = [...picked.map((p) => `file:${p.file.path}=${p.file.checksum}`).sort(), `dest:=${target}`];
            const size = files.reduce((n, f) => n + f.size, 0);
            effect = { size, seconds: Math.round((0.1 + size / COPY_BYTES_PER_SECOND) * 10) / 10, files, aptLists: s.aptLists, notes: [], layer: true };
          }
        }
      } else {
        const env = vars();
        inputs = [
          ...[...s.args].map(([k, v]) => `arg:${k}=${v}`),
          ...[...s.env].filter(([k]) => !s.args.has(k)).map(([k, v]) => `env:${k}=${v}`),
          `user:=${s.user ?? ""}`, `workdir:=${workdir()}`, `shell:=${s.shell.join(" ")}`,
        ];
        const r = runEffect({ command: text, packages: s.packages, goToolchain: s.goToolchain, workdir: workdir(), env: Object.fromEntries(env), files: s.files, aptLists: s.aptLists });
        effect = r.ok ? { size: r.size, seconds: r.seconds, files: r.files, aptLists: r.aptLists, notes: r.notes, layer: true } : { error: r.error };
      }

      const key = sha256Hex([s.key, op, ...inputs].join("\n"));
      const hit = cache.entries[key];
      const base = { vertex: ++vertex, stage: label, position, total: fsSteps, keyword: i.keyword, text: [...Object.entries(i.flags).map(([k, v]) => `--${k}=${v}`), text].join(" "), line: i.range.line };
      if ("error" in effect) {
        steps.push({ ...base, status: "failed", why: "the step failed", error: effect.error, seconds: 0.2, size: 0, layer: false, notes: [] });
        diagnostics.push({ range: i.range, message: effect.error });
        return fail(steps, skippedStages);
      }
      const result = hit
        ? { status: "cached" as const, why: hitReason(i.keyword, inputs), seconds: 0, size: hit.size, files: hit.files, aptLists: hit.aptLists, notes: hit.notes }
        : { status: "built" as const, why: missReason(cache, cold, s.key, op, inputs, parentStep), seconds: effect.seconds, size: effect.size, files: effect.files, aptLists: effect.aptLists, notes: effect.notes };
      if (!hit) {
        cache.entries[key] = { parent: s.key, op, inputs, size: effect.size, seconds: effect.seconds, files: effect.files, aptLists: effect.aptLists, notes: effect.notes };
        cache.children[s.key] = [...(cache.children[s.key] ?? []).filter((k) => k !== key), key];
      }
      seconds += result.seconds;
      steps.push({ ...base, status: result.status, why: result.why, seconds: result.seconds, size: result.size, layer: effect.layer, notes: result.notes });
      s.key = key;
      for (const f of result.files) s.files.set(f.path, f);
      s.aptLists = result.aptLists;
      if ("dir" in effect && effect.dir) { s.dirs.add(effect.dir); s.config.workingDir = effect.dir; }
      if (effect.layer) s.layers.push({ digest: digestOf(`layer:${key}`), size: result.size, createdBy: `${i.keyword} ${base.text} # buildkit` });
    }
    done.set(stage.index, s);
  }

  const final = done.get(stages[stages.length - 1].index)!;
  const config = { ...final.config };
  const image: BuiltImage = {
    name: opts.name,
    layers: final.layers,
    config,
    digest: digestOf(JSON.stringify({ layers: final.layers.map((l) => l.digest), config })),
    builtAt: opts.builtAt,
  };
  return { ok: true, diagnostics, steps, skippedStages, image, cache: prune(cache), seconds: Math.round(seconds * 10) / 10, context: contextInfo, dockerfileSize };
}

/** Oldest entries go first once the cache is full, as BuildKit's garbage collection keeps the recent ones. */
function prune(cache: BuildCache): BuildCache {
  const keys = Object.keys(cache.entries);
  if (keys.length <= CACHE_LIMIT) return cache;
  const drop = new Set(keys.slice(0, keys.length - CACHE_LIMIT));
  const entries = Object.fromEntries(Object.entries(cache.entries).filter(([k]) => !drop.has(k)));
  const children = Object.fromEntries(Object.entries(cache.children).map(([p, ks]) => [p, ks.filter((k) => !drop.has(k))]));
  return { entries, children, pulled: cache.pulled };
}

/** Image size as `docker images` reports it for a pull: the sum of its compressed layers. */
export const imageSize = (image: BuiltImage) => image.layers.reduce((n, l) => n + l.size, 0);
