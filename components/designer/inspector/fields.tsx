"use client";

import { createContext, useContext, useId, useState, type ReactNode } from "react";
import type { PathSegment } from "@/lib/domain/rules";
import { setField } from "@/lib/domain/designer";
import { useEditorStore } from "../store/context";

// Compact form controls for the inspector. Text edits commit on every keystroke (merged into
// one undo step per field by the history key), so findings update while typing.

const control = "mt-0.5 block w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900 focus:outline-2 focus:outline-offset-0 focus:outline-brand-600";

export function useSetField() {
  const store = useEditorStore();
  return (path: PathSegment[], value: unknown) => store.edit((d) => setField(d, path, value), { key: path.join(".") });
}

export const helpId = (id: string) => `${id}-help`;

/** What the form shows under a field's help text (its "Learn:" link); nothing by default. */
export const HelpFooter = createContext<ReactNode>(null);

/** A field's help text, and under it the form's footer for the field (kept out of aria-describedby). */
export function Help({ id, text }: { id?: string; text?: string }) {
  const footer = useContext(HelpFooter);
  if (!text) return null;
  return (
    <>
      <p id={id} className="mt-0.5 text-[11px] leading-snug text-slate-500">{text}</p>
      {footer}
    </>
  );
}

function Labelled({ label, id, children, error, help }: { label: string; id: string; children: ReactNode; error?: string; help?: string }) {
  return (
    <div>
      <label htmlFor={id} className="block text-xs font-medium text-slate-700">{label}</label>
      {children}
      <Help id={helpId(id)} text={help} />
      {error && <p className="mt-0.5 text-xs text-red-700" role="alert">{error}</p>}
    </div>
  );
}

/** A text input that keeps what the user types while the store value follows (e.g. on undo). */
export function TextInput(props: {
  label: string; value: string | undefined; onChange?: (v: string) => void; onCommit?: (v: string) => void;
  placeholder?: string; mono?: boolean; error?: string; list?: string; inputMode?: "numeric"; help?: string; invalid?: boolean;
}) {
  const id = useId();
  // While focused the input shows what is typed; otherwise the store value.
  const [text, setText] = useState("");
  const [focused, setFocused] = useState(false);
  return (
    <Labelled label={props.label} id={id} error={props.error} help={props.help}>
      <input
        id={id} value={focused ? text : props.value ?? ""} placeholder={props.placeholder} list={props.list} inputMode={props.inputMode}
        aria-invalid={props.error || props.invalid ? true : undefined} aria-describedby={props.help ? helpId(id) : undefined}
        className={`${control} ${props.mono ? "font-mono text-xs" : ""}`}
        onFocus={() => { setText(props.value ?? ""); setFocused(true); }}
        onBlur={() => { setFocused(false); props.onCommit?.(text); }}
        onKeyDown={(e) => { if (e.key === "Enter") props.onCommit?.(text); }}
        onChange={(e) => { setText(e.target.value); props.onChange?.(e.target.value); }}
      />
    </Labelled>
  );
}

/** Integer field: empty clears the value (ECS then applies its default). */
export function NumberInput({ label, value, onChange, placeholder, help, invalid }: {
  label: string; value: number | undefined; onChange: (v: number | undefined) => void; placeholder?: string; help?: string; invalid?: boolean;
}) {
  return (
    <TextInput
      label={label} value={value === undefined ? "" : String(value)} placeholder={placeholder} inputMode="numeric" help={help} invalid={invalid}
      onChange={(v) => {
        const t = v.trim();
        if (t === "") onChange(undefined);
        else if (/^-?\d+$/.test(t)) onChange(Number(t));
      }}
    />
  );
}

export function SelectInput<T extends string>({ label, value, options, onChange, emptyLabel, help, invalid }: {
  label: string; value: T | undefined; options: readonly T[] | readonly { value: T; label: string }[]; onChange: (v: T | undefined) => void; emptyLabel?: string;
  help?: string; invalid?: boolean;
}) {
  const id = useId();
  const opts = options.map((o) => (typeof o === "string" ? { value: o, label: o } : o));
  // A stored value outside the options (an imported name) stays visible rather than silently showing another.
  const missing = value !== undefined && value !== "" && !opts.some((o) => o.value === value);
  return (
    <Labelled label={label} id={id} help={help}>
      <select
        id={id} className={control} value={value ?? ""} aria-invalid={invalid ? true : undefined} aria-describedby={help ? helpId(id) : undefined}
        onChange={(e) => onChange((e.target.value || undefined) as T | undefined)}
      >
        {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
        {missing && <option value={value}>{value}</option>}
        {opts.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </Labelled>
  );
}

export function CheckboxInput({ label, checked, onChange, help }: { label: string; checked: boolean; onChange: (v: boolean) => void; help?: string }) {
  const id = useId();
  return (
    <div>
      <label className="flex items-center gap-2 text-sm text-slate-800">
        <input
          type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} className="h-4 w-4 accent-brand-700"
          aria-describedby={help ? helpId(id) : undefined}
        />
        {label}
      </label>
      <Help id={helpId(id)} text={help} />
    </div>
  );
}

export function Group({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="space-y-2 border-t border-slate-200 pt-3">
      <legend className="pr-2 text-xs font-semibold uppercase tracking-wide text-slate-500">{title}</legend>
      {children}
    </fieldset>
  );
}

export function SmallButton(props: { children: ReactNode; onClick: () => void; label?: string; tone?: "default" | "danger" }) {
  return (
    <button
      type="button" aria-label={props.label} onClick={props.onClick}
      className={`rounded px-2 py-1 text-xs font-medium ${props.tone === "danger" ? "text-red-700 hover:bg-red-50" : "text-brand-700 hover:bg-brand-50"}`}
    >
      {props.children}
    </button>
  );
}
