import { Leaf, type Tree } from "./place";

// Writing HCL (Terraform's configuration syntax): quoted strings with HCL's escapes, lists,
// objects, raw expressions (references, var.x, jsonencode(...)) and nested blocks.

/** An HCL expression written as is: `aws_lb.web.arn`, `var.web_subnets`. */
export class Expr {
  constructor(readonly text: string) {}
}

/** A quoted HCL string: backslash escapes, and `${` / `%{` doubled so they stay literal text. */
export function hclString(s: string): string {
  const body = s
    .replace(/\\/g, "\\\\")
    .replace(/"/g, '\\"')
    .replace(/\n/g, "\\n")
    .replace(/\r/g, "\\r")
    .replace(/\t/g, "\\t")
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)
    .replace(/\$\{/g, () => "$${")
    .replace(/%\{/g, () => "%%{");
  return `"${body}"`;
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const pad = (depth: number) => "  ".repeat(depth);

/** An HCL value (attribute right-hand side). */
export function hclValue(v: unknown, depth = 0): string {
  if (v instanceof Expr) return v.text;
  if (v instanceof Leaf) return hclValue(v.value, depth);
  if (v === null || v === undefined) return "null";
  if (typeof v === "string") return hclString(v);
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (Array.isArray(v)) {
    if (v.length === 0) return "[]";
    if (v.every((x) => typeof x !== "object" || x instanceof Expr)) {
      const one = `[${v.map((x) => hclValue(x, depth)).join(", ")}]`;
      if (one.length <= 100) return one;
    }
    return `[\n${v.map((x) => `${pad(depth + 1)}${hclValue(x, depth + 1)},`).join("\n")}\n${pad(depth)}]`;
  }
  const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
  if (entries.length === 0) return "{}";
  return `{\n${entries.map(([k, x]) => `${pad(depth + 1)}${hclString(k)} = ${hclValue(x, depth + 1)}`).join("\n")}\n${pad(depth)}}`;
}

const isBlock = (v: unknown): v is Tree => typeof v === "object" && v !== null && !Array.isArray(v) && v.constructor === Object;
const isBlockList = (v: unknown): v is Tree[] => Array.isArray(v) && v.length > 0 && v.every(isBlock);

/** A block's body: attributes first (in the order given), then nested blocks. */
export function hclBody(tree: Tree, depth: number): string {
  const lines: string[] = [];
  const blocks: string[] = [];
  for (const [k, v] of Object.entries(tree)) {
    if (v === undefined) continue;
    if (isBlock(v)) blocks.push(hclBlock(k, [], v, depth));
    else if (isBlockList(v)) for (const b of v) blocks.push(hclBlock(k, [], b, depth));
    else lines.push(`${pad(depth)}${IDENT.test(k) ? k : hclString(k)} = ${hclValue(v, depth)}`);
  }
  return [...lines, ...blocks].join("\n");
}

export function hclBlock(type: string, labels: string[], tree: Tree, depth = 0): string {
  const head = [type, ...labels.map(hclString)].join(" ");
  const body = hclBody(tree, depth + 1);
  return body ? `${pad(depth)}${head} {\n${body}\n${pad(depth)}}` : `${pad(depth)}${head} {\n${pad(depth)}}`;
}

/** A `# ` comment line per line of text. */
export const hclComment = (text: string) => text.split("\n").map((l) => `# ${l}`.trimEnd()).join("\n");
