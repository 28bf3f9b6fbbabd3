import { databaseSandbox } from "@/lib/db/sandbox-store";
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
