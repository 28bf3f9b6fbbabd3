import type { DockerfileDiagnostic } from "./dockerfile";
import type { BuiltImage } from "./image";
import type { FsFile } from "./run-effects";

/** A file of the simulated build context: the learner edits its text and its size. */
export type LabFile = { path: string; size: number; content: string };

/** What the learner has in the lab: the Dockerfile, the build context and `--build-arg`s. */
export type LabState = { dockerfile: string; files: LabFile[]; buildArgs?: Record<string, string> };

/** One cached build step, as BuildKit's local cache keeps it: its key chains its parent's. */
export type CacheEntry = {
  parent: string;
  /** The instruction as shown (`RUN npm ci`). */
  op: string;
  /** What besides the text went into the key (copied files' checksums, the RUN's environment…). */
  inputs: string[];
  size: number;
  seconds: number;
  /** What the step left in the stage's filesystem, restored on a cache hit. */
  files: FsFile[];
  aptLists: boolean;
  notes: string[];
};

export type BuildCache = {
  entries: Record<string, CacheEntry>;
  /** Keys by parent key, oldest first: what ran after a step before (for "why did this miss?"). */
  children: Record<string, string[]>;
  /** Base images already pulled onto this builder. */
  pulled: string[];
};

export type StepStatus = "cached" | "built" | "failed";

export type BuildStep = {
  /** BuildKit's vertex number in the log (`#7`). */
  vertex: number;
  /** `build`, `stage-0`, or "" in a single-stage build. */
  stage: string;
  position: number;
  total: number;
  keyword: string;
  text: string;
  line: number;
  status: StepStatus;
  /** Why it was CACHED or why it ran: the Docker rule that decided. */
  why: string;
  seconds: number;
  /** The layer it made, in bytes (0 when it makes none). */
  size: number;
  /** False for steps that make no filesystem layer (FROM's own layers are the base's). */
  layer: boolean;
  error?: string;
  notes: string[];
};

export type BuildResult = {
  ok: boolean;
  diagnostics: DockerfileDiagnostic[];
  steps: BuildStep[];
  /** Stages the target does not need: BuildKit never builds them. */
  skippedStages: string[];
  image?: BuiltImage;
  cache: BuildCache;
  /** The whole build, in simulated seconds. */
  seconds: number;
  context: { files: number; size: number; ignored: string[] };
  dockerfileSize: number;
};
