import { digestOf } from "./sha256";

// The base images the lab can build FROM: real images with their layer structure (the layers
// their official Dockerfiles make, in the order `docker history` lists them) and compressed
// sizes for linux/amd64 as the tag pages show them.
//
// Figures: rounded compressed sizes as shown on the Docker Hub / registry tag pages in 2025
// (they move with each rebuild of a tag by a few percent; the lab needs their proportions,
// not the last byte). Layer DIGESTS are the lab's own (SHA-256 of the layer and the
// layers below it), NOT the registry's: the real ones change with every rebuild of a tag, and a
// learner who compares them with `docker pull` output should not be misled. They are stable,
// so the same base layer has the same digest in every build, push and pull of the lab.

type CatalogueLayer = { size: number; createdBy: string };
export type BaseImage = {
  /** As written after FROM, e.g. `node:22-alpine`. */
  ref: string;
  /** Fully qualified, as BuildKit prints it (`docker.io/library/node:22-alpine`). */
  canonical: string;
  summary: string;
  /** Where the figures come from. */
  source: string;
  layers: CatalogueLayer[];
  /** The image's own config, inherited by the build (CMD, ENV, WORKDIR of the base). */
  config: { env: string[]; cmd?: string[]; entrypoint?: string[]; workingDir?: string; user?: string };
  /** Package manager the image ships, for the RUN size table. */
  packages: "apt" | "apk" | "none";
};

const MB = 1024 * 1024;
const KB = 1024;
const NODE_ENV = ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "NODE_VERSION=22.12.0", "YARN_VERSION=1.22.22"];
const DEBIAN = { size: Math.round(28.2 * MB), createdBy: "# debian.sh --arch 'amd64' out/ 'bookworm' '@1733097600'" };
const ALPINE = { size: Math.round(3.6 * MB), createdBy: "ADD alpine-minirootfs-3.20.3-x86_64.tar.gz / # buildkit" };
/** buildpack-deps:bookworm-scm, under both node:22 and golang:1.23: https://github.com/docker-library/buildpack-deps/blob/master/debian/bookworm/scm/Dockerfile */
const BUILDPACK_SCM: CatalogueLayer[] = [
  { size: Math.round(46.6 * MB), createdBy: "# debian.sh --arch 'amd64' out/ 'bookworm' '@1733097600'" },
  { size: Math.round(23.6 * MB), createdBy: "RUN /bin/sh -c apt-get update && apt-get install -y --no-install-recommends ca-certificates curl gnupg netbase sq wget … # buildkit" },
  { size: Math.round(61.4 * MB), createdBy: "RUN /bin/sh -c apt-get update && apt-get install -y --no-install-recommends git mercurial openssh-client subversion procps … # buildkit" },
];
const NODE_TAIL = [
  { size: 447, createdBy: "COPY docker-entrypoint.sh /usr/local/bin/ # buildkit" },
];

const CATALOGUE: BaseImage[] = [
  {
    ref: "alpine:3.20", canonical: "docker.io/library/alpine:3.20", packages: "apk",
    summary: "Alpine Linux: musl libc and busybox, the smallest general-purpose base.",
    // https://hub.docker.com/_/alpine/tags?name=3.20 ; https://github.com/alpinelinux/docker-alpine
    source: "https://hub.docker.com/_/alpine/tags?name=3.20",
    layers: [ALPINE],
    config: { env: ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"], cmd: ["/bin/sh"] },
  },
  {
    ref: "debian:bookworm-slim", canonical: "docker.io/library/debian:bookworm-slim", packages: "apt",
    summary: "Debian 12 without docs and man pages: glibc and apt.",
    // https://hub.docker.com/_/debian/tags?name=bookworm-slim ; https://github.com/debuerreotype/docker-debian-artifacts
    source: "https://hub.docker.com/_/debian/tags?name=bookworm-slim",
    layers: [DEBIAN],
    config: { env: ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"], cmd: ["bash"] },
  },
  {
    ref: "node:22-bookworm-slim", canonical: "docker.io/library/node:22-bookworm-slim", packages: "apt",
    summary: "Node.js 22 and npm on Debian slim.",
    // https://hub.docker.com/_/node/tags?name=22-bookworm-slim ; https://github.com/nodejs/docker-node/blob/main/22/bookworm-slim/Dockerfile
    source: "https://github.com/nodejs/docker-node/blob/main/22/bookworm-slim/Dockerfile",
    layers: [
      DEBIAN,
      { size: 3 * KB, createdBy: "RUN /bin/sh -c groupadd --gid 1000 node && useradd --uid 1000 --gid node --shell /bin/bash --create-home node # buildkit" },
      { size: Math.round(45.8 * MB), createdBy: "RUN /bin/sh -c ARCH= && dpkgArch=\"$(dpkg --print-architecture)\" … node-v$NODE_VERSION-linux-$ARCH.tar.xz … # buildkit" },
      { size: Math.round(1.3 * MB), createdBy: "RUN /bin/sh -c set -ex && … yarn-v$YARN_VERSION.tar.gz … # buildkit" },
      ...NODE_TAIL,
    ],
    config: { env: NODE_ENV, cmd: ["node"], entrypoint: ["docker-entrypoint.sh"] },
  },
  {
    ref: "node:22-alpine", canonical: "docker.io/library/node:22-alpine", packages: "apk",
    summary: "Node.js 22 and npm on Alpine (musl: some native modules need rebuilding).",
    // https://hub.docker.com/_/node/tags?name=22-alpine ; https://github.com/nodejs/docker-node/blob/main/22/alpine3.20/Dockerfile
    source: "https://github.com/nodejs/docker-node/blob/main/22/alpine3.20/Dockerfile",
    layers: [
      ALPINE,
      { size: Math.round(40.2 * MB), createdBy: "RUN /bin/sh -c addgroup -g 1000 node && adduser -u 1000 -G node -s /bin/sh -D node && … node-v$NODE_VERSION-linux-x64-musl.tar.xz … # buildkit" },
      { size: Math.round(1.3 * MB), createdBy: "RUN /bin/sh -c apk add --no-cache --virtual .build-deps-yarn curl gnupg tar && … yarn … # buildkit" },
      ...NODE_TAIL,
    ],
    config: { env: NODE_ENV, cmd: ["node"], entrypoint: ["docker-entrypoint.sh"] },
  },
  {
    ref: "node:22", canonical: "docker.io/library/node:22", packages: "apt",
    summary: "Node.js 22 on the full buildpack-deps image: compilers, git and headers included (large).",
    // https://hub.docker.com/_/node/tags?name=22 ; https://github.com/docker-library/buildpack-deps/blob/master/debian/bookworm/Dockerfile
    source: "https://github.com/nodejs/docker-node/blob/main/22/bookworm/Dockerfile",
    layers: [
      ...BUILDPACK_SCM,
      { size: Math.round(202.3 * MB), createdBy: "RUN /bin/sh -c apt-get update && apt-get install -y --no-install-recommends autoconf automake bzip2 … gcc g++ make … # buildkit" },
      { size: 3 * KB, createdBy: "RUN /bin/sh -c groupadd --gid 1000 node && useradd --uid 1000 --gid node --shell /bin/bash --create-home node # buildkit" },
      { size: Math.round(46.1 * MB), createdBy: "RUN /bin/sh -c ARCH= && dpkgArch=\"$(dpkg --print-architecture)\" … node-v$NODE_VERSION-linux-$ARCH.tar.xz … # buildkit" },
      { size: Math.round(1.3 * MB), createdBy: "RUN /bin/sh -c set -ex && … yarn-v$YARN_VERSION.tar.gz … # buildkit" },
      ...NODE_TAIL,
    ],
    config: { env: NODE_ENV, cmd: ["node"], entrypoint: ["docker-entrypoint.sh"] },
  },
  {
    ref: "python:3.12-slim", canonical: "docker.io/library/python:3.12-slim", packages: "apt",
    summary: "CPython 3.12 and pip on Debian slim.",
    // https://hub.docker.com/_/python/tags?name=3.12-slim ; https://github.com/docker-library/python/blob/master/3.12/slim-bookworm/Dockerfile
    source: "https://github.com/docker-library/python/blob/master/3.12/slim-bookworm/Dockerfile",
    layers: [
      DEBIAN,
      { size: Math.round(3.3 * MB), createdBy: "RUN /bin/sh -c set -eux; apt-get update; apt-get install -y --no-install-recommends ca-certificates netbase tzdata; rm -rf /var/lib/apt/lists/* # buildkit" },
      { size: Math.round(12.4 * MB), createdBy: "RUN /bin/sh -c set -eux; … python.tar.xz … ./configure … make install … # buildkit" },
      { size: 250, createdBy: "RUN /bin/sh -c set -eux; for src in idle3 pip3 pydoc3 python3 python3-config; do … ln -svT \"$src\" \"/usr/local/bin/$dst\"; done # buildkit" },
    ],
    config: { env: ["PATH=/usr/local/bin:/usr/local/sbin:/usr/sbin:/usr/bin:/sbin:/bin", "LANG=C.UTF-8", "PYTHON_VERSION=3.12.8"], cmd: ["python3"] },
  },
  {
    ref: "nginx:1.27-alpine", canonical: "docker.io/library/nginx:1.27-alpine", packages: "apk",
    summary: "The nginx web server on Alpine: serves static files from /usr/share/nginx/html.",
    // https://hub.docker.com/_/nginx/tags?name=1.27-alpine ; https://github.com/nginxinc/docker-nginx/blob/master/mainline/alpine-slim/Dockerfile
    source: "https://github.com/nginxinc/docker-nginx/blob/master/mainline/alpine/Dockerfile",
    layers: [
      ALPINE,
      { size: Math.round(1.8 * MB), createdBy: "RUN /bin/sh -c set -x && addgroup -g 101 -S nginx && adduser -S -D -H -u 101 … && apk add --no-cache nginx=${NGINX_VERSION}-r${PKG_RELEASE} … # buildkit" },
      { size: 628, createdBy: "COPY docker-entrypoint.sh / # buildkit" },
      { size: 956, createdBy: "COPY 10-listen-on-ipv6-by-default.sh /docker-entrypoint.d # buildkit" },
      { size: 404, createdBy: "COPY 15-local-resolvers.envsh /docker-entrypoint.d # buildkit" },
      { size: 1.2 * KB, createdBy: "COPY 20-envsubst-on-templates.sh /docker-entrypoint.d # buildkit" },
      { size: 1.4 * KB, createdBy: "COPY 30-tune-worker-processes.sh /docker-entrypoint.d # buildkit" },
      { size: Math.round(14.8 * MB), createdBy: "RUN /bin/sh -c set -x && apkArch=\"$(cat /etc/apk/arch)\" && … nginx-module-njs … # buildkit" },
    ],
    config: { env: ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "NGINX_VERSION=1.27.3"], cmd: ["nginx", "-g", "daemon off;"], entrypoint: ["/docker-entrypoint.sh"] },
  },
  {
    ref: "golang:1.23", canonical: "docker.io/library/golang:1.23", packages: "apt",
    summary: "The Go 1.23 toolchain on buildpack-deps: a build stage, not something to ship.",
    // https://hub.docker.com/_/golang/tags?name=1.23 ; https://github.com/docker-library/golang/blob/master/1.23/bookworm/Dockerfile
    source: "https://github.com/docker-library/golang/blob/master/1.23/bookworm/Dockerfile",
    layers: [
      ...BUILDPACK_SCM,
      { size: Math.round(88.7 * MB), createdBy: "RUN /bin/sh -c set -eux; apt-get update; apt-get install -y --no-install-recommends g++ gcc libc6-dev make pkg-config; rm -rf /var/lib/apt/lists/* # buildkit" },
      { size: Math.round(69.5 * MB), createdBy: "COPY /target/ / # buildkit (the Go toolchain, /usr/local/go)" },
      { size: 126, createdBy: "RUN /bin/sh -c mkdir -p \"$GOPATH/src\" \"$GOPATH/bin\" && chmod -R 1777 \"$GOPATH\" # buildkit" },
    ],
    config: { env: ["PATH=/go/bin:/usr/local/go/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "GOLANG_VERSION=1.23.4", "GOTOOLCHAIN=local", "GOPATH=/go"], workingDir: "/go" },
  },
  {
    ref: "gcr.io/distroless/static-debian12", canonical: "gcr.io/distroless/static-debian12:latest", packages: "none",
    summary: "Distroless static: CA certificates, tzdata and a nonroot user; no shell, no package manager. For static binaries (Go).",
    // https://github.com/GoogleContainerTools/distroless/blob/main/base/README.md ; layers: crane manifest gcr.io/distroless/static-debian12
    source: "https://github.com/GoogleContainerTools/distroless",
    layers: [
      { size: Math.round(103.7 * KB), createdBy: "bazel build //base:static_root_amd64_debian12 (passwd, group, nsswitch)" },
      { size: Math.round(21.2 * KB), createdBy: "bazel build (base-files, netbase)" },
      { size: Math.round(252.6 * KB), createdBy: "bazel build (ca-certificates)" },
      { size: Math.round(372.4 * KB), createdBy: "bazel build (tzdata)" },
    ],
    config: { env: ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt"], user: "0" },
  },
  {
    ref: "gcr.io/distroless/nodejs22-debian12", canonical: "gcr.io/distroless/nodejs22-debian12:latest", packages: "none",
    summary: "Distroless Node.js 22: node and glibc, no shell or npm. ENTRYPOINT is node.",
    // https://github.com/GoogleContainerTools/distroless/blob/main/nodejs/README.md
    source: "https://github.com/GoogleContainerTools/distroless/blob/main/nodejs/README.md",
    layers: [
      { size: Math.round(103.7 * KB), createdBy: "bazel build //base:static_root_amd64_debian12 (passwd, group, nsswitch)" },
      { size: Math.round(21.2 * KB), createdBy: "bazel build (base-files, netbase)" },
      { size: Math.round(252.6 * KB), createdBy: "bazel build (ca-certificates)" },
      { size: Math.round(372.4 * KB), createdBy: "bazel build (tzdata)" },
      { size: Math.round(7.8 * MB), createdBy: "bazel build (libc6, libssl3, libgcc-s1, libstdc++6)" },
      { size: Math.round(33.9 * MB), createdBy: "bazel build (nodejs 22)" },
    ],
    config: { env: ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt"], entrypoint: ["/nodejs/bin/node"] },
  },
];

const BY_REF = new Map(CATALOGUE.map((b) => [b.ref, b]));
/** Docker's own spellings of the same images: `docker.io/library/node:22-alpine`, `library/node:22-alpine`. */
function normalise(ref: string): string {
  return ref.replace(/^docker\.io\//, "").replace(/^library\//, "");
}

export function baseImage(ref: string): BaseImage | undefined {
  return BY_REF.get(normalise(ref));
}

export const BASE_IMAGE_REFS: readonly string[] = CATALOGUE.map((b) => b.ref);

/**
 * A base image's layers with the lab's stable digests. A layer's digest follows from what it is
 * and what it sits on, so images built on the same base share those layers' digests (debian
 * slim under node and python, alpine under node and nginx): a registry stores them once and a
 * host pulls them once, as with real images.
 */
export function baseLayers(image: BaseImage) {
  let below = "";
  return image.layers.map((l) => {
    below = digestOf(`base-layer:${below}:${l.createdBy}:${Math.round(l.size)}`);
    return { ...l, size: Math.round(l.size), digest: below };
  });
}

/** The base image's manifest digest as the lab writes it (`node:22-alpine@sha256:…` in the build log). */
export function baseDigest(image: BaseImage): string {
  return digestOf(`manifest:${image.canonical}:${baseLayers(image).map((l) => l.digest).join(",")}`);
}
