import { build, emptyCache } from "../lab/build";
import type { LabState } from "../lab/build-types";
import type { LabRun } from "./types";

/** The learner's builds replayed in order on one builder that starts with an empty cache, as in the lab. */
export function replayLab(states: readonly LabState[]): LabRun {
  let cache = emptyCache();
  const builds = states.map((state) => {
    const r = build(state, cache, { name: "lesson", builtAt: "1970-01-01T00:00:00.000Z" });
    cache = r.cache;
    return r;
  });
  return { builds };
}
