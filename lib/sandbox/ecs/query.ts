import { invalidParameter } from "./errors";
import type { ContainerInstance } from "../core/types";

// A useful subset of the cluster query language (memberOf constraints, ListContainerInstances
// filters): `attribute:<name> ==|!= value`, `attribute:<name> [not] in [a, b]`,
// `attribute:<name> [not] exists`, `ec2InstanceId ...`, joined with and/or (&&, ||) and
// parentheses. A trailing `*` in a value matches a prefix (t3.*).

type Tok = { kind: "word" | "op" | "punct"; text: string };
export type Predicate = (instance: ContainerInstance) => boolean;

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  const re = /\s*(==|!=|&&|\|\||[()[\],]|"[^"]*"|'[^']*'|[^\s()[\],=!&|]+)/y;
  let m: RegExpExecArray | null;
  let pos = 0;
  while (pos < src.length) {
    re.lastIndex = pos;
    m = re.exec(src);
    if (!m) break;
    pos = re.lastIndex;
    const t = m[1];
    if (["==", "!=", "&&", "||"].includes(t)) out.push({ kind: "op", text: t });
    else if ("()[],".includes(t)) out.push({ kind: "punct", text: t });
    else out.push({ kind: "word", text: t.replace(/^["']|["']$/g, "") });
  }
  if (src.slice(pos).trim() !== "") throw invalidParameter(`Invalid expression: ${src}`);
  return out;
}

function subjectValue(instance: ContainerInstance, subject: string): string | undefined {
  if (subject === "ec2InstanceId") return instance.ec2InstanceId;
  if (subject.startsWith("attribute:")) {
    const name = subject.slice("attribute:".length);
    const attr = instance.attributes.find((a) => a.name === name);
    return attr ? attr.value ?? "" : undefined;
  }
  throw invalidParameter(`Unsupported query subject '${subject}'.`);
}

const matches = (actual: string | undefined, pattern: string) =>
  actual !== undefined && (pattern.endsWith("*") ? actual.startsWith(pattern.slice(0, -1)) : actual === pattern);

export function parseQuery(src: string): Predicate {
  const toks = tokenize(src);
  let i = 0;
  const peek = () => toks[i];
  const take = () => toks[i++];
  const isWord = (text: string) => peek()?.kind === "word" && peek().text.toLowerCase() === text;
  const fail = (): never => { throw invalidParameter(`Invalid expression: ${src}`); };

  function list(): string[] {
    if (take()?.text !== "[") fail();
    const values: string[] = [];
    while (peek() && peek().text !== "]") {
      const t = take();
      if (t.kind !== "word") fail();
      values.push(t.text);
      if (peek()?.text === ",") take();
    }
    if (take()?.text !== "]") fail();
    return values;
  }

  function comparison(): Predicate {
    const s = take();
    if (!s || s.kind !== "word") return fail();
    const subject = s.text;
    subjectValue({ attributes: [], ec2InstanceId: "" } as unknown as ContainerInstance, subject);
    if (peek()?.text === "==" || peek()?.text === "!=") {
      const op = take().text;
      const v = take();
      if (!v || v.kind !== "word") return fail();
      return op === "==" ? (inst) => matches(subjectValue(inst, subject), v.text) : (inst) => !matches(subjectValue(inst, subject), v.text);
    }
    let negate = false;
    if (isWord("not")) { take(); negate = true; }
    if (isWord("in")) {
      take();
      const values = list();
      return (inst) => values.some((v) => matches(subjectValue(inst, subject), v)) !== negate;
    }
    if (isWord("exists")) {
      take();
      return (inst) => (subjectValue(inst, subject) !== undefined) !== negate;
    }
    return fail();
  }

  function factor(): Predicate {
    if (peek()?.text === "(") {
      take();
      const e = expr();
      if (take()?.text !== ")") fail();
      return e;
    }
    return comparison();
  }
  function term(): Predicate {
    let left = factor();
    while (peek() && (peek().text === "&&" || isWord("and"))) {
      take();
      const l = left, r = factor();
      left = (inst) => l(inst) && r(inst);
    }
    return left;
  }
  function expr(): Predicate {
    let left = term();
    while (peek() && (peek().text === "||" || isWord("or"))) {
      take();
      const l = left, r = term();
      left = (inst) => l(inst) || r(inst);
    }
    return left;
  }
  const result = expr();
  if (i !== toks.length) fail();
  return result;
}
