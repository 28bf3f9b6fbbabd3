import { readFile, stat } from "node:fs/promises";

/** Files larger than this are refused before reading. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

export type ReadResult = { ok: true; text: string } | { ok: false; message: string };

/** Reads a text file (or stdin for "-"), refusing directories and files over 5 MiB. Never throws. */
export async function readInput(file: string): Promise<ReadResult> {
  try {
    if (file === "-") return { ok: true, text: await readStdin() };
    const s = await stat(file);
    if (s.isDirectory()) return { ok: false, message: "is a directory, not a file" };
    if (s.size > MAX_FILE_BYTES) return { ok: false, message: `is ${(s.size / 1048576).toFixed(1)} MiB; stevedore reads at most 5 MiB` };
    return { ok: true, text: await readFile(file, "utf8") };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return { ok: false, message: "no such file" };
    if (code === "EACCES") return { ok: false, message: "permission denied" };
    return { ok: false, message: err instanceof Error ? err.message : String(err) };
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    size += (chunk as Buffer).length;
    if (size > MAX_FILE_BYTES) throw new Error("standard input is over 5 MiB; stevedore reads at most 5 MiB");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}
