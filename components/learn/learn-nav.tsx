import Link from "next/link";

/** Tabs of Learn mode: lessons, concepts, and the hands-on image lab (build, registry and hosts). */
export function LearnNav({ current }: { current: "lessons" | "concepts" | "lab" }) {
  const tab = (href: string, label: string, on: boolean) => (
    <Link
      href={href}
      aria-current={on ? "page" : undefined}
      className={`rounded-md px-3 py-1.5 text-sm font-medium ${on ? "bg-slate-800 text-white" : "text-slate-700 hover:bg-slate-100"}`}
    >
      {label}
    </Link>
  );
  return (
    <nav aria-label="Learn" className="flex gap-1">
      {tab("/learn", "Lessons", current === "lessons")}
      {tab("/learn/concepts", "Concepts", current === "concepts")}
      {tab("/learn/lab", "Image lab", current === "lab")}
    </nav>
  );
}
