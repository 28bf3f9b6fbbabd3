// What a RUN instruction leaves behind in the lab: a layer size and a duration estimated from
// what the command does. The lab cannot run the command, so it reads the common ones
// (package managers, npm, pip, go) and uses a table of typical sizes; anything else gets a small
// layer and says so. Sizes are compressed bytes (what a push moves), estimated as about 40% of
// the installed size the package pages give (https://packages.debian.org/bookworm/<name>,
// https://pkgs.alpinelinux.org/package/v3.20/main/x86_64/<name>, https://www.npmjs.com/).

const MB = 1024 * 1024;
const KB = 1024;

/** Debian bookworm, with --no-install-recommends (recommends add about half again). */
const APT: Record<string, number> = {
  curl: 5.2 * MB, wget: 1.4 * MB, "ca-certificates": 0.6 * MB, git: 17.5 * MB, "build-essential": 82 * MB,
  python3: 11.8 * MB, openssl: 1.6 * MB, jq: 0.5 * MB, unzip: 0.2 * MB, vim: 12.4 * MB, tini: 0.3 * MB,
  "postgresql-client": 6.1 * MB, imagemagick: 29 * MB, ffmpeg: 94 * MB, gnupg: 4.5 * MB, procps: 0.9 * MB,
};
const APK: Record<string, number> = {
  curl: 1.4 * MB, wget: 0.2 * MB, "ca-certificates": 0.3 * MB, git: 5.6 * MB, "build-base": 71 * MB,
  python3: 15.2 * MB, openssl: 0.9 * MB, jq: 0.2 * MB, bash: 0.9 * MB, tini: 0.05 * MB, "postgresql-client": 2.4 * MB,
  imagemagick: 11 * MB, ffmpeg: 31 * MB, gnupg: 2.9 * MB,
};
/** `apt-get update` on bookworm: the package lists in /var/lib/apt/lists (about 19 MB on disk). */
const APT_LISTS = 8.6 * MB;
/** apk's index in /var/cache/apk when --no-cache is not given. */
const APK_INDEX = 2.4 * MB;
const NPM_PACKAGE = 1.6 * MB;
const PIP_PACKAGE = 4.8 * MB;

/** A file in a stage's filesystem; `content` is kept for the few files a RUN reads (package.json, requirements.txt). */
export type FsFile = { path: string; size: number; checksum: string; content?: string };

export type RunInput = {
  command: string;
  packages: "apt" | "apk" | "none";
  /** The stage's image has a Go toolchain (golang:*). */
  goToolchain: boolean;
  workdir: string;
  env: Record<string, string>;
  /** Files the build has put into this stage so far (COPY, earlier RUNs), by absolute path. */
  files: Map<string, FsFile>;
  /** Whether an earlier layer of this stage holds apt's package lists. */
  aptLists: boolean;
};

export type RunEffect =
  | { ok: true; size: number; seconds: number; files: FsFile[]; aptLists: boolean; notes: string[] }
  | { ok: false; error: string };

const resolve = (workdir: string, p: string) => {
  const abs = p.startsWith("/") ? p : `${workdir.replace(/\/$/, "")}/${p}`;
  const parts: string[] = [];
  for (const s of abs.split("/")) { if (s === "" || s === ".") continue; if (s === "..") parts.pop(); else parts.push(s); }
  return `/${parts.join("/")}`;
};

function packageJson(input: RunInput): { deps: number; devDeps: number } | null {
  const file = input.files.get(resolve(input.workdir, "package.json"));
  if (!file) return null;
  return { deps: countKeys(file, "dependencies"), devDeps: countKeys(file, "devDependencies") };
}

function countKeys(file: FsFile, key: string): number {
  try {
    const parsed: unknown = JSON.parse(file.content ?? "{}");
    const section = (parsed as Record<string, unknown>)?.[key];
    return section && typeof section === "object" ? Object.keys(section).length : 0;
  } catch { return 0; }
}

function underPrefix(files: Map<string, FsFile>, dir: string) {
  const prefix = dir.endsWith("/") ? dir : `${dir}/`;
  return [...files.values()].filter((f) => f.path.startsWith(prefix));
}

const words = (s: string) => s.trim().split(/\s+/).filter(Boolean);

export function runEffect(input: RunInput): RunEffect {
  // `sh -c` runs the parts joined by && or ; in order; the layer is what they leave together.
  const parts = input.command.split(/&&|;|\|\|/).map((p) => p.trim()).filter(Boolean);
  let size = 0;
  let seconds = 0.3;
  let listsHere = 0;
  let aptLists = input.aptLists;
  const files: FsFile[] = [];
  const notes: string[] = [];
  const env = input.env;
  for (const part of parts) {
    // `set -eux` and leading `NAME=value` assignments (CGO_ENABLED=0 go build) are not the command.
    const w = words(part.replace(/^set -\w+\s*/, ""));
    while (w.length > 1 && /^[A-Za-z_][A-Za-z0-9_]*=/.test(w[0])) w.shift();
    const [cmd, sub] = w;
    if (input.packages === "none") return { ok: false, error: `runc run failed: unable to start container process: exec: "/bin/sh": stat /bin/sh: no such file or directory (this image has no shell)` };
    if (cmd === "apt-get" || cmd === "apt") {
      if (input.packages !== "apt") return { ok: false, error: `/bin/sh: ${cmd}: not found (this is an Alpine image: use apk add)` };
      if (sub === "update") { listsHere = APT_LISTS; aptLists = true; seconds += 6; continue; }
      if (sub === "install") {
        const pkgs = w.slice(2).filter((a) => !a.startsWith("-"));
        if (!aptLists) return { ok: false, error: `E: Unable to locate package ${pkgs[0] ?? ""} (the image ships without package lists: run apt-get update first, in the same RUN)` };
        const recommends = w.includes("--no-install-recommends") ? 1 : 1.5;
        for (const p of pkgs) size += (APT[p] ?? 4 * MB) * recommends;
        seconds += 2 + pkgs.length * 1.5 + size / (12 * MB);
        continue;
      }
      seconds += 1;
      continue;
    }
    if (cmd === "rm" && /\/var\/lib\/apt\/lists/.test(part)) {
      // Deleting in the same RUN keeps the lists out of this layer; deleting in a later RUN
      // only hides them: the earlier layer still carries every byte.
      if (listsHere > 0) { listsHere = 0; aptLists = false; } else if (aptLists) notes.push("the package lists live in an earlier layer: deleting them here saves nothing");
      continue;
    }
    if (cmd === "apk") {
      if (input.packages !== "apk") return { ok: false, error: `/bin/sh: apk: not found (this is a Debian image: use apt-get)` };
      if (sub === "add") {
        const pkgs = w.slice(2).filter((a) => !a.startsWith("-"));
        for (const p of pkgs) size += APK[p] ?? 1.5 * MB;
        if (!w.includes("--no-cache")) size += APK_INDEX;
        seconds += 1.5 + pkgs.length * 0.5 + size / (12 * MB);
      }
      continue;
    }
    if (cmd === "npm" && (sub === "ci" || sub === "install" || sub === "i")) {
      const pkg = packageJson(input);
      if (!pkg) return { ok: false, error: `npm error code ENOENT: Could not read package.json in ${input.workdir} (COPY it in before running npm)` };
      if (sub === "ci" && !input.files.has(resolve(input.workdir, "package-lock.json"))) {
        return { ok: false, error: "npm error The `npm ci` command can only install with an existing package-lock.json (COPY it in with package.json)" };
      }
      const omitDev = w.includes("--omit=dev") || w.includes("--production") || env.NODE_ENV === "production";
      const count = pkg.deps + (omitDev ? 0 : pkg.devDeps);
      const modules = Math.max(count * NPM_PACKAGE, 4 * KB);
      size += modules * 1.25; // the npm cache in /root/.npm rides along unless cleaned
      seconds += 3 + count * 1.1;
      files.push({ path: resolve(input.workdir, "node_modules"), size: modules, checksum: `npm:${count}` });
      continue;
    }
    if (cmd === "npm" && sub === "run" && w[2] === "build") {
      if (!packageJson(input)) return { ok: false, error: `npm error code ENOENT: Could not read package.json in ${input.workdir}` };
      if (!input.files.has(resolve(input.workdir, "node_modules"))) return { ok: false, error: "sh: tsc: not found (run npm ci before npm run build)" };
      const sources = underPrefix(input.files, resolve(input.workdir, "src"));
      if (sources.length === 0) return { ok: false, error: `error TS18003: No inputs were found (no ${resolve(input.workdir, "src")}/ in this stage: COPY the source first)` };
      const out = Math.max(1 * KB, Math.round(sources.reduce((n, f) => n + f.size, 0) * 0.6));
      size += out;
      seconds += 4 + sources.length * 0.2;
      files.push({ path: resolve(input.workdir, "dist/index.js"), size: out, checksum: `build:${sources.map((s) => s.checksum).join(",")}` });
      continue;
    }
    if ((cmd === "pip" || cmd === "pip3") && sub === "install") {
      const rIndex = w.indexOf("-r");
      let count = w.slice(2).filter((a) => !a.startsWith("-")).length;
      if (rIndex >= 0) {
        const req = input.files.get(resolve(input.workdir, w[rIndex + 1] ?? ""));
        if (!req) return { ok: false, error: `ERROR: Could not open requirements file: [Errno 2] No such file or directory: '${w[rIndex + 1] ?? ""}'` };
        count = (req.content ?? "").split("\n").filter((l) => l.trim() && !l.trim().startsWith("#")).length;
      }
      size += count * PIP_PACKAGE * (w.includes("--no-cache-dir") ? 1 : 1.4);
      seconds += 2 + count * 1.6;
      continue;
    }
    if (cmd === "go" && (sub === "build" || sub === "mod")) {
      if (!input.goToolchain) return { ok: false, error: "/bin/sh: go: not found (build in a golang stage)" };
      if (sub === "mod") { size += 22 * MB; seconds += 9; continue; }
      const sources = [...input.files.values()].filter((f) => f.path.endsWith(".go"));
      if (sources.length === 0) return { ok: false, error: "no Go files in the stage: COPY the source first" };
      const oIndex = w.indexOf("-o");
      const out = resolve(input.workdir, oIndex >= 0 ? w[oIndex + 1] ?? "app" : "app");
      const binary = Math.round(7.5 * MB + sources.reduce((n, f) => n + f.size, 0) * 2);
      size += binary + 86 * MB; // the compiler's build cache (/root/.cache/go-build) stays in the layer
      seconds += 18 + sources.length * 0.5;
      files.push({ path: out, size: binary, checksum: `go:${sources.map((s) => s.checksum).join(",")}` });
      continue;
    }
    if (cmd === "sleep") { seconds += Number(sub) || 0; continue; }
    if (["mkdir", "chown", "chmod", "echo", "ln", "touch", "useradd", "adduser", "addgroup", "groupadd", "true", "cp", "mv", "rm"].includes(cmd ?? "")) { size += 4 * KB; seconds += 0.1; continue; }
    size += 16 * KB;
    seconds += 1;
    notes.push(`the lab does not know \`${cmd}\`: its layer size is a guess`);
  }
  return { ok: true, size: Math.round(size + listsHere), seconds: Math.round(seconds * 10) / 10, files, aptLists, notes };
}
