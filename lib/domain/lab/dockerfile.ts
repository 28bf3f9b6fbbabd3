import { DockerfileParser, type Instruction } from "dockerfile-ast";

// The Dockerfile as the lab's build reads it: dockerfile-ast parses (line continuations, JSON
// and shell forms, flags, `FROM … AS name`), this adapter keeps what the build needs, with the
// lines and columns an editor marks, and reports what Docker itself would refuse.
// Instructions: https://docs.docker.com/reference/dockerfile/

/** Every instruction the Dockerfile reference defines (MAINTAINER is deprecated but still parsed). */
const KNOWN = new Set([
  "ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE", "FROM", "HEALTHCHECK", "LABEL",
  "MAINTAINER", "ONBUILD", "RUN", "SHELL", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR",
]);

/** A place in the text, 1-based lines and columns as an editor shows them. */
export type SourceRange = { line: number; column: number; endLine: number; endColumn: number };

export type DockerfileDiagnostic = { range: SourceRange; message: string };

export type DockerInstruction = {
  keyword: string;
  /** Arguments without flags, quotes kept out of JSON form (`["node","a.js"]` → node, a.js). */
  args: string[];
  /** Flags such as `--from=build` (`from` → `build`), `--chown`, `--platform`. */
  flags: Record<string, string>;
  /** The arguments as written, continuation lines joined: what BuildKit's cache compares for RUN. */
  text: string;
  /** True when written in JSON (exec) form. */
  json: boolean;
  range: SourceRange;
};

export type ParsedDockerfile = { instructions: DockerInstruction[]; diagnostics: DockerfileDiagnostic[] };

const toRange = (r: { start: { line: number; character: number }; end: { line: number; character: number } }): SourceRange => ({
  line: r.start.line + 1, column: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1,
});

function jsonArgs(text: string): string[] | null {
  if (!text.trimStart().startsWith("[")) return null;
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) && parsed.every((a) => typeof a === "string") ? parsed : null;
  } catch { return null; }
}

const NEEDS_ARGS: Record<string, number> = { FROM: 1, RUN: 1, COPY: 2, ADD: 2, WORKDIR: 1, ENV: 1, ARG: 1, EXPOSE: 1, USER: 1, LABEL: 1 };

function flagsOf(instruction: Instruction): Record<string, string> {
  const withFlags = instruction as Instruction & { getFlags?: () => { getName(): string; getValue(): string | null }[] };
  const flags: Record<string, string> = {};
  for (const f of withFlags.getFlags?.() ?? []) flags[f.getName()] = f.getValue() ?? "";
  return flags;
}

export function parseDockerfile(source: string): ParsedDockerfile {
  const ast = DockerfileParser.parse(source);
  const instructions: DockerInstruction[] = [];
  const diagnostics: DockerfileDiagnostic[] = [];
  let sawFrom = false;
  for (const i of ast.getInstructions()) {
    const keyword = i.getKeyword();
    const range = toRange(i.getRange());
    const keywordRange = toRange(i.getInstructionRange());
    if (!KNOWN.has(keyword)) {
      diagnostics.push({ range: keywordRange, message: `Unknown instruction: ${i.getInstruction()}` });
      continue;
    }
    const flags = flagsOf(i);
    const raw = (i.getArgumentsContent() ?? "").trim();
    // getArgumentsContent keeps the flags; the cache text is the instruction as written without them.
    const text = raw.replace(/^(--[a-z-]+(=\S*)?\s+)+/i, "").trim();
    const json = jsonArgs(text);
    const args = json ?? i.getArguments().map((a) => a.getValue());
    const need = NEEDS_ARGS[keyword] ?? 0;
    if (args.length < need) {
      diagnostics.push({ range, message: need === 1 ? `${keyword} requires at least one argument` : `${keyword} requires at least two arguments` });
      continue;
    }
    if (keyword === "FROM") sawFrom = true;
    else if (!sawFrom && keyword !== "ARG") {
      diagnostics.push({ range: keywordRange, message: `No build stage in current context: ${keyword} before the first FROM` });
      continue;
    }
    instructions.push({ keyword, args, flags, text, json: json !== null, range });
  }
  if (!sawFrom && diagnostics.length === 0) {
    diagnostics.push({ range: { line: 1, column: 1, endLine: 1, endColumn: 1 }, message: "The Dockerfile has no FROM: every build stage starts from a base image (or scratch)" });
  }
  return { instructions, diagnostics };
}
