import { spawn } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";

// The production build (`npm run build`, which the e2e tests also make) started as users run it,
// for the benchmarks that measure the app over HTTP (canvas, load).

export const ROOT = path.resolve(__dirname, "..");
export const NEXT_DIR = path.join(ROOT, ".next");

export const hasProductionBuild = () => existsSync(path.join(NEXT_DIR, "BUILD_ID"));

export type NextServer = {
  url: string; port: number; log: string; alive(): boolean; stop(): Promise<void>;
  /** CPU (user + system) the server process has used so far, in ms; undefined where /proc is not there. */
  cpuMs(): number | undefined;
};

const TICK_MS = 10; // USER_HZ is 100 on Linux

function processCpuMs(pid: number | undefined): number | undefined {
  if (!pid) return undefined;
  try {
    // Fields after the command (which may hold spaces) start at field 3; utime and stime are fields 14 and 15.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return undefined;
  }
}

/**
 * `next start` on 127.0.0.1:`port` with `env` over the bench's own environment; resolves once
 * /api/health answers. Its output goes to .data/bench-logs/next-<port>.log.
 */
export async function startNext(port: number, env: Record<string, string>, timeoutMs = 120_000): Promise<NextServer> {
  const logDir = path.join(ROOT, ".data", "bench-logs");
  mkdirSync(logDir, { recursive: true });
  const log = path.join(logDir, `next-${port}.log`);
  const out = createWriteStream(log);
  // BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the servers (NODE_OPTIONS refuses --cpu-prof).
  const nodeArgs = process.env.BENCH_SERVER_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, path.join(ROOT, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stdout?.pipe(out);
  child.stderr?.on("data", (b: Buffer) => { out.write(b); stderr = (stderr + b.toString()).slice(-4000); });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  };
  try {
    await waitForHealth(url, timeoutMs, () => child.exitCode !== null);
  } catch (err) {
    await stop();
    throw new Error(`${(err as Error).message}${stderr ? `\n${stderr}` : ""}`);
  }
  return { url, port, log, alive: () => child.exitCode === null && child.signalCode === null, stop, cpuMs: () => processCpuMs(child.pid) };
}

async function waitForHealth(baseUrl: string, timeoutMs: number, died: () => boolean) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (died()) throw new Error(`next start for ${baseUrl} exited`);
    const ok = await fetch(`${baseUrl}/api/health`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the app did not answer ${baseUrl}/api/health within ${timeoutMs / 1000} s`);
}

/** A bench's sign-in: the first admin the server creates at start-up (STEVEDORE_ADMIN_*), on a throwaway database. */
export const BENCH_ADMIN = { email: "bench@stevedore.test", password: "benchmark admin password" };
export const benchAdminEnv = { STEVEDORE_ADMIN_EMAIL: BENCH_ADMIN.email, STEVEDORE_ADMIN_PASSWORD: BENCH_ADMIN.password };

/** Signs in over HTTP as a browser would (better-auth's email endpoint); the `name=value` of the session cookie. */
export async function signInCookie(baseUrl: string, who = BENCH_ADMIN): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl },
    body: JSON.stringify(who),
  });
  const cookie = res.headers.getSetCookie().find((c) => c.includes("session_token="))?.split(";")[0];
  if (!res.ok || !cookie) throw new Error(`signing in as ${who.email} at ${baseUrl}: HTTP ${res.status} ${await res.text()}`);
  return cookie;
}
