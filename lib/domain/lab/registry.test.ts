import { describe, expect, it } from "vitest";
import { deleteTag, ecrHost, emptyRegistry, immutableTagError, manifestSize, moveTag, push, reference, resolve, setTagMutability, createRepository, storedBytes, tagsByDigest } from "./registry";
import { SAMPLE_IMAGES } from "./samples";

const [v1, v2, worker] = SAMPLE_IMAGES;
const HOST = ecrHost("123456789012", "eu-west-1");
const sum = (layers: { size: number }[]) => layers.reduce((n, l) => n + l.size, 0);

describe("registry push", () => {
  it("uploads every layer the first time, and prints docker push's lines (top layer first)", () => {
    const r = push(emptyRegistry(HOST), v1, "shop/web", "v1");
    expect(r.ok).toBe(true);
    expect(r.bytesMoved).toBe(sum(v1.layers));
    expect(r.log[0]).toBe("The push refers to repository [123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop/web]");
    expect(r.log[1]).toBe(`${v1.layers.at(-1)!.digest.slice(7, 19)}: Pushed`);
    expect(r.log.at(-1)).toBe(`v1: digest: ${v1.digest} size: ${manifestSize(v1.layers)}`);
  });

  it("uploads only the layers the repository lacks: v2 moves its one changed layer", () => {
    const first = push(emptyRegistry(HOST), v1, "shop/web", "v1");
    const second = push(first.registry, v2, "shop/web", "v2");
    const changed = v2.layers.filter((l) => !v1.layers.some((o) => o.digest === l.digest));
    expect(changed).toHaveLength(1);
    expect(second.bytesMoved).toBe(changed[0].size);
    expect(second.bytesSkipped).toBe(sum(v2.layers) - changed[0].size);
    expect(second.lines.filter((l) => l.status === "Layer already exists")).toHaveLength(v2.layers.length - 1);
    expect(second.log.filter((l) => l.endsWith(": Layer already exists"))).toHaveLength(v2.layers.length - 1);
    // Each blob stored once in the repository.
    expect(storedBytes(second.registry.repositories["shop/web"])).toBe(sum(v1.layers) + changed[0].size);
  });

  it("keeps blobs per repository: the same base pushed to another repository is uploaded there again", () => {
    const a = push(emptyRegistry(HOST), v1, "shop/web", "v1");
    const b = push(a.registry, worker, "shop/worker", "v1");
    expect(b.bytesMoved).toBe(sum(worker.layers));
  });

  it("moves a tag on push; the old manifest stays reachable by digest", () => {
    const a = push(emptyRegistry(HOST), v1, "shop/web", "latest");
    const b = push(a.registry, v2, "shop/web", "latest");
    expect(b.ok && b.movedFrom).toBe(v1.digest);
    expect(resolve(b.registry, { repository: "shop/web", tag: "latest" })).toMatchObject({ ok: true, digest: v2.digest });
    expect(resolve(b.registry, { repository: "shop/web", digest: v1.digest })).toMatchObject({ ok: true, digest: v1.digest });
    expect(tagsByDigest(b.registry.repositories["shop/web"]).find((m) => m.digest === v1.digest)?.tags).toEqual([]);
  });

  it("refuses to overwrite a tag of an IMMUTABLE repository with ECR's text, after the layers were uploaded", () => {
    const reg = setTagMutability(createRepository(emptyRegistry(HOST), "shop/web"), "shop/web", "IMMUTABLE");
    const a = push(reg, v1, "shop/web", "v1");
    expect(a.ok).toBe(true);
    const b = push(a.registry, v2, "shop/web", "v1");
    expect(b.ok).toBe(false);
    if (b.ok) return;
    expect(b.error).toBe("tag invalid: The image tag 'v1' already exists in the 'shop/web' repository and cannot be overwritten because the repository is immutable.");
    expect(b.log.at(-1)).toBe(immutableTagError("v1", "shop/web"));
    expect(resolve(b.registry, { repository: "shop/web", tag: "v1" })).toMatchObject({ digest: v1.digest });
    expect(b.registry.repositories["shop/web"].blobs[v2.layers.at(-1)!.digest]).toBeDefined();
    // Even the same image again is refused, as ECR does for an existing tag.
    expect(push(a.registry, v1, "shop/web", "v1").ok).toBe(false);
    // A new tag is fine.
    expect(push(a.registry, v2, "shop/web", "v2").ok).toBe(true);
  });

  it("names the field when the repository or tag is not valid", () => {
    expect(push(emptyRegistry(HOST), v1, "Shop/Web", "v1")).toMatchObject({ ok: false, error: expect.stringMatching(/repository name/) });
    expect(push(emptyRegistry(HOST), v1, "shop/web", "-v1")).toMatchObject({ ok: false, error: expect.stringMatching(/tag/) });
  });
});

describe("tags and digests", () => {
  const two = () => push(push(emptyRegistry(HOST), v1, "shop/web", "v1").registry, v2, "shop/web", "v2").registry;

  it("moves a tag to a manifest the repository holds, without moving layers", () => {
    const r = moveTag(two(), "shop/web", "latest", v1.digest);
    expect(r.ok).toBe(true);
    const moved = moveTag(r.registry, "shop/web", "latest", v2.digest);
    expect(moved).toMatchObject({ ok: true, movedFrom: v1.digest });
    expect(resolve(moved.registry, { repository: "shop/web", tag: "latest" })).toMatchObject({ digest: v2.digest });
    expect(moveTag(two(), "shop/web", "latest", `sha256:${"9".repeat(64)}`)).toMatchObject({ ok: false, error: expect.stringMatching(/^manifest unknown/) });
  });

  it("refuses to move a tag in an IMMUTABLE repository", () => {
    const reg = setTagMutability(two(), "shop/web", "IMMUTABLE");
    expect(moveTag(reg, "shop/web", "v1", v2.digest)).toMatchObject({ ok: false, error: immutableTagError("v1", "shop/web") });
  });

  it("a digest reference always resolves to the same manifest, whatever the tags do", () => {
    let reg = moveTag(two(), "shop/web", "latest", v1.digest).registry;
    const pinned = { repository: "shop/web", digest: v1.digest } as const;
    expect(resolve(reg, pinned)).toMatchObject({ digest: v1.digest });
    reg = moveTag(reg, "shop/web", "latest", v2.digest).registry;
    expect(resolve(reg, pinned)).toMatchObject({ digest: v1.digest });
    expect(reference(reg, pinned)).toBe(`${HOST}/shop/web@${v1.digest}`);
    expect(reference(reg, { repository: "shop/web", tag: "latest" })).toBe(`${HOST}/shop/web:latest`);
  });

  it("deletes a tag; removing an image's last tag deletes the image, as ECR does", () => {
    const reg = moveTag(two(), "shop/web", "latest", v2.digest).registry;
    const a = deleteTag(reg, "shop/web", "latest");
    expect(a).toMatchObject({ ok: true, imageDeleted: false });
    expect(resolve(a.registry, { repository: "shop/web", digest: v2.digest }).ok).toBe(true);
    const b = deleteTag(a.registry, "shop/web", "v2");
    expect(b).toMatchObject({ ok: true, imageDeleted: true });
    expect(resolve(b.registry, { repository: "shop/web", digest: v2.digest })).toMatchObject({ ok: false, error: expect.stringMatching(/^manifest unknown/) });
    expect(deleteTag(b.registry, "shop/web", "nope")).toMatchObject({ ok: false, error: expect.stringMatching(/ImageNotFound/) });
    expect(resolve(b.registry, { repository: "other", tag: "v1" })).toMatchObject({ ok: false, error: expect.stringMatching(/RepositoryNotFoundException.*'123456789012'/) });
  });
});
