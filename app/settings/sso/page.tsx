import type { Metadata } from "next";
import { pageContext } from "@/lib/server/auth/page-context";
import { listSsoProviders } from "@/lib/server/sso";
import { SsoManager } from "@/components/settings/sso-manager";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Single sign-on" };

export default async function SsoSettingsPage() {
  const ctx = await pageContext("/settings/sso");
  const providers = await listSsoProviders({ ctx });
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Single sign-on</h1>
        <p className="mt-1 max-w-3xl text-slate-700">
          OpenID Connect providers (Okta, Google, Microsoft Entra ID, AWS IAM Identity Center, Keycloak, any issuer). A person who signs in
          with one gets the role their groups map to, set again at every sign-in; SSO creates people who are new.
        </p>
      </div>
      <SsoManager providers={providers} />
    </div>
  );
}
