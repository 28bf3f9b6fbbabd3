import { describe, expect, it } from "vitest";
import { build, emptyCache } from "./build";
import { emptyHost, pull, run, writeFile } from "./hosts";
import { ecrHost, emptyRegistry, moveTag, push } from "./registry";
import { SAMPLE_IMAGES } from "./samples";
import { restoreBench, restoreImages, restoreRegistryLab } from "./saved";
import { STARTER } from "./starter";

const [v1, v2] = SAMPLE_IMAGES;
const opts = { name: "shop/web", builtAt: "2026-12-08T03:00:00Z" };

function lab() {
  let registry = push(emptyRegistry(ecrHost("123456789012", "eu-west-1")), v1, "shop/web", "v1").registry;
  registry = push(registry, v2, "shop/web", "v2").registry;
  registry = moveTag(registry, "shop/web", "latest", v1.digest).registry;
  const pulled = pull(emptyHost("host-a"), registry, { repository: "shop/web", tag: "latest" }).host;
  const image = Object.keys(pulled.images)[0];
  const started = run(pulled, "web", image, { data: "/app/data" });
  const written = started.ok ? writeFile(started.host, "web", "/tmp/cache.bin", 2048) : undefined;
  return { registry, hosts: [written?.ok ? written.host : pulled, emptyHost("host-b")] };
}

describe("the lab kept in the browser", () => {
  it("brings back a bench whose cache makes the next build CACHED, as the build that made it left it", () => {
    const first = build(STARTER, emptyCache(), opts);
    const text = JSON.stringify({ state: STARTER, name: "shop/web", cache: first.cache, history: [STARTER] });
    const bench = restoreBench(text);
    expect(bench?.history).toEqual([STARTER]);
    const again = build(bench!.state, bench!.cache, opts);
    const fs = again.steps.filter((s) => s.keyword !== "FROM" && s.layer);
    expect(fs.length).toBeGreaterThan(0);
    expect(fs.every((s) => s.status === "cached")).toBe(true);
  });

  it("brings back the registry's tags and digests and each host's layers, containers and writable layers", () => {
    const saved = lab();
    const back = restoreRegistryLab(JSON.stringify(saved));
    expect(back).toEqual(saved);
    expect(back!.registry.repositories["shop/web"].tags).toEqual({ v1: v1.digest, v2: v2.digest, latest: v1.digest });
    expect(back!.hosts[0].containers[0].writableLayer).toEqual({ "/tmp/cache.bin": 2048 });
  });

  it("keeps the built images", () => {
    expect(restoreImages(JSON.stringify([v1]))).toEqual([{ ...v1 }].map(({ label: _label, ...image }) => image));
  });

  it.each([
    ["nothing kept", null],
    ["not JSON", "{\"state\": "],
    ["JSON of another shape", "[1, 2, 3]"],
    ["a bench without its cache", JSON.stringify({ state: STARTER, name: "shop/web", history: [] })],
    ["more builds than the lessons replay", JSON.stringify({ state: STARTER, name: "x", cache: emptyCache(), history: Array(9).fill(STARTER) })],
  ])("refuses a bench that does not fit (%s), so the lab starts fresh", (_, text) => {
    expect(restoreBench(text)).toBeUndefined();
  });

  it("refuses a registry whose tag points at a manifest it lacks, or hosts sharing a name", () => {
    const saved = lab();
    const dangling = structuredClone(saved);
    dangling.registry.repositories["shop/web"].tags.latest = `sha256:${"1".repeat(64)}`;
    expect(restoreRegistryLab(JSON.stringify(dangling))).toBeUndefined();
    expect(restoreRegistryLab(JSON.stringify({ ...saved, hosts: [saved.hosts[0], saved.hosts[0]] }))).toBeUndefined();
    expect(restoreRegistryLab(JSON.stringify({ ...saved, registry: { ...saved.registry, repositories: { other: saved.registry.repositories["shop/web"] } } }))).toBeUndefined();
    expect(restoreImages(JSON.stringify([{ ...v1, digest: "latest" }]))).toBeUndefined();
  });
});
