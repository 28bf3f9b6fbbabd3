// The base images the lab can build FROM: real Docker official images, linux/amd64, with their
// real layers (blob digest and compressed size in bytes, in the order the manifest lists them),
// their real manifest-list (index) digest and amd64 manifest digest.
//
// Source: the Docker official images' own published metadata, github.com/docker-library/repo-info,
// at commit 72e4be79b9c831d8da7d63a6ce871b20fc9e06c1. Its files describe the tags as they were
// built between 9 and 24 January 2023 (alpine 3.17.1, Debian 11 bullseye, Node.js 18.13.0,
// Python 3.11.1, nginx 1.23.3, Go 1.19.5): older than today's tags, but every digest and byte
// count below is one the registry really served for that tag then. A tag moves with each rebuild
// (`docker pull node:18-alpine` today gives other digests); a digest never does.
//
// Shared base layers are shared as they truly are: node:18-bullseye-slim and python:3.11-slim
// start with debian:bullseye-slim's one layer (sha256:8740c948…), node:18-alpine and
// nginx:1.23-alpine with alpine:3.17's (sha256:8921db27…), and node:18 and golang:1.19 with the
// four layers of buildpack-deps:bullseye-scm (sha256:bbeef03c…, f049f75f…, 56261d0e…, 9bd15067…).

const REPO_INFO = "https://github.com/docker-library/repo-info/blob/72e4be79b9c831d8da7d63a6ce871b20fc9e06c1/repos";

type CatalogueLayer = { digest: string; size: number; createdBy: string };
export type BaseImage = {
  /** As written after FROM, e.g. `node:18-alpine`. */
  ref: string;
  /** Fully qualified, as BuildKit prints it (`docker.io/library/node:18-alpine`). */
  canonical: string;
  summary: string;
  /** The repo-info file the figures come from. */
  source: string;
  /** The tag's manifest list (image index) digest: what `FROM name@sha256:…` pins. */
  indexDigest: string;
  /** The linux/amd64 image manifest's digest within that list. */
  manifestDigest: string;
  layers: CatalogueLayer[];
  /** The image's own config, inherited by the build (CMD, ENV, WORKDIR of the base). */
  config: { env: string[]; cmd?: string[]; entrypoint?: string[]; workingDir?: string; user?: string };
  /** Package manager the image ships, for the RUN size table. */
  packages: "apt" | "apk" | "none";
};

const PATH = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
const NODE_ENV = [PATH, "NODE_VERSION=18.13.0", "YARN_VERSION=1.22.19"];
const NODE_CONFIG = { env: NODE_ENV, cmd: ["node"], entrypoint: ["docker-entrypoint.sh"] };

/** debian:bullseye-slim, amd64 (Wed, 11 Jan 2023). */
const DEBIAN_SLIM: CatalogueLayer = { digest: "sha256:8740c948ffd4c816ea7ca963f99ca52f4788baa23f228da9581a9ea2edd3fcd7", size: 31_396_972, createdBy: "ADD file:e2398d0bf516084b2b37ba1bb76b86d56e66999831df692461679fbd6a5d8eb6 in /" };
/** alpine:3.17, amd64 (Mon, 09 Jan 2023). */
const ALPINE: CatalogueLayer = { digest: "sha256:8921db27df2831fa6eaa85321205a2470c669b855f3ec95d5a3c2b46de0442c9", size: 3_370_628, createdBy: "ADD file:e4d600fc4c9c293efe360be7b30ee96579925d1b4634c94332e2ec73f7d8eca1 in /" };
/** buildpack-deps:bullseye-scm (debian:bullseye + curl, gnupg, git…), under both node:18 and golang:1.19. */
const BUILDPACK_SCM: CatalogueLayer[] = [
  { digest: "sha256:bbeef03cda1f5d6c9e20c310c1c91382a6b0a1a2501c3436b28152f13896f082", size: 55_025_206, createdBy: "ADD file:917750a82b29f8f7f88a121017bd9dfeb0fbcc8f0697a009f08b6b58246eff4b in /" },
  { digest: "sha256:f049f75f014ee8fec2d4728b203c9cbee0502ce142aec030f874aa28359e25f1", size: 5_163_370, createdBy: "RUN set -eux; apt-get update; apt-get install -y --no-install-recommends ca-certificates curl netbase wget; rm -rf /var/lib/apt/lists/*" },
  { digest: "sha256:56261d0e6b05ece42650b14830960db5b42a9f23479d868256f91d96869ac0c2", size: 10_876_737, createdBy: "RUN set -ex; if ! command -v gpg > /dev/null; then apt-get update; apt-get install -y --no-install-recommends gnupg dirmngr; rm -rf /var/lib/apt/lists/*; fi" },
  { digest: "sha256:9bd150679dbdb02d9d4df4457d54211d6ee719ca7bc77747a7be4cd99ae03988", size: 54_583_611, createdBy: "RUN apt-get update && apt-get install -y --no-install-recommends git mercurial openssh-client subversion procps && rm -rf /var/lib/apt/lists/*" },
];

const CATALOGUE: BaseImage[] = [
  {
    ref: "alpine:3.17", canonical: "docker.io/library/alpine:3.17", packages: "apk",
    summary: "Alpine Linux 3.17: musl libc and busybox, the smallest general-purpose base.",
    source: `${REPO_INFO}/alpine/remote/3.17.md`,
    indexDigest: "sha256:f271e74b17ced29b915d351685fd4644785c6d1559dd1f2d4189a5e851ef753a",
    manifestDigest: "sha256:93d5a28ff72d288d69b5997b8ba47396d2cbb62a72b5d87cd3351094b5d578a0",
    layers: [ALPINE],
    config: { env: [PATH], cmd: ["/bin/sh"] },
  },
  {
    ref: "debian:bullseye-slim", canonical: "docker.io/library/debian:bullseye-slim", packages: "apt",
    summary: "Debian 11 without docs and man pages: glibc and apt.",
    source: `${REPO_INFO}/debian/remote/bullseye-slim.md`,
    indexDigest: "sha256:98d3b4b0cee264301eb1354e0b549323af2d0633e1c43375d0b25c01826b6790",
    manifestDigest: "sha256:1acb06a0c31fb467eb8327ad361f1091ab265e0bf26d452dea45dcb0c0ea5e75",
    layers: [DEBIAN_SLIM],
    config: { env: [PATH], cmd: ["bash"] },
  },
  {
    ref: "node:18-bullseye-slim", canonical: "docker.io/library/node:18-bullseye-slim", packages: "apt",
    summary: "Node.js 18 and npm on Debian slim.",
    source: `${REPO_INFO}/node/remote/18-bullseye-slim.md`,
    indexDigest: "sha256:bc946484118735406562f17c57ddf5fded436e175b6a51f827aa6540ba1e13de",
    manifestDigest: "sha256:4d3c393de4c2d05d461bcd6d304bccd1bac000cf0e5b293e13b520d2352d58c3",
    layers: [
      DEBIAN_SLIM,
      { digest: "sha256:29fd6e358874f4af6de55229f5daa98353c51a0c29ffc85fbee1555b0e1a8979", size: 4_185, createdBy: "RUN groupadd --gid 1000 node && useradd --uid 1000 --gid node --shell /bin/bash --create-home node" },
      { digest: "sha256:b74a2475a09f3754ea67a39014017acde44f36844f66bff5cccbc603ec8e5261", size: 45_492_847, createdBy: "RUN ARCH= && dpkgArch=\"$(dpkg --print-architecture)\" … curl -fsSLO --compressed \"https://nodejs.org/dist/v$NODE_VERSION/node-v$NODE_VERSION-linux-$ARCH.tar.xz\" … && node --version && npm --version" },
      { digest: "sha256:d67b4440ee9fdd24570c038938e0cab70bde130e9f16edb878517b035180676e", size: 2_766_290, createdBy: "RUN set -ex && … curl -fsSLO --compressed \"https://yarnpkg.com/downloads/$YARN_VERSION/yarn-v$YARN_VERSION.tar.gz\" … && yarn --version" },
      { digest: "sha256:de284590496fcfae0745d6aa5734136bba2e4f595bb4bc06f089b490fee8328b", size: 451, createdBy: "COPY file:4d192565a7220e135cab6c77fbc1c73211b69f3d9fb37e62857b2c6eb9363d51 in /usr/local/bin/" },
    ],
    config: NODE_CONFIG,
  },
  {
    ref: "node:18-alpine", canonical: "docker.io/library/node:18-alpine", packages: "apk",
    summary: "Node.js 18 and npm on Alpine 3.17 (musl: some native modules need rebuilding).",
    source: `${REPO_INFO}/node/remote/18-alpine.md`,
    indexDigest: "sha256:fda98168118e5a8f4269efca4101ee51dd5c75c0fe56d8eb6fad80455c2f5827",
    manifestDigest: "sha256:09faa7dabeae557cb6baff17be5b216fc4e3c9608aa04fe71695aad3d229a9c7",
    layers: [
      ALPINE,
      { digest: "sha256:0fa3bdf9cc11f3055e37f15ba4f29101e45a6266a6e7eee26ab92183908b19b4", size: 46_928_201, createdBy: "RUN addgroup -g 1000 node && adduser -u 1000 -G node -s /bin/sh -D node && apk add --no-cache libstdc++ && … node-v$NODE_VERSION-linux-$ARCH-musl.tar.xz … && node --version && npm --version" },
      { digest: "sha256:092122bdc81dfcba73d372e7bee1790d1b350c13ecbeef6f80d16f3351d12cc8", size: 2_354_554, createdBy: "RUN apk add --no-cache --virtual .build-deps-yarn curl gnupg tar && … yarn-v$YARN_VERSION.tar.gz … && yarn --version" },
      { digest: "sha256:bb654436a2bdf119a00dccfd2b2c4c8f6dd0a6fffb1139aea778bd98ebd86b95", size: 450, createdBy: "COPY file:4d192565a7220e135cab6c77fbc1c73211b69f3d9fb37e62857b2c6eb9363d51 in /usr/local/bin/" },
    ],
    config: NODE_CONFIG,
  },
  {
    ref: "node:18", canonical: "docker.io/library/node:18", packages: "apt",
    summary: "Node.js 18 on the full buildpack-deps:bullseye image: compilers, git and headers included (large).",
    source: `${REPO_INFO}/node/remote/18.md`,
    indexDigest: "sha256:d871edd5b68105ebcbfcde3fe8c79d24cbdbb30430d9bd6251c57c56c7bd7646",
    manifestDigest: "sha256:d9061fd0205c20cd47f70bdc879a7a84fb472b822d3ad3158aeef40698d2ce36",
    layers: [
      ...BUILDPACK_SCM,
      { digest: "sha256:5b282ee9da04b94adc14866f2da98baed3cdf897c27f7490b8d3b1ae1522ddc7", size: 196_877_237, createdBy: "RUN set -ex; apt-get update; apt-get install -y --no-install-recommends autoconf automake bzip2 dpkg-dev file g++ gcc imagemagick … make patch unzip xz-utils zlib1g-dev …; rm -rf /var/lib/apt/lists/*" },
      { digest: "sha256:8bc43c905b24c76f05269590f2a9971756515cf54cd1c59e87ed6f1f197f8ddf", size: 4_201, createdBy: "RUN groupadd --gid 1000 node && useradd --uid 1000 --gid node --shell /bin/bash --create-home node" },
      { digest: "sha256:5201db2cd6c6e6a1cb611884f264dbbcbbfdc49091d891e28ae332e8ade8674e", size: 45_008_913, createdBy: "RUN ARCH= && dpkgArch=\"$(dpkg --print-architecture)\" … node-v$NODE_VERSION-linux-$ARCH.tar.xz … && node --version && npm --version" },
      { digest: "sha256:2a7091f85153a0d40843e4009e0455af83c62c499f0c2754abe4e3a3b3f37cc0", size: 2_279_521, createdBy: "RUN set -ex && … yarn-v$YARN_VERSION.tar.gz … && yarn --version" },
      { digest: "sha256:2bcce6ea6105ab5bcfc37e6303d9064e3054735beaff5fe6ab0cc5b34fb61694", size: 451, createdBy: "COPY file:4d192565a7220e135cab6c77fbc1c73211b69f3d9fb37e62857b2c6eb9363d51 in /usr/local/bin/" },
    ],
    config: NODE_CONFIG,
  },
  {
    ref: "python:3.11-slim", canonical: "docker.io/library/python:3.11-slim", packages: "apt",
    summary: "CPython 3.11 and pip on Debian slim.",
    source: `${REPO_INFO}/python/remote/3.11-slim.md`,
    indexDigest: "sha256:3d260508893319ee271989fe16c0ddf13c710ec5ce1d0708cda7bc30da8389e7",
    manifestDigest: "sha256:f5bb52ea4db7c29a8f4253efaeae6ba2e69e435c1509368d4a774076b82e8f86",
    layers: [
      DEBIAN_SLIM,
      { digest: "sha256:69038a8b17e6522ee257591b4fedd33c5a44012d99fa761409aa2753414fdfc5", size: 1_076_311, createdBy: "RUN set -eux; apt-get update; apt-get install -y --no-install-recommends ca-certificates netbase tzdata; rm -rf /var/lib/apt/lists/*" },
      { digest: "sha256:96bad108ab967baa2295a18a5f53f06a0e4f7dd2420a5c711d58985f1211953c", size: 12_588_558, createdBy: "RUN set -eux; … wget -O python.tar.xz \"https://www.python.org/ftp/python/…/Python-$PYTHON_VERSION.tar.xz\"; … ./configure …; make install; … python3 --version" },
      { digest: "sha256:04705a785ae418378d0e11c7b318e2a6f1fb50543ed04ac23ba85dda544bba54", size: 234, createdBy: "RUN set -eux; for src in idle3 pydoc3 python3 python3-config; do … ln -svT \"$src\" \"/usr/local/bin/$dst\"; done" },
      { digest: "sha256:c3400bc300d4c3f142481111059337c31b6f6379233767c0ce66f5e917d2f503", size: 3_348_247, createdBy: "RUN set -eux; … wget -O get-pip.py \"$PYTHON_GET_PIP_URL\"; … python get-pip.py … \"pip==$PYTHON_PIP_VERSION\" \"setuptools==$PYTHON_SETUPTOOLS_VERSION\"; … pip --version" },
    ],
    config: { env: ["PATH=/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "LANG=C.UTF-8", "PYTHON_VERSION=3.11.1", "PYTHON_PIP_VERSION=22.3.1"], cmd: ["python3"] },
  },
  {
    ref: "nginx:1.23-alpine", canonical: "docker.io/library/nginx:1.23-alpine", packages: "apk",
    summary: "The nginx 1.23 web server on Alpine: serves static files from /usr/share/nginx/html.",
    source: `${REPO_INFO}/nginx/remote/1.23-alpine.md`,
    indexDigest: "sha256:659610aadb34b7967dea7686926fdcf08d588a71c5121edb094ce0e4cdbc45e6",
    manifestDigest: "sha256:c1b9fe3c0c015486cf1e4a0ecabe78d05864475e279638e9713eb55f013f907f",
    layers: [
      ALPINE,
      { digest: "sha256:83e90619bc2e4993eafde3a1f5caf5172010f30ba87bbc5af3d06ed5ed93a9e9", size: 1_799_089, createdBy: "RUN set -x && addgroup -g 101 -S nginx && adduser -S -D -H -u 101 … nginx && … apk add … nginx=${NGINX_VERSION}-r${PKG_RELEASE} … && mkdir /docker-entrypoint.d" },
      { digest: "sha256:d52adec6f48bc3fe2c544a2003a277d91d194b4589bb88d47f4cfa72eb16015d", size: 624, createdBy: "COPY file:7b307b62e82255f040c9812421a30090bf9abf3685f27b02d77fcca99f997911 in /" },
      { digest: "sha256:10eb2ce358fad29dd5edb0d9faa50ff455c915138fdba94ffe9dd88dbe855fbe", size: 957, createdBy: "COPY file:5c18272734349488bd0c94ec8d382c872c1a0a435cca13bd4671353d6021d2cb in /docker-entrypoint.d" },
      { digest: "sha256:a1be370d6a525bc0ae6cf9840a642705ae1b163baad16647fd44543102c08581", size: 772, createdBy: "COPY file:abbcbf84dc17ee4454b6b2e3cf914be88e02cf84d344ec45a5b31235379d722a in /docker-entrypoint.d" },
      { digest: "sha256:689b9959905b6f507f527ce377d7c742a553d2cda8d3529c3915fb4a95ad45bf", size: 1_404, createdBy: "COPY file:e57eef017a414ca793499729d80a7b9075790c9a804f930f1417e56d506970cf in /docker-entrypoint.d" },
      { digest: "sha256:c7a81ce22aacea2d1c67cfd6d3c335e4e14256b4ffb80bc052c3977193ba59ba", size: 11_489_841, createdBy: "RUN set -x && apkArch=\"$(cat /etc/apk/arch)\" && … nginx-module-xslt … nginx-module-njs=${NGINX_VERSION}.${NJS_VERSION}-r${PKG_RELEASE} … && apk add --no-cache curl ca-certificates" },
    ],
    config: { env: [PATH, "NGINX_VERSION=1.23.3", "PKG_RELEASE=1", "NJS_VERSION=0.7.9"], cmd: ["nginx", "-g", "daemon off;"], entrypoint: ["/docker-entrypoint.sh"] },
  },
  {
    ref: "golang:1.19", canonical: "docker.io/library/golang:1.19", packages: "apt",
    summary: "The Go 1.19 toolchain on buildpack-deps:bullseye-scm: a build stage, not something to ship.",
    source: `${REPO_INFO}/golang/remote/1.19.md`,
    indexDigest: "sha256:bb9811fad43a7d6fd2173248d8331b2dcf5ac9af20976b1937ecd214c5b8c383",
    manifestDigest: "sha256:a0b51fe882f269828b63e7f69e6925f85afc548cf7cf967ecbfbcce6afe6f235",
    layers: [
      ...BUILDPACK_SCM,
      { digest: "sha256:bfcb68b5bd105d3f88a2c15354cff6c253bedc41d83c1da28b3d686c37cd9103", size: 85_984_508, createdBy: "RUN set -eux; apt-get update; apt-get install -y --no-install-recommends g++ gcc libc6-dev make pkg-config; rm -rf /var/lib/apt/lists/*" },
      { digest: "sha256:f2cb106937a0f07be410ed8582e7d9a8dbfdaa33072fd6d15a11eca3b4cb90dd", size: 148_950_222, createdBy: "RUN set -eux; arch=\"$(dpkg --print-architecture)\"; … url='https://dl.google.com/go/go1.19.5.linux-amd64.tar.gz'; … tar -C /usr/local -xzf go.tgz; … go version" },
      { digest: "sha256:a84b8005c1782cb771645a32ea9798b29f749199af90aaf038a8847fc6f51a11", size: 155, createdBy: "RUN mkdir -p \"$GOPATH/src\" \"$GOPATH/bin\" && chmod -R 777 \"$GOPATH\"" },
    ],
    config: { env: ["PATH=/go/bin:/usr/local/go/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "GOLANG_VERSION=1.19.5", "GOPATH=/go"], cmd: ["bash"], workingDir: "/go" },
  },
];

const BY_REF = new Map(CATALOGUE.map((b) => [b.ref, b]));
/** Docker's own spellings of the same images: `docker.io/library/node:18-alpine`, `library/node:18-alpine`. */
function normalise(ref: string): string {
  return ref.replace(/^docker\.io\//, "").replace(/^library\//, "");
}

export function baseImage(ref: string): BaseImage | undefined {
  return BY_REF.get(normalise(ref));
}

export const BASE_IMAGE_REFS: readonly string[] = CATALOGUE.map((b) => b.ref);

/**
 * A base image's layers, with the registry's own blob digests and compressed sizes. Images built
 * on the same base share those layers' digests (debian slim under node and python, alpine under
 * node and nginx): a registry stores them once and a host pulls them once.
 */
export function baseLayers(image: BaseImage): CatalogueLayer[] {
  return image.layers.map((l) => ({ ...l }));
}

/** What `FROM name@sha256:…` pins and BuildKit prints (`node:18-alpine@sha256:…`): the tag's manifest-list digest. */
export function baseDigest(image: BaseImage): string {
  return image.indexDigest;
}
