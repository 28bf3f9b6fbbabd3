"use client";

import { useState } from "react";
import { completeSetupAction } from "@/lib/actions/setup";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { PersonFields } from "./person-fields";
import { useAccountForm } from "./use-account-form";

export function SetupForm({ tokenFile }: { tokenFile?: string }) {
  const [token, setToken] = useState("");
  const form = useAccountForm(
    { name: "", email: "", password: "", confirm: "" },
    (v) => completeSetupAction({ token, name: v.name, email: v.email, password: v.password }),
    "/people",
  );
  return (
    <form onSubmit={form.submit} noValidate className="space-y-4" aria-label="Create the first admin">
      <TextField
        label="Setup token" value={token} onChange={(e) => setToken(e.target.value)} error={form.errors.token} autoComplete="off" spellCheck={false} required autoFocus
        hint={`The server printed it to its log when it started${tokenFile ? `, and wrote it to ${tokenFile}` : ""}.`}
      />
      <PersonFields values={form.values} onChange={form.setValues} errors={form.errors} />
      {form.failure && <Alert tone="error">{form.failure}</Alert>}
      <Button type="submit" variant="primary" className="w-full" disabled={form.pending}>{form.pending ? "Creating…" : "Create admin and sign in"}</Button>
    </form>
  );
}
