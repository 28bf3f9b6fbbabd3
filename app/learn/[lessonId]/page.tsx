import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { LESSONS, lessonById, lessonView } from "@/lib/domain/learn";
import { pageContext } from "@/lib/server/auth/page-context";
import { getLessonProgress } from "@/lib/server/learn";
import { LessonPlayer } from "@/components/learn/lesson-player";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ lessonId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const lesson = lessonById((await params).lessonId);
  return lesson ? { title: lesson.title, description: lesson.summary } : {};
}

export default async function LessonPage({ params }: Props) {
  const lesson = lessonById((await params).lessonId);
  if (!lesson) notFound();
  const progress = await getLessonProgress({ ctx: await pageContext("/learn/[lessonId]", { lessonId: lesson.id }), input: { lessonId: lesson.id } });
  const index = LESSONS.indexOf(lesson);
  const next = LESSONS[index + 1];
  return (
    <LessonPlayer
      lesson={lessonView(lesson)}
      number={index + 1}
      initial={{ completedSteps: progress.completedSteps, designId: progress.designId }}
      next={next ? { id: next.id, title: next.title } : undefined}
    />
  );
}
