import { strToU8, zipSync } from "fflate";
import type { ExportFile } from "./types";

// An export's files as one ZIP archive (deflated, paths as given), for the browser to download.
// Pure: the entries' modification time is passed in (ZIP keeps DOS time, 1980 or later).

/** The ZIP archive of `files` under the folder `root`, every entry dated `mtime`. */
export function zipFiles(files: ExportFile[], root: string, mtime: Date): Uint8Array {
  const entries = Object.fromEntries(files.map((f) => [`${root}/${f.path}`, strToU8(f.text)] as const));
  return zipSync(entries, { level: 6, mtime });
}
