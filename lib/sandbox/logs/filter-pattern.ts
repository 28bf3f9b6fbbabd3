import { invalidParameter } from "./errors";

// CloudWatch Logs filter patterns, as FilterLogEvents matches them
// (https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntax.html):
// - terms, case-sensitive: `ERROR Exception` (every term), `"exact phrase"`, `-term` (none of
//   these), `?ERROR ?WARN` (any of these);
// - `%regex%` (a regular expression, searched in the message);
// - JSON patterns `{ $.level = "error" && $.latency > 100 }`: selectors `$.a.b[0]`, = and != on
//   strings (`*` a wildcard) and numbers, < > <= >= on numbers, IS TRUE / IS FALSE / IS NULL,
//   EXISTS / NOT EXISTS, && and || with parentheses. A message that is not JSON never matches.
// Space-delimited patterns (`[ip, user, ...]`) are not simulated: the sandbox refuses them plainly.

export type Matcher = (message: string) => boolean;

const invalid = () => invalidParameter("Invalid filter pattern");

export function compileFilterPattern(pattern: string | undefined): Matcher {
  const p = (pattern ?? "").trim();
  if (p === "") return () => true;
  if (p.startsWith("{")) {
    if (!p.endsWith("}")) throw invalid();
    const test = new JsonPatternParser(p.slice(1, -1)).parse();
    return (message) => {
      let doc: unknown;
      try {
        doc = JSON.parse(message);
      } catch {
        return false;
      }
      return typeof doc === "object" && doc !== null && test(doc);
    };
  }
  if (p.startsWith("[")) throw invalidParameter("Invalid filter pattern: space-delimited patterns are not simulated by the sandbox");
  if (p.length > 2 && p.startsWith("%") && p.endsWith("%")) {
    let re: RegExp;
    try {
      re = new RegExp(p.slice(1, -1));
    } catch {
      throw invalid();
    }
    return (message) => re.test(message);
  }
  return termMatcher(p);
}

function termMatcher(p: string): Matcher {
  const all: string[] = [];
  const none: string[] = [];
  const any: string[] = [];
  const re = /([-?]?)(?:"((?:[^"\\]|\\.)*)"|(\S+))/g;
  let consumed = 0;
  for (const m of p.matchAll(re)) {
    if (p.slice(consumed, m.index).trim() !== "") throw invalid();
    consumed = m.index + m[0].length;
    const term = m[2] !== undefined ? m[2].replace(/\\(.)/g, "$1") : m[3];
    if (m[3] !== undefined && m[3].includes('"')) throw invalid();
    (m[1] === "-" ? none : m[1] === "?" ? any : all).push(term);
  }
  if (p.slice(consumed).trim() !== "") throw invalid();
  return (message) => all.every((t) => message.includes(t)) && !none.some((t) => message.includes(t)) && (any.length === 0 || any.some((t) => message.includes(t)));
}

type Test = (doc: unknown) => boolean;
type Token = { kind: "punct" | "selector" | "string" | "number" | "word"; text: string };

class JsonPatternParser {
  private tokens: Token[];
  private at = 0;
  constructor(source: string) {
    this.tokens = tokenize(source);
  }

  parse(): Test {
    const t = this.or();
    if (this.at !== this.tokens.length) throw invalid();
    return t;
  }

  private peek() { return this.tokens[this.at]; }
  private next() {
    const t = this.tokens[this.at++];
    if (!t) throw invalid();
    return t;
  }
  private isPunct(text: string) { return this.peek()?.kind === "punct" && this.peek().text === text; }
  private isWord(text: string) { return this.peek()?.kind === "word" && this.peek().text.toUpperCase() === text; }

  private or(): Test {
    return this.chain("||", () => this.and(), (l, r) => (d) => l(d) || r(d));
  }

  private and(): Test {
    return this.chain("&&", () => this.primary(), (l, r) => (d) => l(d) && r(d));
  }

  /** `operand (op operand)*`, joined left to right. */
  private chain(op: string, operand: () => Test, join: (l: Test, r: Test) => Test): Test {
    let left = operand();
    while (this.isPunct(op)) {
      this.at++;
      left = join(left, operand());
    }
    return left;
  }

  private primary(): Test {
    if (this.isPunct("(")) {
      this.at++;
      const t = this.or();
      if (!this.isPunct(")")) throw invalid();
      this.at++;
      return t;
    }
    const sel = this.next();
    if (sel.kind !== "selector") throw invalid();
    const path = selectorPath(sel.text);
    const get = (d: unknown) => resolve(d, path);
    if (this.isWord("IS")) {
      this.at++;
      const what = this.next().text.toUpperCase();
      if (what === "TRUE") return (d) => get(d).value === true;
      if (what === "FALSE") return (d) => get(d).value === false;
      if (what === "NULL") return (d) => { const r = get(d); return r.found && r.value === null; };
      throw invalid();
    }
    if (this.isWord("EXISTS")) {
      this.at++;
      return (d) => get(d).found;
    }
    if (this.isWord("NOT")) {
      this.at++;
      if (!this.isWord("EXISTS")) throw invalid();
      this.at++;
      return (d) => !get(d).found;
    }
    const op = this.next();
    if (op.kind !== "punct" || !["=", "!=", "<", ">", "<=", ">="].includes(op.text)) throw invalid();
    const value = this.next();
    if (value.kind === "number") {
      const n = Number(value.text);
      const cmp: Record<string, (a: number) => boolean> = {
        "=": (a) => a === n, "!=": (a) => a !== n, "<": (a) => a < n, ">": (a) => a > n, "<=": (a) => a <= n, ">=": (a) => a >= n,
      };
      return (d) => { const v = get(d).value; return typeof v === "number" && cmp[op.text](v); };
    }
    if (value.kind !== "string" && value.kind !== "word") throw invalid();
    if (op.text !== "=" && op.text !== "!=") throw invalid();
    const re = new RegExp(`^${value.text.split("*").map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`, "s");
    const eq = (d: unknown) => { const v = get(d).value; return (typeof v === "string" || typeof v === "number" || typeof v === "boolean") && re.test(String(v)); };
    return op.text === "=" ? eq : (d) => get(d).found && !eq(d);
  }
}

function tokenize(source: string): Token[] {
  const out: Token[] = [];
  const re = /\s*(?:(&&|\|\||!=|<=|>=|[=<>()])|(\$(?:\.[\w-]+|\[\d+\])*)|"((?:[^"\\]|\\.)*)"|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)(?![\w*])|([^\s()=<>!&|"]+))/y;
  let m: RegExpExecArray | null;
  let at = 0;
  while (at < source.length && (re.lastIndex = at, (m = re.exec(source)))) {
    at = re.lastIndex;
    if (m[1]) out.push({ kind: "punct", text: m[1] });
    else if (m[2]) out.push({ kind: "selector", text: m[2] });
    else if (m[3] !== undefined) out.push({ kind: "string", text: m[3].replace(/\\(.)/g, "$1") });
    else if (m[4]) out.push({ kind: "number", text: m[4] });
    else if (m[5]) out.push({ kind: "word", text: m[5] });
  }
  if (source.slice(at).trim() !== "") throw invalid();
  return out;
}

function selectorPath(text: string): (string | number)[] {
  return [...text.slice(1).matchAll(/\.([\w-]+)|\[(\d+)\]/g)].map((m) => (m[1] !== undefined ? m[1] : Number(m[2])));
}

function resolve(doc: unknown, path: (string | number)[]): { found: boolean; value?: unknown } {
  let v: unknown = doc;
  for (const key of path) {
    if (v === null || typeof v !== "object") return { found: false };
    if (typeof key === "number" ? !Array.isArray(v) || key >= v.length : !Object.hasOwn(v, key)) return { found: false };
    v = (v as Record<string | number, unknown>)[key];
  }
  return { found: true, value: v };
}
