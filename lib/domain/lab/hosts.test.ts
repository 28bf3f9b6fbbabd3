import { describe, expect, it } from "vitest";
import { diskUsage, emptyHost, pull, replace, run, visibleFiles, writeFile } from "./hosts";
import { ecrHost, emptyRegistry, moveTag, push, reference } from "./registry";
import { SAMPLE_IMAGES } from "./samples";

const [v1, v2, worker] = SAMPLE_IMAGES;
const sum = (layers: { size: number }[]) => layers.reduce((n, l) => n + l.size, 0);
const registry = () => {
  let r = push(emptyRegistry(ecrHost("123456789012", "eu-west-1")), v1, "shop/web", "v1").registry;
  r = push(r, v2, "shop/web", "v2").registry;
  r = push(r, worker, "shop/worker", "v1").registry;
  return moveTag(r, "shop/web", "latest", v1.digest).registry;
};

describe("pull", () => {
  it("downloads every layer onto an empty host, and prints docker pull's lines", () => {
    const r = pull(emptyHost("host-a"), registry(), { repository: "shop/web", tag: "v1" });
    expect(r.ok && r.bytesDownloaded).toBe(sum(v1.layers));
    expect(r.ok && r.log[0]).toBe("v1: Pulling from shop/web");
    expect(r.ok && r.log.at(-1)).toMatch(/^Status: Downloaded newer image for 123456789012\.dkr\.ecr\.eu-west-1\.amazonaws\.com\/shop\/web:v1$/);
  });

  it("skips layers already on the host: shared base layers are downloaded once per host", () => {
    const reg = registry();
    const a = pull(emptyHost("host-a"), reg, { repository: "shop/web", tag: "v1" });
    const b = pull(a.host, reg, { repository: "shop/worker", tag: "v1" });
    const baseCount = v1.layers.filter((l) => worker.layers.some((w) => w.digest === l.digest)).length;
    expect(baseCount).toBe(5); // node:18-bullseye-slim's five layers
    expect(b.ok && b.alreadyThere).toBe(baseCount);
    expect(b.ok && b.log.filter((l) => l.endsWith(": Already exists"))).toHaveLength(baseCount);
    expect(b.ok && b.bytesDownloaded).toBe(sum(worker.layers.slice(baseCount)));
    expect(diskUsage(b.host).layers).toBe(sum(v1.layers) + sum(worker.layers.slice(baseCount)));
    // The other host has nothing yet: it downloads the base itself.
    const other = pull(emptyHost("host-b"), reg, { repository: "shop/worker", tag: "v1" });
    expect(other.ok && other.bytesDownloaded).toBe(sum(worker.layers));
  });

  it("is up to date when the reference resolves to the digest the host has; pulls again after the tag moved", () => {
    let reg = registry();
    const a = pull(emptyHost("host-a"), reg, { repository: "shop/web", tag: "latest" });
    const again = pull(a.host, reg, { repository: "shop/web", tag: "latest" });
    expect(again.ok && again.log.at(-1)).toMatch(/^Status: Image is up to date/);
    reg = moveTag(reg, "shop/web", "latest", v2.digest).registry;
    const moved = pull(a.host, reg, { repository: "shop/web", tag: "latest" });
    expect(moved.ok && moved.bytesDownloaded).toBe(v2.layers.at(-1)!.size);
  });

  it("fails with the registry's error for an unknown reference", () => {
    expect(pull(emptyHost("h"), registry(), { repository: "shop/web", tag: "v9" })).toMatchObject({ ok: false, error: expect.stringMatching(/manifest unknown/) });
  });
});

describe("containers", () => {
  const ready = () => {
    const reg = registry();
    const p = pull(emptyHost("host-a"), reg, { repository: "shop/web", tag: "v1" });
    const p2 = pull(p.host, reg, { repository: "shop/web", tag: "v2" });
    return { host: p2.host, v1ref: reference(reg, { repository: "shop/web", tag: "v1" }), v2ref: reference(reg, { repository: "shop/web", tag: "v2" }) };
  };

  it("needs the image on the host, and a free name", () => {
    const { host, v1ref } = ready();
    expect(run(emptyHost("b"), "web", v1ref)).toMatchObject({ ok: false, error: expect.stringMatching(/pull it/) });
    const a = run(host, "web", v1ref);
    expect(run(a.host, "web", v1ref)).toMatchObject({ ok: false, error: expect.stringMatching(/already in use/) });
  });

  it("loses files of the writable layer when the container is replaced", () => {
    const { host, v1ref, v2ref } = ready();
    let h = run(host, "web", v1ref).host;
    const w = writeFile(h, "web", "/app/tmp/session.json", 4_000);
    expect(w).toMatchObject({ ok: true, into: "writable layer" });
    h = w.host;
    expect(diskUsage(h).writable).toBe(4_000);
    const r = replace(h, "web", v2ref);
    expect(r).toMatchObject({ ok: true, lost: ["/app/tmp/session.json"], kept: [] });
    if (!r.ok) return;
    expect(visibleFiles(r.host, r.host.containers[0])).toEqual([]);
    expect(r.host.containers[0].image).toBe(v2ref);
    expect(diskUsage(r.host).writable).toBe(0);
  });

  it("keeps files written under a volume's mount path", () => {
    const { host, v1ref } = ready();
    let h = run(host, "web", v1ref, { uploads: "/app/uploads" }).host;
    h = writeFile(h, "web", "/app/uploads/cat.png", 250_000).host;
    h = writeFile(h, "web", "/app/uploads-not/x", 10).host;
    const r = replace(h, "web");
    expect(r).toMatchObject({ ok: true, lost: ["/app/uploads-not/x"], kept: ["/app/uploads/cat.png"] });
    if (!r.ok) return;
    expect(visibleFiles(r.host, r.host.containers[0])).toEqual([{ path: "/app/uploads/cat.png", bytes: 250_000, where: "volume uploads" }]);
    expect(diskUsage(r.host).volumes).toBe(250_000);
  });
});
