"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { signOut } from "./auth-client";

export function SignOutButton() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <button
      type="button"
      className="rounded-md px-2.5 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100 disabled:opacity-60"
      disabled={pending}
      onClick={() => startTransition(async () => {
        await signOut();
        router.replace("/sign-in");
        router.refresh();
      })}
    >
      {pending ? "Signing out…" : "Sign out"}
    </button>
  );
}
