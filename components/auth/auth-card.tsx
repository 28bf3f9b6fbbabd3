import type { ReactNode } from "react";

/** The narrow card of the sign-in, setup and invite pages. */
export function AuthCard({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <section className="mx-auto max-w-md rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{title}</h1>
      {intro && <div className="mt-2 text-sm text-slate-700">{intro}</div>}
      <div className="mt-6">{children}</div>
    </section>
  );
}
