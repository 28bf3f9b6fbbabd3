import type { BuildResult, BuildStep } from "./build-types";

// The build as `docker build` (BuildKit, --progress=plain) prints it: numbered vertices, the
// internal ones first, `CACHED` for a reused step, `DONE <seconds>` for one that ran.

const bytes = (n: number) => (n < 1024 ? `${n}B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)}kB` : `${(n / 1024 / 1024).toFixed(1)}MB`);

export type LogLine = { text: string; status?: BuildStep["status"]; line?: number };

const stepTitle = (s: BuildStep) => `[${s.stage ? `${s.stage} ` : ""}${s.position}/${s.total}] ${s.keyword} ${s.text}`;

export function buildLog(result: BuildResult, name: string): LogLine[] {
  const out: LogLine[] = [
    { text: "#0 building with \"default\" instance using docker driver" },
    { text: "" },
    { text: "#1 [internal] load build definition from Dockerfile" },
    { text: `#1 transferring dockerfile: ${bytes(result.dockerfileSize)} done` },
    { text: "#1 DONE 0.0s" },
    { text: "" },
    { text: "#2 [internal] load metadata" },
    { text: "#2 DONE 0.3s" },
    { text: "" },
    { text: "#3 [internal] load .dockerignore" },
    { text: "#3 DONE 0.0s" },
    { text: "" },
    { text: "#4 [internal] load build context" },
    { text: `#4 transferring context: ${bytes(result.context.size)} (${result.context.files} files${result.context.ignored.length ? `, ${result.context.ignored.length} left out by .dockerignore` : ""}) done` },
    { text: "#4 DONE 0.1s" },
  ];
  for (const s of result.steps) {
    out.push({ text: "" }, { text: `#${s.vertex} ${stepTitle(s)}`, status: s.status, line: s.line });
    if (s.status === "cached") out.push({ text: `#${s.vertex} CACHED`, status: "cached", line: s.line });
    else if (s.status === "built") out.push({ text: `#${s.vertex} DONE ${s.seconds.toFixed(1)}s`, status: "built", line: s.line });
    else out.push({ text: `#${s.vertex} ERROR: ${s.error ?? "failed"}`, status: "failed", line: s.line });
  }
  if (result.ok && result.image) {
    const n = (result.steps[result.steps.length - 1]?.vertex ?? 4) + 1;
    out.push(
      { text: "" },
      { text: `#${n} exporting to image` },
      { text: `#${n} exporting layers done` },
      { text: `#${n} writing image ${result.image.digest} done` },
      { text: `#${n} naming to docker.io/${name.includes("/") ? name : `library/${name}`}:latest done` },
      { text: `#${n} DONE 0.1s` },
    );
  } else if (!result.ok) {
    const failed = result.steps.find((s) => s.status === "failed");
    out.push({ text: "" }, { text: failed ? `ERROR: failed to solve: process "${stepTitle(failed)}" did not complete successfully` : `ERROR: failed to solve: ${result.diagnostics[0]?.message ?? "invalid Dockerfile"}`, status: "failed" });
  }
  return out;
}

export { bytes as formatBytes };
