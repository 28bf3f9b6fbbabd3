import { rm } from "node:fs/promises";
import path from "node:path";
import { BENCH_ADMIN, benchAdminEnv, hasProductionBuild, NEXT_DIR, ROOT, startNext } from "../next-server";
import { DEFAULT_SIZES, measureCanvas, type Row } from "./run-canvas-bench";

const PORT = Number(process.env.CANVAS_BENCH_PORT ?? 3290);

/**
 * The canvas benchmark inside `npm run bench`: it needs a production build (`npm run build`,
 * which the e2e tests also make). It starts that build with the baseline page enabled and a
 * throwaway embedded database, measures, and stops it. Without a build it says so in a row.
 */
export async function measureCanvasWithServer(reps: number, nodes: number[] = DEFAULT_SIZES): Promise<Row[]> {
  if (!hasProductionBuild()) {
    return [{ metric: "canvas (designer vs plain React Flow)", value: "skipped: no production build (run `npm run build` first)", target: "—", result: "info" }];
  }
  const dataDir = path.join(ROOT, ".data", "bench-canvas");
  await rm(dataDir, { recursive: true, force: true });
  const server = await startNext(PORT, { DATABASE_URL: "", STEVEDORE_DATA_DIR: dataDir, STEVEDORE_BENCH: "1", STEVEDORE_SANDBOX_STORE: "memory", ...benchAdminEnv });
  try {
    return await measureCanvas({ baseUrl: server.url, nodes, reps, nextDir: NEXT_DIR, signIn: BENCH_ADMIN });
  } finally {
    await server.stop();
  }
}
