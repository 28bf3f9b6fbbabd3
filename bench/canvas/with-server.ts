import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { measureCanvas, type Row } from "./run-canvas-bench";

const PORT = Number(process.env.CANVAS_BENCH_PORT ?? 3290);

/**
 * The canvas benchmark inside `npm run bench`: it needs a production build (`npm run build`,
 * which the e2e tests also make). It starts that build with the baseline page enabled and a
 * throwaway embedded database, measures, and stops it. Without a build it says so in a row.
 */
export async function measureCanvasWithServer(reps: number): Promise<Row[]> {
  const root = path.resolve(__dirname, "..", "..");
  const nextDir = path.join(root, ".next");
  if (!existsSync(path.join(nextDir, "BUILD_ID"))) {
    return [{ metric: "canvas (designer vs plain React Flow)", value: "skipped: no production build (run `npm run build` first)", target: "—", result: "info" }];
  }
  const dataDir = path.join(root, ".data", "bench-canvas");
  await rm(dataDir, { recursive: true, force: true });
  const server = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(PORT), "-H", "127.0.0.1"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: "", STEVEDORE_DATA_DIR: dataDir, STEVEDORE_BENCH: "1", STEVEDORE_SANDBOX_STORE: "memory" },
    stdio: "ignore",
  });
  const baseUrl = `http://127.0.0.1:${PORT}`;
  try {
    await waitForHealth(baseUrl, 120_000);
    return await measureCanvas({ baseUrl, nodes: [500, 100], reps, nextDir });
  } finally {
    server.kill("SIGTERM");
  }
}

async function waitForHealth(baseUrl: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await fetch(`${baseUrl}/api/health`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the app did not answer ${baseUrl}/api/health within ${timeoutMs / 1000} s`);
}
