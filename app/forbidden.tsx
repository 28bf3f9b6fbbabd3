import Link from "next/link";
import { withArticle } from "@/lib/domain/access";
import { currentPersonForShell } from "@/lib/server/auth/page-context";
import { buttonClass } from "@/components/ui/button";

/** A page the signed-in person's role does not allow (forbidden() in pageContext): 403. */
export default async function Forbidden() {
  const person = await currentPersonForShell();
  return (
    <section role="alert" className="mx-auto max-w-xl rounded-xl border border-amber-200 bg-white p-8 shadow-sm">
      <h1 className="text-xl font-semibold text-slate-900">Not for your role</h1>
      <p className="mt-2 text-slate-700">
        This page needs a role you do not have{person ? <> (you are {withArticle(person.role)})</> : null}. Ask an admin if you need it.
      </p>
      <div className="mt-6"><Link href="/" className={buttonClass("secondary")}>All designs</Link></div>
    </section>
  );
}
