import { afterAll, beforeAll } from "vitest";
import type { Db } from "@/lib/db";
import type { AppContext } from "@/lib/server/context";
import { startPlanSandbox } from "../plan-apply/sandbox";
import { testCtx } from "./fixtures";
import { createTestDatabase, type TestDatabase } from "./test-database";

export type PlanSandbox = Awaited<ReturnType<typeof startPlanSandbox>>;
export type DbAndSandbox = { db: Db; sb: PlanSandbox; ctx: AppContext };

/**
 * A test file's own real database and sandbox (over HTTP, through the real SDK clients), made
 * before its first test and dropped after its last. `ready` gets them, with a context whose AWS
 * ports reach the sandbox, and may set the sandbox up before the tests run.
 */
export function withDbAndSandbox(ready: (t: DbAndSandbox) => void | Promise<void>, region = "eu-west-1") {
  let tdb: TestDatabase | undefined;
  let sb: PlanSandbox | undefined;
  beforeAll(async () => {
    tdb = await createTestDatabase();
    const db = await tdb.client();
    sb = await startPlanSandbox(region);
    await ready({ db, sb, ctx: testCtx(db, { aws: sb.aws }) });
  });
  afterAll(async () => {
    await sb?.close();
    await tdb?.drop();
  });
}
