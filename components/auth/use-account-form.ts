"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import type { ActionResult } from "@/lib/actions/result";
import { submitAction } from "@/components/ui/form-issues";
import { signInWithPassword } from "./auth-client";
import { localProblems, type PersonValues } from "./person-fields";

/**
 * A form that creates an account (first-run setup, an invitation) and then signs in with the
 * password just chosen, through the same endpoint as the sign-in page, and goes to `then`.
 */
export function useAccountForm(initial: PersonValues, create: (v: PersonValues) => Promise<ActionResult<unknown>>, then: string) {
  const router = useRouter();
  const [values, setValues] = useState<PersonValues>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string>();
  const [pending, startTransition] = useTransition();

  function submit(e: FormEvent) {
    e.preventDefault();
    setFailure(undefined);
    const local = localProblems(values);
    setErrors(local);
    if (Object.keys(local).length) return;
    startTransition(async () => {
      if (!(await submitAction(() => create(values), setErrors, setFailure))) return;
      const signedIn = await signInWithPassword(values.email, values.password);
      router.replace(signedIn.ok ? then : "/sign-in");
      router.refresh();
    });
  }

  return { values, setValues, errors, failure, pending, submit };
}
