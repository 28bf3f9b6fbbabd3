import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { pageContext, setupPending } from "@/lib/server/auth/page-context";
import { setupTokenFile } from "@/lib/server/auth/setup";
import { AuthCard } from "@/components/auth/auth-card";
import { SetupForm } from "@/components/auth/setup-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Set up Stevedore" };

/** First run only: once an admin exists this page is gone (it sends everyone to sign in). */
export default async function SetupPage() {
  await pageContext("/setup");
  if (!(await setupPending())) redirect("/sign-in");
  return (
    <AuthCard
      title="Set up Stevedore"
      intro={<>Nobody can sign in yet. Create the first admin: they invite everyone else. The one-time setup token proves you run this server.</>}
    >
      <SetupForm tokenFile={setupTokenFile()} />
    </AuthCard>
  );
}
