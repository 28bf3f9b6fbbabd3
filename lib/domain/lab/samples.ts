import { baseImage, baseLayers } from "./base-images";
import type { BuiltImage, ImageLayer } from "./image";

/**
 * Sample images for the registry and hosts lab, so it is useful before the learner has built
 * anything: two versions of one web app and a worker, all on the same real base,
 * node:18-bullseye-slim (linux/amd64): its five layers carry the registry's own digests and
 * compressed sizes (see base-images.ts and its repo-info source). The app layers above it and
 * the images' own digests are made up for the lab (distinct, well-formed sha256 values, one per
 * distinct content), with sizes of the order of a small Node.js app.
 */

const MB = 1_000_000;
const d = (seed: string) => `sha256:${seed.repeat(64 / seed.length)}`;
const layer = (seed: string, size: number, createdBy: string): ImageLayer => ({ digest: d(seed), size, createdBy });

/** The base image's layers: the same content, so the same digests, in every image built on it. */
const BASE: ImageLayer[] = baseLayers(baseImage("node:18-bullseye-slim")!);

const config = (cmd: string[]): BuiltImage["config"] => ({ env: ["NODE_ENV=production"], exposedPorts: ["3000/tcp"], cmd, workingDir: "/app", labels: {} });

const DEPS = layer("7a8b", 18 * MB, "RUN npm ci --omit=dev");

export const SAMPLE_IMAGES: readonly (BuiltImage & { label: string })[] = [
  {
    label: "shop/web, version 1", name: "shop/web", digest: d("c0ffee01"), builtAt: "2026-12-01T09:00:00Z", config: config(["node", "server.js"]),
    layers: [...BASE, DEPS, layer("9c0d", 1_200_000, "COPY . .")],
  },
  {
    label: "shop/web, version 2 (one source file changed)", name: "shop/web", digest: d("c0ffee02"), builtAt: "2026-12-02T09:00:00Z", config: config(["node", "server.js"]),
    layers: [...BASE, DEPS, layer("e1f2", 1_250_000, "COPY . .")],
  },
  {
    label: "shop/worker (same base)", name: "shop/worker", digest: d("c0ffee03"), builtAt: "2026-12-02T10:00:00Z", config: config(["node", "worker.js"]),
    layers: [...BASE, layer("a3b4", 9 * MB, "RUN npm ci --omit=dev"), layer("c5d6", 400_000, "COPY . .")],
  },
];
