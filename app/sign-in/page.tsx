import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { pageContext } from "@/lib/server/auth/page-context";
import { ssoButtons } from "@/lib/server/sso";
import { AuthCard } from "@/components/auth/auth-card";
import { SignInForm } from "@/components/auth/sign-in-form";
import { SsoButtons } from "@/components/auth/sso-buttons";
import { safeNext } from "@/components/auth/auth-client";
import { Alert } from "@/components/ui/alert";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<{ next?: string; error?: string }> };

// Why a single sign-on came back here. Only these fixed texts are shown: the error in the URL
// picks one, so a crafted link cannot put words of its own on this page.
const SSO_ERRORS: Record<string, string> = {
  no_access: "Your identity provider's groups give you no access to Stevedore. Ask an admin to map one of your groups to a role.",
  provider_not_found: "That single sign-on provider is not enabled any more.",
  account_not_linked: "An account with your email exists, and your identity provider did not confirm the address. Sign in with your password.",
  email_not_found: "Your identity provider did not send an email address.",
  state_security_mismatch: "The sign-in was started in another browser or took too long. Try again.",
  state_mismatch: "The sign-in was started in another browser or took too long. Try again.",
  please_restart_the_process: "The sign-in was started in another browser or took too long. Try again.",
  access_denied: "Your identity provider refused the sign-in.",
};

export default async function SignInPage({ searchParams }: Props) {
  const ctx = await pageContext("/sign-in");
  const { next, error } = await searchParams;
  if (ctx.actor.kind === "person") redirect(safeNext(next));
  const providers = await ssoButtons(ctx.db);
  const intro = providers.length
    ? "Sign in with your company's single sign-on, or with the email and password you chose when you accepted your invitation."
    : "Use the email and password you chose when you accepted your invitation.";
  return (
    <AuthCard title="Sign in to Stevedore" intro={intro}>
      {error && (
        <div className="mb-4">
          <Alert tone="error" title="Single sign-on did not sign you in">{SSO_ERRORS[error] ?? `It failed (${error.slice(0, 60).replace(/[^\w-]/g, "")}). Try again, or ask an admin.`}</Alert>
        </div>
      )}
      <div className="space-y-6">
        <SsoButtons providers={providers} next={next} />
        <SignInForm next={next} />
      </div>
      <p className="mt-6 text-sm text-slate-600">No account? An admin invites people from the People page{providers.length ? ", or your single sign-on groups let you in" : ""}.</p>
    </AuthCard>
  );
}
