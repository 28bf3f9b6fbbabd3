import fc from "fast-check";
import { expect, it } from "vitest";
import { formatPath } from "./path";

// What the property tests of the importers (and of the sandbox endpoint) share: hostile values,
// one-place mutations of real documents, and the checks every failed import must pass. Test
// code only (fast-check is a devDependency).

export type Path = (string | number)[];

const isContainer = (v: unknown): v is Record<string | number, unknown> => typeof v === "object" && v !== null;

/** Every place in a JSON value: the path of each member and item, the root included (`[]`). */
export function placesOf(v: unknown, path: Path = [], out: Path[] = []): Path[] {
  out.push(path);
  if (Array.isArray(v)) v.forEach((x, i) => placesOf(x, [...path, i], out));
  else if (isContainer(v)) for (const [k, x] of Object.entries(v)) placesOf(x, [...path, k], out);
  return out;
}

/** `root` with the value at `path` changed by `change` (undefined deletes it); `root` itself is left alone. */
export function changeAt(root: unknown, path: Path, change: (old: unknown) => unknown): unknown {
  if (path.length === 0) return change(root);
  const [k, ...rest] = path;
  if (Array.isArray(root)) {
    const copy = root.slice();
    const next = changeAt(copy[k as number], rest, change);
    if (next === undefined && rest.length === 0) copy.splice(k as number, 1);
    else copy[k as number] = next;
    return copy;
  }
  const copy: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(root as Record<string, unknown>)) Object.defineProperty(copy, key, { value: v, enumerable: true, writable: true, configurable: true });
  const next = changeAt(copy[k], rest, change);
  if (next === undefined) delete copy[k];
  else Object.defineProperty(copy, k, { value: next, enumerable: true, writable: true, configurable: true });
  return copy;
}

/** Values of every JSON type, and the ones that commonly break readers. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom<unknown>(
    "", " ", "\u0000", "x".repeat(5000), "__proto__", "constructor", "-1", "1e400", "${HOME}", "\ud800",
    -1, 0, 0.5, 2 ** 53, -(2 ** 31), Number.MAX_VALUE, true, false, null, [], {}, [null], [[]], [{}],
    JSON.parse('{"__proto__": {"polluted": true}}'),
  ),
);

export type Mutation = { value: unknown; path: Path; kind: "replace" | "delete" | "add" };

/** `value` changed in one place: a member or item replaced by a hostile value or deleted, or an unknown member added. */
export function mutationOf(value: unknown): fc.Arbitrary<Mutation> {
  const places = placesOf(value);
  const objects = places.filter((p) => {
    let v: unknown = value;
    for (const k of p) v = (v as Record<string | number, unknown>)[k];
    return isContainer(v) && !Array.isArray(v);
  });
  return fc.oneof(
    // A null put in place means "not set": the same as deleting the member.
    fc.tuple(fc.constantFrom(...places), hostileValue).map(([path, x]): Mutation => ({ value: changeAt(value, path, () => x), path, kind: x === null ? "delete" : "replace" })),
    fc.constantFrom(...places.filter((p) => p.length > 0)).map((path): Mutation => ({ value: changeAt(value, path, () => undefined), path, kind: "delete" })),
    fc.tuple(fc.constantFrom(...objects), fc.string({ minLength: 1, maxLength: 12 }), hostileValue).map(([path, key, x]): Mutation => ({
      value: changeAt(value, [...path, key], () => x), path: [...path, key], kind: "add",
    })),
  );
}

/** `value` with null members and null items added at random places: "not set" changes nothing. */
export function withNullsAdded(value: unknown): fc.Arbitrary<unknown> {
  const places = placesOf(value).filter((p) => {
    let v: unknown = value;
    for (const k of p) v = (v as Record<string | number, unknown>)[k];
    return isContainer(v);
  });
  return fc.array(fc.tuple(fc.constantFrom(...places), fc.string({ minLength: 1, maxLength: 8 }), fc.nat()), { minLength: 1, maxLength: 8 })
    .map((adds) => {
      let out = value;
      // Deepest first: a null put into an array shifts the indices of the paths through it.
      for (const [path, key, at] of adds.sort((a, b) => b[0].length - a[0].length)) {
        out = changeAt(out, path, (node) => {
          if (Array.isArray(node)) {
            const copy = node.slice();
            copy.splice(at % (copy.length + 1), 0, null);
            return copy;
          }
          const obj = node as Record<string, unknown>;
          // A new member only: an existing one set to null would mean "not set", a different document.
          return Object.hasOwn(obj, key) ? obj : { ...obj, [key]: null };
        });
      }
      return out;
    });
}

const within = (inner: string, outer: string) => outer === "" || inner.startsWith(`${outer}.`) || inner.startsWith(`${outer}[`);

/**
 * Whether an issue's path names the changed place: the place itself, a field on the way to it
 * (a union or a parent that no longer fits), or a field inside what was put there. A deleted
 * member may also leave a required sibling of one of its ancestors missing (a describe answer
 * without its `taskDefinition` reads as a bare one without `family`).
 */
export function namesPlace(issuePath: string, m: Pick<Mutation, "path" | "kind">): boolean {
  if (m.path.length === 0) return true; // the whole document was replaced
  const at = formatPath(m.path);
  if (issuePath === at || within(at, issuePath) || within(issuePath, at)) return true;
  if (m.kind !== "delete") return false;
  const parent = issuePath.replace(/(\.[^.[]+|\[\d+\]|^[^.[]+)$/, "");
  return within(at, parent);
}

/** Freezes `v` all the way down, so an importer that writes to its input throws. */
export function deepFreeze<T>(v: T): T {
  if (isContainer(v) && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v)) deepFreeze(x);
  }
  return v;
}

/** What every failed import must be: at least one issue, each with a path and a message. */
export function expectIssues(issues: { path: string; message: string }[]): void {
  if (issues.length === 0) throw new Error("A failed import gave no issue");
  for (const i of issues) {
    if (typeof i.path !== "string" || i.path === "") throw new Error(`An issue without a path: ${JSON.stringify(i)}`);
    if (typeof i.message !== "string" || i.message.trim() === "") throw new Error(`An issue without a message: ${JSON.stringify(i)}`);
  }
}

type Issue = { path: string; message: string };
type Read<R> = ({ ok: true } & R) | { ok: false; issues: Issue[] };

/** An importer as its property tests drive it. */
export type ImporterUnderTest<R> = {
  /** Real documents it must read, to change in one place. */
  documents: unknown[];
  read(input: unknown): Read<R>;
  /** Checks what an accepted import writes back (no null; it reads again as the same). */
  rereads(result: { ok: true } & R): void;
  /** What an accepted import made, as text to compare: nulls added anywhere must not change it (omit where null means something else). */
  made?(result: { ok: true } & R): string;
};

/**
 * The property tests every importer passes: any JSON value gets an answer, never an exception;
 * a real document changed in one place is accepted, or refused naming that place, and the input
 * is never written to; nulls added anywhere mean "not set".
 */
export function importerProperties<R>(subject: ImporterUnderTest<R>, runs = { numRuns: Number(process.env.PROPERTY_RUNS ?? 300) }): void {
  const read = (input: unknown) => {
    const r = subject.read(deepFreeze(input));
    if (r.ok) subject.rereads(r);
    else expectIssues(r.issues);
    return r;
  };
  it("any JSON value: an answer, never an exception", () => {
    fc.assert(fc.property(hostileValue, (v) => { read(v); }), runs);
  });

  it("a real document changed in one place: accepted, or refused naming that place, the input untouched", () => {
    fc.assert(fc.property(fc.constantFrom(...subject.documents).chain(mutationOf), (m) => {
      const before = JSON.stringify(m.value);
      const r = read(m.value);
      expect(JSON.stringify(m.value)).toBe(before);
      if (!r.ok) for (const i of r.issues) expect(namesPlace(i.path, m), `${i.path} for a change at ${JSON.stringify(m.path)}`).toBe(true);
    }), runs);
  });

  const made = subject.made;
  if (made) {
    it("nulls added anywhere mean not set: the same result", () => {
      fc.assert(fc.property(fc.constantFrom(...subject.documents).chain((d) => fc.tuple(fc.constant(d), withNullsAdded(d))), ([d, withNulls]) => {
        const plain = subject.read(d);
        const r = subject.read(withNulls);
        expect(r.ok && made(r)).toBe(plain.ok && made(plain));
      }), runs);
    });
  }
}
