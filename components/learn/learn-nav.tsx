import Link from "next/link";

/** Tabs between the two halves of Learn mode. */
export function LearnNav({ current }: { current: "lessons" | "concepts" }) {
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
    </nav>
  );
}
