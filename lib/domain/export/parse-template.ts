import { parseDocument, type CollectionTag, type ScalarTag } from "yaml";

// A CloudFormation template's text (JSON, or YAML with the short-form intrinsics) as the JSON
// CloudFormation itself reads: `!Ref X` → { Ref: X }, `!GetAtt A.B` → { "Fn::GetAtt": [A, B] },
// `!Sub`, `!Join`, … → { "Fn::Sub": … }. The tags are the YAML parser's own custom tags (scalar,
// sequence and mapping forms), so quoting, nesting and line numbers are the parser's.

export type TemplateIssue = { path: string; message: string; line?: number };

/** Short-form intrinsic function tags (CloudFormation User Guide, "Intrinsic function reference"). */
const FUNCTIONS = ["Base64", "Cidr", "FindInMap", "GetAtt", "GetAZs", "ImportValue", "Join", "Select", "Split", "Sub", "Transform", "And", "Equals", "If", "Not", "Or", "Length", "ToJsonString"];

const asJs = (v: unknown) => (v && typeof v === "object" && "toJSON" in v ? (v as { toJSON(): unknown }).toJSON() : v);

function tagsFor(name: string, key: string): (ScalarTag | CollectionTag)[] {
  const wrap = (v: unknown) => {
    if (name === "GetAtt" && typeof v === "string") {
      const dot = v.indexOf(".");
      return { [key]: dot < 0 ? [v] : [v.slice(0, dot), v.slice(dot + 1)] };
    }
    return { [key]: v };
  };
  return [
    { tag: `!${name}`, resolve: (s: string) => wrap(s) },
    { tag: `!${name}`, collection: "seq", resolve: (s) => wrap(asJs(s)) },
    { tag: `!${name}`, collection: "map", resolve: (s) => wrap(asJs(s)) },
  ];
}
const CUSTOM_TAGS = [...tagsFor("Ref", "Ref"), ...tagsFor("Condition", "Condition"), ...FUNCTIONS.flatMap((f) => tagsFor(f, `Fn::${f}`))];

/** Parses a template; `issues` name the line where the parser gives one. */
export function parseTemplate(text: string): { ok: true; template: Record<string, unknown> } | { ok: false; issues: TemplateIssue[] } {
  const trimmed = text.trimStart();
  if (trimmed.startsWith("{")) {
    try {
      return check(JSON.parse(text));
    } catch (e) {
      // JSON.parse names a position (or not); JSON is YAML, whose parser names a line.
      const at = /position (\d+)/.exec(String(e));
      const line = at ? text.slice(0, Number(at[1])).split("\n").length : parseDocument(text).errors[0]?.linePos?.[0].line;
      return { ok: false, issues: [{ path: line ? `line ${line}` : "(document)", message: `not valid JSON: ${(e as Error).message.split("\n")[0]}`, ...(line ? { line } : {}) }] };
    }
  }
  const doc = parseDocument(text, { customTags: CUSTOM_TAGS, version: "1.1", uniqueKeys: true });
  const problems = [...doc.errors, ...doc.warnings.filter((w) => w.code === "TAG_RESOLVE_FAILED")];
  if (problems.length) {
    return { ok: false, issues: problems.map((e) => ({ path: e.linePos ? `line ${e.linePos[0].line}` : "(document)", message: e.message.split("\n")[0], ...(e.linePos ? { line: e.linePos[0].line } : {}) })) };
  }
  return check(doc.toJS({ maxAliasCount: 100 }));
}

function check(v: unknown): { ok: true; template: Record<string, unknown> } | { ok: false; issues: TemplateIssue[] } {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return { ok: false, issues: [{ path: "(document)", message: "a template is a mapping with a Resources section" }] };
  const t = v as Record<string, unknown>;
  if (typeof t.Resources !== "object" || t.Resources === null) return { ok: false, issues: [{ path: "Resources", message: "the template has no Resources section" }] };
  return { ok: true, template: t };
}

/** True when a document reads as a CloudFormation template (its Resources have AWS:: types, or it names a template format version). */
export function looksLikeTemplate(text: string): boolean {
  return /AWSTemplateFormatVersion/.test(text) || /(^|\n)\s*"?Resources"?\s*:/.test(text) && /"?Type"?\s*:\s*"?AWS::/.test(text);
}
