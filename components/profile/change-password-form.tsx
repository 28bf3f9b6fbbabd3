"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { changePassword } from "@/components/auth/auth-client";
import { MIN_PASSWORD } from "@/components/auth/person-fields";

/** Changing the password signs out every other browser; this one stays signed in. */
export function ChangePasswordForm() {
  const router = useRouter();
  const [v, setV] = useState({ current: "", next: "", confirm: "" });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [result, setResult] = useState<{ ok: boolean; message: string }>();
  const [pending, startTransition] = useTransition();
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => setV((o) => ({ ...o, [k]: e.target.value }));

  function submit(e: FormEvent) {
    e.preventDefault();
    setResult(undefined);
    const problems: Record<string, string> = {};
    if (v.next.length < MIN_PASSWORD) problems.next = `At least ${MIN_PASSWORD} characters`;
    else if (v.next !== v.confirm) problems.confirm = "The two passwords differ";
    setErrors(problems);
    if (Object.keys(problems).length) return;
    startTransition(async () => {
      const r = await changePassword(v.current, v.next);
      if (!r.ok) return setResult({ ok: false, message: r.message });
      setV({ current: "", next: "", confirm: "" });
      setResult({ ok: true, message: "Password changed. Every other session was signed out." });
      router.refresh();
    });
  }

  return (
    <form onSubmit={submit} noValidate className="max-w-md space-y-4" aria-label="Change password">
      <TextField label="Current password" type="password" autoComplete="current-password" value={v.current} onChange={set("current")} required />
      <TextField label="New password" type="password" autoComplete="new-password" value={v.next} onChange={set("next")} error={errors.next} hint={`At least ${MIN_PASSWORD} characters.`} required />
      <TextField label="New password again" type="password" autoComplete="new-password" value={v.confirm} onChange={set("confirm")} error={errors.confirm} required />
      {result && <Alert tone={result.ok ? "success" : "error"}>{result.message}</Alert>}
      <Button type="submit" variant="primary" disabled={pending}>{pending ? "Changing…" : "Change password"}</Button>
    </form>
  );
}
