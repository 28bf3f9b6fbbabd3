import { baseImage } from "./base-images";

/**
 * The same apps on one host as virtual machines and as containers: memory, disk and start time
 * from stated figures, each with its source and what it assumes. The host's own operating
 * system is the same on both sides and left out; only what each side adds is counted.
 */

export type Source = { title: string; url: string; assumes: string };

export type Figure = { value: number; source: Source };

const UBUNTU: Source = {
  title: "Ubuntu Server documentation, System requirements (24.04, amd64)",
  url: "https://documentation.ubuntu.com/server/reference/installation/system-requirements/",
  assumes: "Ubuntu Server from a cloud image: minimum 1 GB of memory and 4 GB of storage; Canonical suggests 3 GB and 25 GB for real use.",
};
const STARTUP: Source = {
  title: "Hokstad Consulting, Benchmarking Containers and VMs for Applications",
  url: "https://hokstadconsulting.com/blog/benchmarking-containers-vms-applications",
  assumes: "A general-purpose VM booting its own operating system takes 20–60 s or more; a container whose image is already on the host starts in 50–500 ms. The lab uses the low end of each range.",
};
const FIRECRACKER: Source = {
  title: "Firecracker (the microVM monitor behind AWS Lambda and Fargate)",
  url: "https://firecracker-microvm.github.io/",
  assumes: "A minimal guest kernel and device model: user space starts in as little as 125 ms, with under 5 MiB of monitor overhead per microVM. A special-purpose VM, not the general-purpose one compared here.",
};

/** What the lab assumes for every guest VM and every container start. */
export const FIGURES = {
  guestOsMemoryMb: { value: 1024, source: UBUNTU },
  guestOsDiskMb: { value: 4096, source: UBUNTU },
  vmBootSeconds: { value: 20, source: STARTUP },
  containerStartSeconds: { value: 0.05, source: STARTUP },
} satisfies Record<string, Figure>;

export const MICROVM_NOTE = FIRECRACKER;

export type App = {
  name: string;
  /** The app's own resident memory and its own files (code and libraries): the same inside a VM or a container. */
  memoryMb: number; appDiskMb: number;
  /**
   * The image's base, one of the Build tab's catalogue (e.g. node:18-bullseye-slim): shared on
   * disk by every container built on it. Its size is the catalogue's, the sum of its layers as
   * the registry stores them (compressed, what a pull moves).
   */
  base: string; baseDiskMb: number;
  /** Seconds the app itself takes to be ready once its process starts. */
  appStartSeconds: number;
};

/** A base of the catalogue and its size in MB (decimal, one decimal place), from the catalogue's own layers. */
export function onBase(ref: string): Pick<App, "base" | "baseDiskMb"> {
  const image = baseImage(ref);
  if (!image) throw new Error(`${ref} is not in the lab's base-image catalogue`);
  return { base: image.ref, baseDiskMb: Math.round(image.layers.reduce((n, l) => n + l.size, 0) / 100_000) / 10 };
}

/**
 * Three apps, two on the same base: stated assumptions of the lab, editable on the page. The
 * bases are the ones the lessons build on: the Node.js services on node:18-bullseye-slim (the
 * registry tab's sample images), the Go API as the multi-stage lesson ships it, on alpine:3.17.
 */
export const SAMPLE_APPS: readonly App[] = [
  { name: "web (Node.js)", memoryMb: 120, appDiskMb: 25, ...onBase("node:18-bullseye-slim"), appStartSeconds: 1 },
  { name: "worker (Node.js)", memoryMb: 90, appDiskMb: 15, ...onBase("node:18-bullseye-slim"), appStartSeconds: 1 },
  { name: "api (Go)", memoryMb: 30, appDiskMb: 20, ...onBase("alpine:3.17"), appStartSeconds: 0.2 },
];

export type Totals = { memoryMb: number; diskMb: number; startSeconds: number };

export type Comparison = {
  vms: Totals & { perApp: (Totals & { name: string })[] };
  containers: Totals & { perApp: (Totals & { name: string; sharedBase: boolean })[] };
};

/**
 * VMs: each app brings a whole guest OS (memory and disk) and boots it before the app starts.
 * Containers: the kernel is the host's; each base is stored once however many containers use
 * it; a start is the container's setup plus the app's own start. Start times are for starting
 * all apps at once (the slowest one decides).
 */
export function compare(apps: readonly App[], figures = FIGURES): Comparison {
  const vmPerApp = apps.map((a) => ({
    name: a.name,
    memoryMb: figures.guestOsMemoryMb.value + a.memoryMb,
    diskMb: figures.guestOsDiskMb.value + a.baseDiskMb + a.appDiskMb,
    startSeconds: figures.vmBootSeconds.value + a.appStartSeconds,
  }));
  const seen = new Set<string>();
  const containerPerApp = apps.map((a) => {
    const sharedBase = seen.has(a.base);
    seen.add(a.base);
    return { name: a.name, sharedBase, memoryMb: a.memoryMb, diskMb: (sharedBase ? 0 : a.baseDiskMb) + a.appDiskMb, startSeconds: figures.containerStartSeconds.value + a.appStartSeconds };
  });
  const total = <T extends Totals>(rows: T[]): Totals => ({
    memoryMb: rows.reduce((n, r) => n + r.memoryMb, 0),
    diskMb: rows.reduce((n, r) => n + r.diskMb, 0),
    startSeconds: rows.reduce((n, r) => Math.max(n, r.startSeconds), 0),
  });
  return { vms: { ...total(vmPerApp), perApp: vmPerApp }, containers: { ...total(containerPerApp), perApp: containerPerApp } };
}
