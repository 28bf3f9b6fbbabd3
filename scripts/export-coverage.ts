// Regenerates the coverage table of lib/domain/export/COVERAGE.md from coverageTable() (the
// text around the table is kept): `npx tsx scripts/export-coverage.ts`.
import { readFileSync, writeFileSync } from "node:fs";
import { coverageTable } from "../lib/domain/export/mapping";

const file = new URL("../lib/domain/export/COVERAGE.md", import.meta.url);
const lines = readFileSync(file, "utf8").split("\n");
const start = lines.findIndex((l) => l.startsWith("| Design field"));
if (start < 0) throw new Error("COVERAGE.md has no coverage table");
let end = start;
while (end < lines.length && lines[end].startsWith("|")) end++;
writeFileSync(file, [...lines.slice(0, start), coverageTable(), ...lines.slice(end)].join("\n"));
