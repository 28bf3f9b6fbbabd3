"use client";

import { acceptInviteAction } from "@/lib/actions/people";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { PersonFields } from "./person-fields";
import { useAccountForm } from "./use-account-form";

export function AcceptInviteForm({ token, email }: { token: string; email: string }) {
  const form = useAccountForm(
    { name: "", email, password: "", confirm: "" },
    (v) => acceptInviteAction({ token, name: v.name, password: v.password }),
    "/",
  );
  return (
    <form onSubmit={form.submit} noValidate className="space-y-4" aria-label="Create your account">
      <PersonFields values={form.values} onChange={form.setValues} errors={form.errors} emailFixed />
      {form.failure && <Alert tone="error">{form.failure}</Alert>}
      <Button type="submit" variant="primary" className="w-full" disabled={form.pending}>{form.pending ? "Creating…" : "Create account and sign in"}</Button>
    </form>
  );
}
