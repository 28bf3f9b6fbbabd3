import Link from "next/link";
import type { Metadata } from "next";
import { buttonClass } from "@/components/ui/button";

export const metadata: Metadata = { title: "Not found" };

export default function NotFound() {
  return (
    <section className="mx-auto max-w-xl rounded-xl border border-slate-200 bg-white p-8 text-center shadow-sm">
      <p className="text-sm font-semibold text-brand-700">404</p>
      <h1 className="mt-1 text-2xl font-semibold text-slate-900">Nothing is moored here</h1>
      <p className="mt-2 text-slate-700">
        The page or design you asked for does not exist. It may have been deleted, or the link is mistyped.
      </p>
      <Link href="/" className={`${buttonClass("primary")} mt-6`}>Back to designs</Link>
    </section>
  );
}
