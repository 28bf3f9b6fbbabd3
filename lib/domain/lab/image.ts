/**
 * The image lab's shared vocabulary: what the simulated build produces (lib/domain/lab build
 * model) and what the simulated registry and hosts move around (lib/domain/lab registry model).
 * Sizes are bytes; digests are `sha256:<64 hex>` (content addresses, as in the OCI image spec).
 */
export type ImageLayer = {
  /** The layer's content digest: the same content gives the same digest, on every host and registry. */
  digest: string;
  /** Compressed size in bytes (what a push or pull moves). */
  size: number;
  /** The instruction that made it (`RUN npm ci`, `COPY . .`, or the base image's own history line). */
  createdBy: string;
};

export type BuiltImage = {
  /** What the learner called it in the lab, e.g. `shop/web` (no tag: tags live in a registry). */
  name: string;
  /** Filesystem layers, base image first (metadata-only instructions add none). */
  layers: ImageLayer[];
  /** The image's config (ENV, EXPOSE, CMD, ENTRYPOINT, USER, WORKDIR, LABEL), as `docker inspect` shows it. */
  config: { env: string[]; exposedPorts: string[]; cmd?: string[]; entrypoint?: string[]; user?: string; workingDir?: string; labels: Record<string, string> };
  /** The manifest's digest (depends on every layer digest and the config): what `name@sha256:…` pins. */
  digest: string;
  /** When the simulated build finished, ISO 8601 (from the caller's clock: the core reads none). */
  builtAt: string;
};
