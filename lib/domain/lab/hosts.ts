import type { ImageLayer } from "./image";
import { type ImageRef, type Registry, reference, resolve, shortId } from "./registry";

/**
 * A simulated Docker host: a layer store shared by every image on it, local image references,
 * named volumes and containers. Pulling downloads only layers the host lacks ("Already exists",
 * as `docker pull` prints); a container gets a writable layer of its own that dies with it,
 * while files under a volume's mount path go to the volume and outlive the container.
 * Sizes are the layers' compressed sizes as the registry stores them (a host unpacks them to
 * more; the lab counts what moved over the network and what is kept once per host).
 */

export type Container = {
  name: string;
  /** The reference it was started from, and the digest that reference resolved to. */
  image: string; digest: string;
  /** Volume name → mount path inside the container. */
  mounts: Record<string, string>;
  /** Files written at run time outside every mount: path → bytes (the writable layer). */
  writableLayer: Record<string, number>;
};

export type Host = {
  name: string;
  layers: Record<string, number>;
  /** Local reference → manifest digest, with the manifest's layers. */
  images: Record<string, { digest: string; layers: ImageLayer[] }>;
  volumes: Record<string, Record<string, number>>;
  containers: Container[];
};

export function emptyHost(name: string): Host {
  return { name, layers: {}, images: {}, volumes: {}, containers: [] };
}

export type PullResult =
  | { ok: true; host: Host; log: string[]; bytesDownloaded: number; alreadyThere: number }
  | { ok: false; host: Host; log: string[]; error: string };

/** `docker pull <ref>` on this host. */
export function pull(host: Host, registry: Registry, ref: ImageRef): PullResult {
  const name = reference(registry, ref);
  const r = resolve(registry, ref);
  if (!r.ok) return { ok: false, host, log: [`Error response from daemon: ${r.error}`], error: r.error };
  const local = host.images[name];
  if (local?.digest === r.digest) {
    return { ok: true, host, log: [`${ref.tag ?? ref.digest}: Pulling from ${ref.repository}`, `Digest: ${r.digest}`, `Status: Image is up to date for ${name}`], bytesDownloaded: 0, alreadyThere: 0 };
  }
  const log = [`${ref.tag ?? ref.digest}: Pulling from ${ref.repository}`];
  const layers = { ...host.layers };
  let bytesDownloaded = 0;
  let alreadyThere = 0;
  for (const layer of r.manifest.layers) {
    if (layers[layer.digest] !== undefined) {
      if (!log.some((l) => l.startsWith(shortId(layer.digest)))) log.push(`${shortId(layer.digest)}: Already exists`);
      alreadyThere += 1;
      continue;
    }
    layers[layer.digest] = layer.size;
    bytesDownloaded += layer.size;
    log.push(`${shortId(layer.digest)}: Pull complete`);
  }
  log.push(`Digest: ${r.digest}`, `Status: Downloaded newer image for ${name}`);
  return { ok: true, host: { ...host, layers, images: { ...host.images, [name]: { digest: r.digest, layers: r.manifest.layers } } }, log, bytesDownloaded, alreadyThere };
}

/** Bytes the host keeps: each layer once, plus every container's writable layer and every volume. */
export function diskUsage(host: Host): { layers: number; writable: number; volumes: number; total: number } {
  const sum = (o: Record<string, number>) => Object.values(o).reduce((n, s) => n + s, 0);
  const layers = sum(host.layers);
  const writable = host.containers.reduce((n, c) => n + sum(c.writableLayer), 0);
  const volumes = Object.values(host.volumes).reduce((n, v) => n + sum(v), 0);
  return { layers, writable, volumes, total: layers + writable + volumes };
}

export type RunResult = { ok: true; host: Host; container: Container } | { ok: false; host: Host; error: string };

const CONTAINER_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;

/** `docker run -d --name <name> [-v <volume>:<path>] <image>`: the image must be on the host (pull it first). */
export function run(host: Host, name: string, image: string, mounts: Record<string, string> = {}): RunResult {
  if (!CONTAINER_NAME.test(name)) return { ok: false, host, error: `Invalid container name (${name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed` };
  if (host.containers.some((c) => c.name === name)) {
    return { ok: false, host, error: `Conflict. The container name "/${name}" is already in use. You have to remove (or rename) that container to be able to reuse that name.` };
  }
  const local = host.images[image];
  if (!local) return { ok: false, host, error: `Unable to find image '${image}' locally: pull it on ${host.name} first.` };
  const volumes = { ...host.volumes };
  for (const v of Object.keys(mounts)) volumes[v] ??= {};
  const container: Container = { name, image, digest: local.digest, mounts, writableLayer: {} };
  return { ok: true, host: { ...host, volumes, containers: [...host.containers, container] }, container };
}

/** The volume a path inside the container belongs to, if it lies under a mount. */
export function volumeFor(container: Container, path: string): string | undefined {
  return Object.entries(container.mounts).find(([, at]) => path === at || path.startsWith(at.endsWith("/") ? at : `${at}/`))?.[0];
}

/** The running container writes a file: into a volume when under its mount, else into its writable layer. */
export function writeFile(host: Host, containerName: string, path: string, bytes: number): { ok: true; host: Host; into: "volume" | "writable layer"; volume?: string } | { ok: false; host: Host; error: string } {
  const container = host.containers.find((c) => c.name === containerName);
  if (!container) return { ok: false, host, error: `Error response from daemon: No such container: ${containerName}` };
  if (!path.startsWith("/")) return { ok: false, host, error: "The path is absolute inside the container, e.g. /app/uploads/a.png." };
  const volume = volumeFor(container, path);
  if (volume) {
    return { ok: true, host: { ...host, volumes: { ...host.volumes, [volume]: { ...host.volumes[volume], [path]: bytes } } }, into: "volume", volume };
  }
  const next = { ...container, writableLayer: { ...container.writableLayer, [path]: bytes } };
  return { ok: true, host: { ...host, containers: host.containers.map((c) => (c.name === containerName ? next : c)) }, into: "writable layer" };
}

/** The files the container sees: its writable layer and its volumes' files under their mounts. */
export function visibleFiles(host: Host, container: Container): { path: string; bytes: number; where: string }[] {
  const own = Object.entries(container.writableLayer).map(([path, bytes]) => ({ path, bytes, where: "writable layer" }));
  const mounted = Object.keys(container.mounts).flatMap((v) => Object.entries(host.volumes[v] ?? {}).map(([path, bytes]) => ({ path, bytes, where: `volume ${v}` })));
  return [...own, ...mounted].sort((a, b) => a.path.localeCompare(b.path));
}

export type ReplaceResult = { ok: true; host: Host; lost: string[]; kept: string[] } | { ok: false; host: Host; error: string };

/**
 * Replace a container with a new one of the same name and mounts (what a deployment does:
 * `docker rm -f` then `docker run`), possibly from another image: its writable layer is gone,
 * its volumes' files are still there.
 */
export function replace(host: Host, containerName: string, image?: string): ReplaceResult {
  const old = host.containers.find((c) => c.name === containerName);
  if (!old) return { ok: false, host, error: `Error response from daemon: No such container: ${containerName}` };
  const without = { ...host, containers: host.containers.filter((c) => c.name !== containerName) };
  const started = run(without, containerName, image ?? old.image, old.mounts);
  if (!started.ok) return { ok: false, host, error: started.error };
  const kept = Object.keys(old.mounts).flatMap((v) => Object.keys(host.volumes[v] ?? {}));
  return { ok: true, host: started.host, lost: Object.keys(old.writableLayer).sort(), kept: kept.sort() };
}
