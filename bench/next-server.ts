import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

// The production build (`npm run build`, which the e2e tests also make) started as users run it,
// for the benchmarks that measure the app over HTTP (canvas, load).

export const ROOT = path.resolve(__dirname, "..");
export const NEXT_DIR = path.join(ROOT, ".next");

export const hasProductionBuild = () => existsSync(path.join(NEXT_DIR, "BUILD_ID"));

export type NextServer = { url: string; port: number; stop(): Promise<void> };

/** `next start` on 127.0.0.1:`port` with `env` over the bench's own environment; resolves once /api/health answers. */
export async function startNext(port: number, env: Record<string, string>, timeoutMs = 120_000): Promise<NextServer> {
  const child = spawn(process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (b: Buffer) => { stderr = (stderr + b.toString()).slice(-4000); });
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
  return { url, port, stop };
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
