import type { Metadata } from "next";
import Link from "next/link";
import { LESSONS } from "@/lib/domain/learn";
import { pageContext } from "@/lib/server/auth/page-context";
import { listLessonProgress } from "@/lib/server/learn";
import { LearnNav } from "@/components/learn/learn-nav";
import { LessonCard } from "@/components/learn/lesson-card";

export const metadata: Metadata = { title: "Learn", description: "Hands-on lessons about containers and Amazon ECS, checked against your design and a built-in ECS sandbox." };
// Progress changes with every check.
export const dynamic = "force-dynamic";

export default async function LearnPage() {
  const progress = await listLessonProgress({ ctx: await pageContext("/learn") });
  return (
    <div className="space-y-8">
      <header className="space-y-3">
        <LearnNav current="lessons" />
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Learn ECS by doing</h1>
        <p className="max-w-3xl text-slate-700">
          Each lesson gives you a design to work on and checks every step — against ECS’s rules, or against the built-in sandbox, where
          you watch tasks start, crash and get replaced. New to containers? Read the{" "}
          <Link href="/learn/concepts" className="font-medium text-brand-700 underline-offset-2 hover:underline">concepts</Link> first.
        </p>
      </header>
      <ol className="grid gap-4 sm:grid-cols-2" aria-label="Lessons">
        {LESSONS.map((lesson, i) => (
          <li key={lesson.id}>
            <LessonCard
              number={i + 1}
              id={lesson.id}
              title={lesson.title}
              summary={lesson.summary}
              usesSandbox={lesson.steps.some((s) => s.check.kind === "sandbox")}
              completed={progress[lesson.id]?.completed ?? 0}
              total={lesson.steps.length}
            />
          </li>
        ))}
      </ol>
    </div>
  );
}
