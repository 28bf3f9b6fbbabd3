"use client";

import { TextField } from "@/components/ui/text-field";

export type PersonValues = { name: string; email: string; password: string; confirm: string };

export const MIN_PASSWORD = 12;

/** Problems the browser can tell before asking the server (which checks everything again). */
export function localProblems(v: PersonValues): Record<string, string> {
  const out: Record<string, string> = {};
  if (v.password.length < MIN_PASSWORD) out.password = `At least ${MIN_PASSWORD} characters`;
  else if (v.password !== v.confirm) out.confirm = "The two passwords differ";
  return out;
}

/** Name, email (fixed when an invitation names it) and the password twice. */
export function PersonFields({ values, onChange, errors, emailFixed }: {
  values: PersonValues; onChange: (v: PersonValues) => void; errors: Record<string, string>; emailFixed?: boolean;
}) {
  const set = (k: keyof PersonValues) => (e: { target: { value: string } }) => onChange({ ...values, [k]: e.target.value });
  return (
    <>
      <TextField label="Your name" autoComplete="name" value={values.name} onChange={set("name")} error={errors.name} required />
      <TextField label="Email" type="email" autoComplete="username" value={values.email} onChange={set("email")} error={errors.email} readOnly={emailFixed} required />
      <TextField label="Password" type="password" autoComplete="new-password" value={values.password} onChange={set("password")} error={errors.password} hint={`At least ${MIN_PASSWORD} characters.`} required />
      <TextField label="Password again" type="password" autoComplete="new-password" value={values.confirm} onChange={set("confirm")} error={errors.confirm} required />
    </>
  );
}
