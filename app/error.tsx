"use client";

import { useEffect } from "react";
import Link from "next/link";
import { Button, buttonClass } from "@/components/ui/button";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <section role="alert" className="mx-auto max-w-xl rounded-xl border border-red-200 bg-white p-8 shadow-sm">
      <h1 className="text-xl font-semibold text-slate-900">Something went wrong</h1>
      <p className="mt-2 text-slate-700">
        Stevedore could not load this page. Your designs are safe; this is usually a database that is still starting or briefly unreachable.
      </p>
      {error.digest && <p className="mt-2 text-sm text-slate-600">Reference: <code className="font-mono">{error.digest}</code></p>}
      <div className="mt-6 flex gap-2">
        <Button variant="primary" onClick={reset}>Try again</Button>
        <Link href="/" className={buttonClass("secondary")}>All designs</Link>
      </div>
    </section>
  );
}
