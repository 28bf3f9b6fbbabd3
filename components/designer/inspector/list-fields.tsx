"use client";

import { useId } from "react";
import type { PathSegment } from "@/lib/domain/rules";
import type { FieldContext, FieldSpec } from "@/lib/domain/designer";
import { Help, SmallButton, TextInput } from "./fields";
import { FieldView } from "./field-form";
import { NetworkDatalist } from "../network-source";

type Of<T extends FieldSpec["type"]> = Extract<FieldSpec, { type: T }>;

function Header({ label, help }: { label: string; help?: string }) {
  return (
    <div>
      <p className="text-xs font-medium text-slate-700">{label}</p>
      <Help text={help} />
    </div>
  );
}

const without = <T,>(list: T[], i: number) => list.filter((_, j) => j !== i);

/** Item fields that take the whole row: ARNs and other long names, and nested lists. */
const wide = (f: FieldSpec) => (f.type === "text" && !!f.mono) || f.type === "list" || f.type === "strings";

/** A list of objects: each item renders the spec's item fields, compactly, with a remove button. */
export function ListField({ spec, base, items, ctx, help, onChange }: {
  spec: Of<"list">; base: PathSegment[]; items: Record<string, unknown>[]; ctx: FieldContext; help?: string; onChange: (v: unknown) => void;
}) {
  return (
    <div className="space-y-1.5" role="group" aria-label={spec.label}>
      <Header label={spec.label} help={help} />
      {items.map((item, i) => (
        <div key={i} className="rounded-md border border-slate-200 bg-slate-50 p-2" role="group" aria-label={`${spec.itemLabel} ${i + 1}`} data-testid="list-item">
          <div className="flex items-center justify-between">
            <span className="text-[11px] font-semibold text-slate-600">{spec.itemLabel} {i + 1}</span>
            <SmallButton tone="danger" label={`Remove ${spec.itemLabel.toLowerCase()} ${i + 1}`} onClick={() => onChange(without(items, i))}>Remove</SmallButton>
          </div>
          <div className="grid grid-cols-2 gap-x-2 gap-y-1.5">
            {spec.fields.filter((f) => !f.when || f.when({ ...ctx, resource: item })).map((f) => (
              <div key={f.path.join(".")} className={wide(f) ? "col-span-2" : ""}>
                <FieldView spec={f} base={[...base, i]} resource={item} compact />
              </div>
            ))}
          </div>
        </div>
      ))}
      <SmallButton label={`Add ${spec.itemLabel.toLowerCase()}`} onClick={() => onChange([...items, spec.newItem(ctx)])}>+ Add {spec.itemLabel.toLowerCase()}</SmallButton>
    </div>
  );
}

/** A list of strings (command arguments, subnets): one input per item. */
export function StringsField({ spec, value, help, onChange }: { spec: Of<"strings">; value: string[]; help?: string; onChange: (v: unknown) => void }) {
  const listId = useId();
  return (
    <div className="space-y-1" role="group" aria-label={spec.label}>
      <Header label={spec.label} help={help} />
      {spec.suggest && <NetworkDatalist id={listId} kind={spec.suggest} />}
      {value.map((v, i) => (
        <div key={i} className="grid grid-cols-[1fr_auto] items-end gap-1">
          <TextInput label={`${spec.itemLabel} ${i + 1}`} value={v} mono={spec.mono} list={spec.suggest ? listId : undefined} onChange={(t) => onChange(value.map((x, j) => (j === i ? t : x)))} />
          <SmallButton tone="danger" label={`Remove ${spec.itemLabel.toLowerCase()} ${i + 1}`} onClick={() => onChange(without(value, i))}>✕</SmallButton>
        </div>
      ))}
      <SmallButton label={`Add ${spec.itemLabel.toLowerCase()}`} onClick={() => onChange([...value, ""])}>+ Add {spec.itemLabel.toLowerCase()}</SmallButton>
    </div>
  );
}

/** A string map (log options, Docker labels) edited as key/value rows; order is kept. */
export function MapField({ spec, value, help, onChange }: { spec: Of<"map">; value: Record<string, string>; help?: string; onChange: (v: unknown) => void }) {
  const entries = Object.entries(value);
  const commit = (next: [string, string][]) => onChange(next.length ? Object.fromEntries(next) : undefined);
  const freshKey = () => {
    let n = entries.length + 1;
    while (`key${n}` in value) n++;
    return `key${n}`;
  };
  return (
    <div className="space-y-1" role="group" aria-label={spec.label}>
      <Header label={spec.label} help={help} />
      {entries.map(([k, v], i) => (
        <div key={i} className="grid grid-cols-[1fr_1fr_auto] items-end gap-1">
          <TextInput label={`${spec.keyLabel} ${i + 1}`} value={k} mono onChange={(t) => commit(entries.map((e, j) => (j === i ? [t, e[1]] : e)))} />
          <TextInput label={spec.valueLabel} value={v} mono onChange={(t) => commit(entries.map((e, j) => (j === i ? [e[0], t] : e)))} />
          <SmallButton tone="danger" label={`Remove ${spec.keyLabel.toLowerCase()} ${i + 1}`} onClick={() => commit(without(entries, i))}>✕</SmallButton>
        </div>
      ))}
      <SmallButton label={`Add ${spec.keyLabel.toLowerCase()}`} onClick={() => commit([...entries, [freshKey(), ""]])}>+ Add {spec.keyLabel.toLowerCase()}</SmallButton>
    </div>
  );
}
