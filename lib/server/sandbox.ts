import { databaseSandbox } from "@/lib/db/sandbox-store";
import type { handleAwsRequest } from "@/lib/sandbox/http";
import { defaultSandbox, type SandboxDeps } from "@/lib/sandbox/store";

export type SandboxStoreKind = "database" | "memory";

/** `STEVEDORE_SANDBOX_STORE=memory` keeps the sandbox in memory only (lost on restart). */
export function sandboxStoreKind(): SandboxStoreKind {
  return process.env.STEVEDORE_SANDBOX_STORE === "memory" ? "memory" : "database";
}

/**
 * The sandbox the app's routes serve: by default its state lives in the app's database
 * (PostgreSQL via DATABASE_URL, else the embedded PGlite), so it survives a restart.
 */
export function sandboxDeps(): SandboxDeps {
  return sandboxStoreKind() === "memory" ? defaultSandbox() : databaseSandbox();
}

/** A Next route handler in front of one of the sandbox's HTTP handlers (lib/sandbox/http.ts), on the app's sandbox. */
export function sandboxRoute(handle: typeof handleAwsRequest) {
  return async (request: Request): Promise<Response> => {
    const body = new Uint8Array(await request.arrayBuffer());
    const res = await handle({ headers: request.headers, body }, sandboxDeps());
    return new Response(res.body, { status: res.status, headers: res.headers });
  };
}
