import { z } from "zod";
import type { BuildCache, LabState } from "./build-types";
import type { Host } from "./hosts";
import type { BuiltImage } from "./image";
import type { Registry } from "./registry";

/**
 * The shapes of the image lab as the browser keeps it between visits (and as the server accepts
 * a lesson's builds): every value read back is checked against these, so a value another version
 * wrote, or one edited by hand, is refused whole and the lab starts fresh instead of crashing.
 * Pure: parsing only; where the text is kept is the caller's business.
 */

const bytes = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const digest = z.string().regex(/^sha256:[0-9a-f]{64}$/);

/** One state of the image lab the learner pressed Build on (sizes as the lab's size field allows). */
export const LabStateSchema = z.object({
  dockerfile: z.string().max(20_000, "The Dockerfile is at most 20,000 characters"),
  files: z.array(z.object({
    path: z.string().min(1, "A context file needs a path").max(255),
    size: z.number().int().min(0).max(2_000_000_000, "A context file is at most 2 GB"),
    content: z.string().max(20_000, "A context file's text is at most 20,000 characters"),
  })).max(100, "The lab's context holds at most 100 files"),
  buildArgs: z.record(z.string().max(100), z.string().max(1000)).optional(),
});

/** The lessons replay at most this many builds, oldest first. */
export const MAX_BUILD_HISTORY = 8;

const FsFileSchema = z.object({ path: z.string(), size: bytes, checksum: z.string(), content: z.string().optional() });

const BuildCacheSchema = z.object({
  entries: z.record(z.string(), z.object({
    parent: z.string(), op: z.string(), inputs: z.array(z.string()), size: bytes, seconds: z.number().min(0),
    files: z.array(FsFileSchema), aptLists: z.boolean(), notes: z.array(z.string()),
  })),
  children: z.record(z.string(), z.array(z.string())),
  pulled: z.array(z.string()),
});

const LayerSchema = z.object({ digest, size: bytes, createdBy: z.string() });

const BuiltImageSchema = z.object({
  name: z.string().min(1),
  layers: z.array(LayerSchema),
  config: z.object({
    env: z.array(z.string()), exposedPorts: z.array(z.string()), cmd: z.array(z.string()).optional(), entrypoint: z.array(z.string()).optional(),
    user: z.string().optional(), workingDir: z.string().optional(), labels: z.record(z.string(), z.string()),
  }),
  digest,
  builtAt: z.string(),
});

const RepositorySchema = z.object({
  name: z.string(),
  imageTagMutability: z.enum(["MUTABLE", "IMMUTABLE"]),
  blobs: z.record(z.string(), bytes),
  manifests: z.record(z.string(), z.object({ digest, layers: z.array(LayerSchema), size: bytes, source: z.string() })),
  tags: z.record(z.string(), digest),
}).refine((r) => Object.values(r.tags).every((d) => r.manifests[d] !== undefined), "A tag points at a manifest the repository lacks")
  .refine((r) => Object.entries(r.manifests).every(([d, m]) => m.digest === d && m.layers.every((l) => r.blobs[l.digest] !== undefined)), "A manifest lists a layer the repository lacks");

const RegistrySchema = z.object({
  host: z.string().min(1),
  repositories: z.record(z.string(), RepositorySchema),
}).refine((r) => Object.entries(r.repositories).every(([name, repo]) => repo.name === name), "A repository is filed under another name");

const HostSchema = z.object({
  name: z.string().min(1),
  layers: z.record(z.string(), bytes),
  images: z.record(z.string(), z.object({ digest, layers: z.array(LayerSchema) })),
  volumes: z.record(z.string(), z.record(z.string(), bytes)),
  containers: z.array(z.object({
    name: z.string().min(1), image: z.string(), digest,
    mounts: z.record(z.string(), z.string()), writableLayer: z.record(z.string(), bytes),
  })),
}).refine((h) => new Set(h.containers.map((c) => c.name)).size === h.containers.length, "Two containers share a name");

/** The Build workbench: what is being edited, the image name, the builder's cache and the builds the lessons replay. */
export type SavedBench = { state: LabState; name: string; cache: BuildCache; history: LabState[] };
const SavedBenchSchema = z.object({ state: LabStateSchema, name: z.string().max(256), cache: BuildCacheSchema, history: z.array(LabStateSchema).max(MAX_BUILD_HISTORY) });

/** The Registry & hosts tab: the registry's repositories, tags and digests, and each host's layers, images, volumes and containers. */
export type SavedRegistryLab = { registry: Registry; hosts: Host[] };
const SavedRegistryLabSchema = z.object({ registry: RegistrySchema, hosts: z.array(HostSchema).min(1).max(4) })
  .refine((s) => new Set(s.hosts.map((h) => h.name)).size === s.hosts.length, "Two hosts share a name");

const SavedImagesSchema = z.array(BuiltImageSchema).max(20);

/** The text as JSON, checked; undefined when there is none, it is not JSON, or it does not fit. */
function restore<T>(schema: z.ZodType<T>, text: string | null): T | undefined {
  if (text === null) return undefined;
  let value: unknown;
  try { value = JSON.parse(text); } catch { return undefined; }
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

export const restoreBench = (text: string | null): SavedBench | undefined => restore(SavedBenchSchema, text);
export const restoreRegistryLab = (text: string | null): SavedRegistryLab | undefined => restore(SavedRegistryLabSchema, text);
export const restoreImages = (text: string | null): BuiltImage[] | undefined => restore(SavedImagesSchema, text);
