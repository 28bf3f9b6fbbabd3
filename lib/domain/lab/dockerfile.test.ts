import { describe, expect, it } from "vitest";
import { parseDockerfile } from "./dockerfile";

describe("parseDockerfile", () => {
  it("keeps instructions with their lines, flags, JSON form and joined continuation lines", () => {
    const p = parseDockerfile("# syntax=docker/dockerfile:1\nFROM node:18-alpine AS build\nRUN apt-get update && \\\n    apt-get install -y curl\nCOPY --from=build --chown=node:node /app/dist ./dist\nCMD [\"node\", \"dist/index.js\"]\n");
    expect(p.diagnostics).toEqual([]);
    expect(p.instructions.map((i) => [i.keyword, i.range.line, i.range.endLine])).toEqual([["FROM", 2, 2], ["RUN", 3, 4], ["COPY", 5, 5], ["CMD", 6, 6]]);
    expect(p.instructions[0].args).toEqual(["node:18-alpine", "AS", "build"]);
    expect(p.instructions[1].text).toBe("apt-get update &&     apt-get install -y curl");
    expect(p.instructions[2]).toMatchObject({ flags: { from: "build", chown: "node:node" }, args: ["/app/dist", "./dist"], text: "/app/dist ./dist" });
    expect(p.instructions[3]).toMatchObject({ json: true, args: ["node", "dist/index.js"] });
  });

  it("reports an unknown instruction on its keyword, and goes on", () => {
    const p = parseDockerfile("FROM alpine:3.17\nCOPPY . .\nRUN echo ok\n");
    expect(p.diagnostics).toEqual([{ range: { line: 2, column: 1, endLine: 2, endColumn: 6 }, message: "Unknown instruction: COPPY" }]);
    expect(p.instructions.map((i) => i.keyword)).toEqual(["FROM", "RUN"]);
  });

  it("reports missing arguments, instructions before FROM and a Dockerfile without FROM", () => {
    expect(parseDockerfile("FROM alpine:3.17\nCOPY onlyone\n").diagnostics[0]).toMatchObject({ range: { line: 2 }, message: "COPY requires at least two arguments" });
    expect(parseDockerfile("RUN echo\nFROM alpine:3.17\n").diagnostics[0]).toMatchObject({ range: { line: 1 }, message: expect.stringMatching(/before the first FROM/) });
    expect(parseDockerfile("ARG V=1\nFROM alpine:$V\n").diagnostics).toEqual([]);
    expect(parseDockerfile("# nothing\n").diagnostics[0].message).toMatch(/no FROM/);
  });
});
