import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { exportCdk } from "./cdk";
import { scaledDesign } from "./test-designs";
import { zipFiles } from "./zip";

const dir = mkdtempSync(join(tmpdir(), "stevedore-zip-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("zipFiles", () => {
  it("writes an archive unzip lists and extracts byte for byte, under one folder, dated as asked", () => {
    const files = exportCdk(scaledDesign(), { name: "shop" }).files;
    const zip = join(dir, "shop-cdk.zip");
    writeFileSync(zip, zipFiles(files, "shop-cdk", new Date(Date.UTC(2026, 11, 7, 12, 30, 0))));
    const list = spawnSync("unzip", ["-Z1", zip], { encoding: "utf8" });
    expect(list.status).toBe(0);
    expect(list.stdout.trim().split("\n")).toEqual(files.map((f) => `shop-cdk/${f.path}`));
    const test = spawnSync("unzip", ["-t", zip], { encoding: "utf8" });
    expect(test.stdout).toContain("No errors detected");
    for (const f of files) {
      const out = spawnSync("unzip", ["-p", zip, `shop-cdk/${f.path}`], { encoding: "utf8" });
      expect(out.stdout).toBe(f.text);
    }
    const verbose = spawnSync("unzip", ["-Z", "-T", zip], { encoding: "utf8" }).stdout;
    expect(verbose).toMatch(/20261207\.\d{6}/);
  });
});
