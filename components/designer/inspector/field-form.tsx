"use client";

import { createContext, useContext, useEffect, useMemo, useRef, type ReactNode } from "react";
import type { Design } from "@/lib/domain/design";
import type { Finding, PathSegment } from "@/lib/domain/rules";
import {
  fieldForPath, fieldPaths, findingNodeId, getAt, missingNamespaceFindings, pathKey, readField, writeField,
  type FieldContext, type FieldGroup, type FieldSpec, type Resolved,
} from "@/lib/domain/designer";
import { useEditor, useEditorStore } from "../store/context";
import { FieldConceptLink } from "@/components/learn/concept-link";
import { CheckboxInput, Help, HelpFooter, NumberInput, SelectInput, TextInput } from "./fields";
import { ListField, MapField, StringsField } from "./list-fields";
import { NetworkDatalist, useEnvironmentNetwork } from "../network-source";

// One generic form: the field-spec table of a kind (lib/domain/designer/fields) rendered with
// the findings that point at each field shown on it.

type FormCtx = {
  design: Design;
  r: Resolved;
  flagged: Map<string, Finding[]>;
  set: (base: PathSegment[], spec: FieldSpec, value: unknown) => void;
};
const Ctx = createContext<FormCtx | null>(null);
export const useForm = () => useContext(Ctx)!;

export function FieldForm({ groups, base, r, nodeId, children }: {
  groups: FieldGroup[]; base: PathSegment[]; r: Resolved; nodeId: string; children?: ReactNode;
}) {
  const store = useEditorStore();
  const design = useEditor((s) => s.history.present);
  const findings = useEditor((s) => s.findings);
  const focus = useEditor((s) => s.focus);
  const root = useRef<HTMLDivElement>(null);
  const resource = getAt(design, base) as Record<string, unknown>;
  const abs = useMemo(() => fieldPaths(groups, resource).map((p) => `${pathKey(base)}.${p}`), [groups, resource, base]);
  // What the validator cannot know: Service Connect namespaces the picked environment lacks.
  const network = useEnvironmentNetwork();
  const fromEnvironment = useMemo(() => (network.data ? missingNamespaceFindings(design, network.data.namespaces ?? []) : []), [network.data, design]);
  const flagged = useMemo(() => {
    const m = new Map<string, Finding[]>();
    for (const f of [...findings, ...fromEnvironment]) {
      if (findingNodeId(f) !== nodeId) continue;
      const key = fieldForPath(f.path, abs);
      if (key) m.set(key, [...(m.get(key) ?? []), f]);
    }
    return m;
  }, [findings, fromEnvironment, nodeId, abs]);

  // A finding clicked in Problems: open its group, scroll to the field and put the cursor in it.
  useEffect(() => {
    if (!focus || focus.nodeId !== nodeId || !root.current) return;
    const key = fieldForPath(focus.path, abs);
    if (!key) return;
    const el = root.current.querySelector<HTMLElement>(`[data-field-path="${CSS.escape(key)}"]`);
    if (!el) return;
    for (let d = el.closest("details"); d; d = d.parentElement?.closest("details") ?? null) d.open = true;
    el.scrollIntoView({ block: "center" });
    el.querySelector<HTMLElement>("input, select, textarea, button")?.focus();
  }, [focus, nodeId, abs]);

  const ctx: FormCtx = {
    design, r, flagged,
    set: (b, spec, value) => store.edit((d) => writeField(d, b, spec, value), { key: pathKey([...b, ...spec.path]) }),
  };
  return (
    <Ctx.Provider value={ctx}>
      <div ref={root} className="space-y-2" data-testid="field-form">
        {children}
        {groups.map((g) => {
          const hasIssue = [...flagged.keys()].some((k) => g.fields.some((f) => k.startsWith(`${pathKey([...base, ...f.path])}`)));
          return (
            <details key={g.title} open={!g.collapsed || hasIssue} className="group border-t border-slate-200 pt-2">
              <summary className="cursor-pointer select-none text-xs font-semibold uppercase tracking-wide text-slate-500 hover:text-slate-800">
                {g.title}
              </summary>
              <div className="mt-2 space-y-3">
                {g.fields.map((f) => <FieldView key={pathKey(f.path) + f.label} spec={f} base={base} resource={resource} />)}
              </div>
            </details>
          );
        })}
      </div>
    </Ctx.Provider>
  );
}

/** The findings on one field, under it. */
function FieldIssues({ list }: { list?: Finding[] }) {
  if (!list?.length) return null;
  return (
    <ul className="mt-1 space-y-0.5" data-testid="field-findings">
      {list.map((f, i) => (
        <li key={`${f.ruleId}-${i}`} className={`text-[11px] leading-snug ${f.severity === "error" ? "text-red-700" : f.severity === "warning" ? "text-amber-800" : "text-slate-600"}`}>
          {f.message}
        </li>
      ))}
    </ul>
  );
}

function tone(list?: Finding[]) {
  if (!list?.length) return "";
  return list.some((f) => f.severity === "error") ? "rounded-md bg-red-50 p-1.5 ring-1 ring-red-400" : "rounded-md bg-amber-50 p-1.5 ring-1 ring-amber-400";
}

/** One field of any type; `base` is the path of the object the spec's path is relative to. */
export function FieldView({ spec, base, resource, compact }: { spec: FieldSpec; base: PathSegment[]; resource: Record<string, unknown>; compact?: boolean }) {
  const form = useForm();
  const key = pathKey([...base, ...spec.path]);
  const issues = form.flagged.get(key);
  const value = readField(spec, resource);
  const help = compact ? undefined : spec.help;
  const set = (v: unknown) => form.set(base, spec, v);
  const invalid = !!issues?.length;
  const fieldCtx: FieldContext = { design: form.design, r: form.r, resource };
  if (spec.when && !spec.when(fieldCtx)) return null;
  let body: ReactNode;
  switch (spec.type) {
    case "text": {
      const listed = !!(spec.suggest || spec.choices);
      body = (
        <>
          {listed && <NetworkDatalist id={`suggest-${key}`} kind={spec.suggest} extra={spec.choices?.(fieldCtx)} />}
          <TextInput label={spec.label} value={value as string | undefined} mono={spec.mono} placeholder={spec.placeholder} help={help} invalid={invalid}
            list={listed ? `suggest-${key}` : undefined} onChange={(v) => set(spec.required ? v : v.trim() === "" ? undefined : v)} />
        </>
      );
      break;
    }
    case "intString": {
      const listId = spec.options ? `opts-${key}` : undefined;
      body = (
        <>
          {spec.options && <datalist id={listId}>{spec.options.map((o) => <option key={o} value={o} />)}</datalist>}
          <TextInput label={spec.label} value={value as string | undefined} list={listId} inputMode="numeric" placeholder={spec.placeholder} help={help} invalid={invalid}
            onChange={(v) => set(v.trim() || undefined)} />
        </>
      );
      break;
    }
    case "int":
      body = <NumberInput label={spec.label} value={value as number | undefined} placeholder={spec.placeholder} help={help} invalid={invalid}
        onChange={(v) => set(v ?? spec.fallback)} />;
      break;
    case "bool":
      body = <CheckboxInput label={spec.label} checked={(value as boolean | undefined) ?? spec.default ?? false} help={help} onChange={set} />;
      break;
    case "select": {
      const options = typeof spec.options === "function" ? spec.options(fieldCtx) : spec.options;
      body = <SelectInput label={spec.label} value={value as string | undefined} options={options} emptyLabel={spec.emptyLabel} help={help} invalid={invalid} onChange={set} />;
      break;
    }
    case "multi": {
      const list = (value as string[] | undefined) ?? [];
      body = (
        <fieldset aria-describedby={undefined}>
          <legend className="text-xs font-medium text-slate-700">{spec.label}</legend>
          <div className="mt-1 flex flex-wrap gap-3" role="group" aria-label={spec.label}>
            {spec.options.map((o) => (
              <CheckboxInput key={o} label={o} checked={list.includes(o)}
                onChange={(on) => set(on ? [...list, o] : list.filter((x) => x !== o))} />
            ))}
          </div>
          <Help text={help} />
        </fieldset>
      );
      break;
    }
    case "strings":
      body = <StringsField spec={spec} value={(value as string[] | undefined) ?? []} help={help} onChange={set} />;
      break;
    case "map":
      body = <MapField spec={spec} value={(value as Record<string, string> | undefined) ?? {}} help={help} onChange={set} />;
      break;
    case "list":
      body = <ListField spec={spec} base={[...base, ...spec.path]} items={(value as Record<string, unknown>[] | undefined) ?? []} ctx={fieldCtx} help={help} onChange={set} />;
      break;
  }
  // Under the help text of a form-level field: the concept (and lesson) that explains it.
  const learn = help ? <FieldConceptLink kind={form.r.kind} path={spec.path} /> : null;
  return (
    <div data-field-path={key} data-invalid={invalid || undefined} className={tone(issues)}>
      <HelpFooter.Provider value={learn}>{body}</HelpFooter.Provider>
      <FieldIssues list={issues} />
    </div>
  );
}
