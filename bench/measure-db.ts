import { randomBytes } from "node:crypto";
import { Pool } from "pg";
import { createDb } from "../lib/db";
import type { Design } from "../lib/domain/design";
import { createAppContext, systemClock } from "../lib/server/context";
import { createDesign } from "../lib/server/designs/create-design";
import { getDesign } from "../lib/server/designs/get-design";
import { saveDesign } from "../lib/server/designs/save-design";
import { sample } from "./stats";

export const DEFAULT_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

/**
 * Save + load round trips through the real operations (and so Prisma) on a throw-away
 * PostgreSQL database, so the benchmark never touches anybody's data.
 */
export type SaveLoadTimes = { total: number[]; save: number[]; load: number[] };

/** Runs `fn` on a throw-away database created through `adminUrl`, dropped afterwards. */
export async function withScratchDatabase<T>(adminUrl: string, fn: (url: string) => Promise<T>): Promise<T> {
  const name = `stevedore_bench_${randomBytes(5).toString("hex")}`;
  const admin = new Pool({ connectionString: adminUrl, max: 1 });
  try {
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return await fn(url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  }
}

export async function measureSaveLoad(design: Design, runs: number, adminUrl = DEFAULT_ADMIN_URL): Promise<SaveLoadTimes> {
  return withScratchDatabase(adminUrl, async (url) => {
    const db = await createDb({ url });
    try {
      const ctx = await createAppContext({ db, clock: systemClock });
      const { id } = await createDesign({ ctx, input: { name: "Benchmark", document: design } });
      let version = 1;
      const save: number[] = [];
      const load: number[] = [];
      const total = await sample(runs, async () => {
        const t0 = performance.now();
        ({ version } = await saveDesign({ ctx, input: { id, expectedVersion: version, document: design } }));
        const t1 = performance.now();
        await getDesign({ ctx, input: { id } });
        save.push(t1 - t0);
        load.push(performance.now() - t1);
      });
      // The split is reported for diagnosis; warm-up runs are dropped as in `total`.
      return { total, save: save.slice(-runs), load: load.slice(-runs) };
    } finally {
      await db.$disconnect();
    }
  });
}
