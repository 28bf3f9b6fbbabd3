import type { DroppedNulls } from "../design";
import type { ImportNote } from "./types";

/** The one note that says which nulls an import left out (none when there were none). */
export function nullNotes(nulls: DroppedNulls | undefined, prefix = ""): ImportNote[] {
  if (!nulls || nulls.count === 0) return [];
  const at = (p: string) => (prefix ? (p === "(document)" ? prefix : `${prefix}.${p}`) : p);
  const shown = nulls.dropped.slice(0, 5).map(at);
  const more = nulls.count - shown.length;
  return [{
    severity: "info",
    path: shown[0],
    message: `null means "not set" in ECS JSON, as the AWS SDKs send it: ${nulls.count} null value${nulls.count === 1 ? "" : "s"} left out (${shown.join(", ")}${more > 0 ? `, and ${more} more` : ""})`,
  }];
}
