import { useId, type InputHTMLAttributes, type ReactNode, type TextareaHTMLAttributes } from "react";

type Common = { label: string; error?: string; hint?: string };

const control =
  "mt-1 block w-full rounded-md border bg-white px-3 py-2 text-sm text-slate-900 shadow-sm placeholder:text-slate-500 focus:outline-2 focus:outline-offset-0 focus:outline-brand-600";

export function TextField({ label, error, hint, ...rest }: Common & InputHTMLAttributes<HTMLInputElement>) {
  return <Field label={label} error={error} hint={hint} render={(props) => <input {...props} {...rest} />} />;
}

export function TextAreaField({ label, error, hint, ...rest }: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return <Field label={label} error={error} hint={hint} render={(props) => <textarea {...props} {...rest} />} />;
}

type ControlProps = { id: string; "aria-invalid"?: boolean; "aria-describedby"?: string; className: string };

/** Label, control and message, wired together for screen readers: the same for every kind of control. */
function Field({ label, error, hint, render }: Common & { render: (props: ControlProps) => ReactNode }) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">{label}</label>
      {render({
        id,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": error ? `${id}-error` : hint ? `${id}-hint` : undefined,
        className: `${control} ${error ? "border-red-600" : "border-slate-300"}`,
      })}
      <FieldMessage id={id} error={error} hint={hint} />
    </div>
  );
}

function FieldMessage({ id, error, hint }: { id: string; error?: string; hint?: string }) {
  if (error) return <p id={`${id}-error`} className="mt-1 text-sm text-red-700">{error}</p>;
  if (hint) return <p id={`${id}-hint`} className="mt-1 text-sm text-slate-600">{hint}</p>;
  return null;
}
