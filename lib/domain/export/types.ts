import type { Unexpressed } from "./place";

/** One file of an export. */
export type ExportFile = { path: string; text: string };

/** The "could not express" list as lines: `service "web": deploymentConfiguration.x — why`. */
export function notesText(items: Unexpressed[]): string {
  return items.map((u) => `- ${u.resource}: ${u.path} — ${u.why}`).join("\n");
}
