import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const bin = join(fileURLToPath(new URL("../../../", import.meta.url)), "bin/stevedore.mjs");

/**
 * The real `stevedore` CLI in a child process, run in a temporary folder of its own (`dir`, for
 * the files a test hands it); asynchronous, because the sandbox it talks to answers from this process.
 */
export function cliInTempDir(prefix: string) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  function run(...args: string[]): Promise<{ code: number | null; out: string; err: string }> {
    return new Promise((resolve) => {
      const env = { ...process.env, NO_COLOR: "1", AWS_ACCESS_KEY_ID: "", AWS_SECRET_ACCESS_KEY: "" };
      const child = spawn(process.execPath, [bin, ...args], { cwd: dir, env, stdio: ["pipe", "pipe", "pipe"] });
      let out = "";
      let err = "";
      child.stdout.on("data", (d) => (out += d));
      child.stderr.on("data", (d) => (err += d));
      child.stdin.end();
      child.on("close", (code) => resolve({ code, out, err }));
    });
  }
  return { dir, run };
}
