import type { BuiltImage, ImageLayer } from "./image";

/**
 * A simulated Amazon ECR private registry, faithful to what `docker push` and ECR do:
 *
 * - Blobs (layers) are content-addressed and kept per repository: a push uploads only the layers
 *   the repository lacks; the others print "Layer already exists", as the docker CLI does.
 * - A manifest is stored under its digest; a tag is a movable pointer to one manifest. Pushing
 *   v2 as `latest` moves `latest`; the old manifest stays, untagged, reachable by digest.
 * - `imageTagMutability: IMMUTABLE` refuses a manifest for a tag the repository already has
 *   (after the layers were uploaded: the refusal comes with the manifest), with ECR's error text.
 * - Removing the last tag of an image deletes the image (ECR's BatchDeleteImage by tag).
 *
 * Pure: no clock, no I/O; every operation returns a new registry and what happened.
 */

export type TagMutability = "MUTABLE" | "IMMUTABLE";

export type StoredManifest = {
  digest: string;
  /** The layers the manifest lists, base first. */
  layers: ImageLayer[];
  /** Size in bytes of the manifest document itself (what `docker push` prints as `size:`). */
  size: number;
  /** Where the image came from in the lab (`shop/web`), shown beside the digest. */
  source: string;
};

export type Repository = {
  name: string;
  imageTagMutability: TagMutability;
  /** Blob digest → size: the layers this repository holds. */
  blobs: Record<string, number>;
  manifests: Record<string, StoredManifest>;
  /** Tag → manifest digest. */
  tags: Record<string, string>;
};

export type Registry = {
  /** `<account>.dkr.ecr.<region>.amazonaws.com` */
  host: string;
  repositories: Record<string, Repository>;
};

export type PushLine = { layer: string; status: "Pushed" | "Layer already exists"; bytes: number };

export type PushResult =
  | {
    ok: true; registry: Registry;
    /** The lines `docker push` prints, in its order (top layer first), then the digest line. */
    log: string[]; lines: PushLine[];
    /** Bytes uploaded (layers the repository lacked). */
    bytesMoved: number; bytesSkipped: number;
    /** The tag's previous manifest, when the push moved it. */
    movedFrom?: string;
  }
  | { ok: false; registry: Registry; log: string[]; lines: PushLine[]; bytesMoved: number; bytesSkipped: number; error: string };

/** ECR private registry host names, e.g. 123456789012.dkr.ecr.eu-west-1.amazonaws.com. */
export function ecrHost(account: string, region: string): string {
  return `${account}.dkr.ecr.${region}.amazonaws.com`;
}

export function emptyRegistry(host: string): Registry {
  return { host, repositories: {} };
}

// ECR: "The repository name must start with a letter and can only contain lowercase letters,
// numbers, hyphens, underscores, periods and forward slashes" (CreateRepository's repositoryName
// pattern `(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*`, 2–256 characters).
const REPOSITORY_NAME = /^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/;
// Docker's tag grammar (distribution/reference): up to 128 word characters, dots and dashes, not starting with . or -.
const TAG = /^[\w][\w.-]{0,127}$/;

/** Why a repository name is not one ECR accepts, or undefined. */
export function repositoryNameProblem(name: string): string | undefined {
  if (name.length < 2 || name.length > 256) return "A repository name has 2 to 256 characters.";
  if (!REPOSITORY_NAME.test(name)) return "A repository name is lower-case letters and digits, separated by single '.', '_', '-' or '/'.";
  return undefined;
}

/** Why a tag is not a valid Docker tag, or undefined. */
export function tagProblem(tag: string): string | undefined {
  return TAG.test(tag) ? undefined : "A tag is 1 to 128 letters, digits, '_', '.' or '-', and does not start with '.' or '-'.";
}

/** The short id docker prints for a layer: the first 12 hex digits of its digest. */
export function shortId(digest: string): string {
  return digest.replace(/^sha256:/, "").slice(0, 12);
}

export function createRepository(registry: Registry, name: string, imageTagMutability: TagMutability = "MUTABLE"): Registry {
  if (registry.repositories[name]) return registry;
  return { ...registry, repositories: { ...registry.repositories, [name]: { name, imageTagMutability, blobs: {}, manifests: {}, tags: {} } } };
}

export function setTagMutability(registry: Registry, name: string, imageTagMutability: TagMutability): Registry {
  const repo = registry.repositories[name];
  if (!repo) return registry;
  return withRepo(registry, { ...repo, imageTagMutability });
}

/**
 * The size of the image manifest document (application/vnd.oci.image.manifest.v1+json) the
 * push writes: the real JSON, with a config blob of the image's config, so the number is what
 * a registry would store for these layers.
 */
export function manifestSize(layers: ImageLayer[]): number {
  const descriptor = (mediaType: string, digest: string, size: number) => ({ mediaType, digest, size });
  const doc = {
    schemaVersion: 2,
    mediaType: "application/vnd.oci.image.manifest.v1+json",
    config: descriptor("application/vnd.oci.image.config.v1+json", `sha256:${"0".repeat(64)}`, 0),
    layers: layers.map((l) => descriptor("application/vnd.oci.image.layer.v1.tar+gzip", l.digest, l.size)),
  };
  return JSON.stringify(doc, null, 3).length;
}

/** The text ECR answers (through the docker CLI) when a push would overwrite a tag of an IMMUTABLE repository. */
export function immutableTagError(tag: string, repository: string): string {
  return `tag invalid: The image tag '${tag}' already exists in the '${repository}' repository and cannot be overwritten because the repository is immutable.`;
}

/**
 * `docker push <host>/<repository>:<tag>` of a built image: creates the repository if needed
 * (as the lab's "push" does; ECR itself needs CreateRepository first), uploads missing layers,
 * writes the manifest and points the tag at it.
 */
export function push(registry: Registry, image: Pick<BuiltImage, "name" | "layers" | "digest">, repository: string, tag: string): PushResult {
  const problem = repositoryNameProblem(repository) ?? tagProblem(tag);
  if (problem) return { ok: false, registry, log: [problem], lines: [], bytesMoved: 0, bytesSkipped: 0, error: problem };
  const withRepository = createRepository(registry, repository);
  const repo = withRepository.repositories[repository];
  const log = [`The push refers to repository [${registry.host}/${repository}]`];
  const lines: PushLine[] = [];
  const blobs = { ...repo.blobs };
  // docker pushes and prints the top layer first; a layer listed twice is uploaded once.
  for (const layer of [...image.layers].reverse()) {
    if (lines.some((l) => l.layer === layer.digest)) continue;
    const exists = blobs[layer.digest] !== undefined;
    lines.push({ layer: layer.digest, status: exists ? "Layer already exists" : "Pushed", bytes: exists ? 0 : layer.size });
    blobs[layer.digest] = layer.size;
    log.push(`${shortId(layer.digest)}: ${exists ? "Layer already exists" : "Pushed"}`);
  }
  const bytesMoved = lines.reduce((n, l) => n + l.bytes, 0);
  const bytesSkipped = lines.filter((l) => l.status === "Layer already exists").reduce((n, l) => n + sizeOf(image.layers, l.layer), 0);
  const withBlobs: Repository = { ...repo, blobs };
  const previous = repo.tags[tag];
  if (previous !== undefined && repo.imageTagMutability === "IMMUTABLE") {
    // The layers are already uploaded when the manifest is refused: they stay in the repository.
    const error = immutableTagError(tag, repository);
    return { ok: false, registry: withRepo(withRepository, withBlobs), log: [...log, error], lines, bytesMoved, bytesSkipped, error };
  }
  const manifest: StoredManifest = repo.manifests[image.digest] ?? { digest: image.digest, layers: image.layers, size: manifestSize(image.layers), source: image.name };
  const next: Repository = { ...withBlobs, manifests: { ...repo.manifests, [image.digest]: manifest }, tags: { ...repo.tags, [tag]: image.digest } };
  log.push(`${tag}: digest: ${image.digest} size: ${manifest.size}`);
  return { ok: true, registry: withRepo(withRepository, next), log, lines, bytesMoved, bytesSkipped, movedFrom: previous !== undefined && previous !== image.digest ? previous : undefined };
}

export type TagResult = { ok: true; registry: Registry; movedFrom?: string } | { ok: false; registry: Registry; error: string };

/**
 * Point `tag` at a manifest the repository already holds (`docker tag` + `docker push` of an
 * image the registry has, or ECR PutImage with its manifest): no layer moves.
 */
export function moveTag(registry: Registry, repository: string, tag: string, digest: string): TagResult {
  const repo = registry.repositories[repository];
  if (!repo) return { ok: false, registry, error: repositoryNotFound(registry, repository) };
  const problem = tagProblem(tag);
  if (problem) return { ok: false, registry, error: problem };
  if (!repo.manifests[digest]) return { ok: false, registry, error: `manifest unknown: The image with digest ${digest} does not exist in the repository '${repository}'.` };
  const previous = repo.tags[tag];
  if (previous === digest) return { ok: true, registry };
  if (previous !== undefined && repo.imageTagMutability === "IMMUTABLE") return { ok: false, registry, error: immutableTagError(tag, repository) };
  return { ok: true, registry: withRepo(registry, { ...repo, tags: { ...repo.tags, [tag]: digest } }), movedFrom: previous };
}

/**
 * Remove a tag (`aws ecr batch-delete-image --image-ids imageTag=<tag>`). ECR: "When you remove
 * the last tag from an image, the image is deleted from your repository."
 */
export function deleteTag(registry: Registry, repository: string, tag: string): TagResult & { imageDeleted?: boolean } {
  const repo = registry.repositories[repository];
  if (!repo) return { ok: false, registry, error: repositoryNotFound(registry, repository) };
  const digest = repo.tags[tag];
  if (digest === undefined) return { ok: false, registry, error: `ImageNotFound: Requested image not found (imageTag=${tag}).` };
  const tags = Object.fromEntries(Object.entries(repo.tags).filter(([t]) => t !== tag));
  const lastTag = !Object.values(tags).includes(digest);
  const manifests = lastTag ? Object.fromEntries(Object.entries(repo.manifests).filter(([d]) => d !== digest)) : repo.manifests;
  return { ok: true, registry: withRepo(registry, { ...repo, tags, manifests }), imageDeleted: lastTag };
}

export type ImageRef = { repository: string } & ({ tag: string; digest?: undefined } | { digest: string; tag?: undefined });

/** `host/repo:tag` or `host/repo@sha256:…`: the forms an ECS container definition accepts. */
export function reference(registry: Registry, ref: ImageRef): string {
  return ref.digest ? `${registry.host}/${ref.repository}@${ref.digest}` : `${registry.host}/${ref.repository}:${ref.tag}`;
}

export type Resolved = { ok: true; manifest: StoredManifest; digest: string } | { ok: false; error: string };

/** What a pull of the reference gets now: a tag resolves to whatever it points at today; a digest always to the same manifest. */
export function resolve(registry: Registry, ref: ImageRef): Resolved {
  const repo = registry.repositories[ref.repository];
  if (!repo) return { ok: false, error: repositoryNotFound(registry, ref.repository) };
  const digest = ref.digest ?? repo.tags[ref.tag];
  const manifest = digest === undefined ? undefined : repo.manifests[digest];
  if (!manifest) return { ok: false, error: `manifest unknown: Requested image not found (${ref.digest ? ref.digest : `tag ${ref.tag}`}).` };
  return { ok: true, manifest, digest: manifest.digest };
}

/** The tags pointing at each manifest of a repository, newest tag order kept; untagged manifests get []. */
export function tagsByDigest(repo: Repository): { digest: string; tags: string[]; manifest: StoredManifest }[] {
  return Object.values(repo.manifests).map((manifest) => ({
    digest: manifest.digest, manifest, tags: Object.entries(repo.tags).filter(([, d]) => d === manifest.digest).map(([t]) => t).sort(),
  }));
}

/** Bytes the repository stores: each blob once, however many manifests share it. */
export function storedBytes(repo: Repository): number {
  return Object.values(repo.blobs).reduce((n, s) => n + s, 0);
}

function sizeOf(layers: ImageLayer[], digest: string): number {
  return layers.find((l) => l.digest === digest)?.size ?? 0;
}

function repositoryNotFound(registry: Registry, repository: string): string {
  const account = registry.host.split(".")[0];
  return `RepositoryNotFoundException: The repository with name '${repository}' does not exist in the registry with id '${account}'`;
}

function withRepo(registry: Registry, repo: Repository): Registry {
  return { ...registry, repositories: { ...registry.repositories, [repo.name]: repo } };
}
