import { describe, expect, it } from "vitest";
import { baseDigest, baseImage, baseLayers, BASE_IMAGE_REFS } from "./base-images";

// "Total Size" of each tag's linux/amd64 image as docker-library/repo-info states it
// (commit 72e4be79b9c831d8da7d63a6ce871b20fc9e06c1, repos/<name>/remote/<tag>.md): the sum of
// the compressed layer sizes, so a mistyped layer size shows here.
const TOTAL_BYTES: Record<string, number> = {
  "alpine:3.17": 3_370_628,
  "debian:bullseye-slim": 31_396_972,
  "node:18-bullseye-slim": 79_660_745,
  "node:18-alpine": 52_653_833,
  "node:18": 369_819_247,
  "python:3.11-slim": 48_410_322,
  "nginx:1.23-alpine": 16_663_315,
  "golang:1.19": 360_583_809,
};

describe("the base image catalogue", () => {
  it("has exactly the tags whose totals repo-info states, each adding up to that total", () => {
    expect([...BASE_IMAGE_REFS].sort()).toEqual(Object.keys(TOTAL_BYTES).sort());
    for (const ref of BASE_IMAGE_REFS) {
      const image = baseImage(ref)!;
      expect(baseLayers(image).reduce((n, l) => n + l.size, 0), ref).toBe(TOTAL_BYTES[ref]);
      expect(image.source).toMatch(/^https:\/\/github\.com\/docker-library\/repo-info\/blob\/72e4be79b9c831d8da7d63a6ce871b20fc9e06c1\/repos\//);
    }
  });

  it("uses well-formed, distinct sha256 digests for layers, manifests and indexes", () => {
    const all = BASE_IMAGE_REFS.map((r) => baseImage(r)!);
    for (const d of all.flatMap((i) => [i.indexDigest, i.manifestDigest, ...i.layers.map((l) => l.digest)])) expect(d).toMatch(/^sha256:[0-9a-f]{64}$/);
    const manifests = all.flatMap((i) => [i.indexDigest, i.manifestDigest]);
    expect(new Set(manifests).size).toBe(manifests.length);
    // A layer digest names its content: one digest, one size, wherever it appears.
    const sizes = new Map<string, number>();
    for (const l of all.flatMap((i) => i.layers)) {
      expect(sizes.get(l.digest) ?? l.size, l.digest).toBe(l.size);
      sizes.set(l.digest, l.size);
    }
  });

  it("shares base layers as the real images do", () => {
    const first = (ref: string, n = 1) => baseImage(ref)!.layers.slice(0, n).map((l) => l.digest);
    expect(first("node:18-bullseye-slim")).toEqual(first("debian:bullseye-slim"));
    expect(first("python:3.11-slim")).toEqual(first("debian:bullseye-slim"));
    expect(first("node:18-alpine")).toEqual(first("alpine:3.17"));
    expect(first("nginx:1.23-alpine")).toEqual(first("alpine:3.17"));
    expect(first("node:18", 4)).toEqual(first("golang:1.19", 4));
    expect(baseImage("node:18")!.layers[4].digest).not.toBe(baseImage("golang:1.19")!.layers[4].digest);
  });

  it("resolves Docker's other spellings and pins the tag's manifest-list digest", () => {
    const alpine = baseImage("docker.io/library/alpine:3.17")!;
    expect(baseImage("library/alpine:3.17")).toBe(alpine);
    expect(baseDigest(alpine)).toBe("sha256:f271e74b17ced29b915d351685fd4644785c6d1559dd1f2d4189a5e851ef753a");
    expect(baseImage("alpine:3.20")).toBeUndefined();
  });
});
