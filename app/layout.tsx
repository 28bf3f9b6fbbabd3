import type { Metadata } from "next";
import type { ReactNode } from "react";
import { Providers } from "./providers";
import { SiteHeader } from "@/components/shell/site-header";
import { currentPersonForShell } from "@/lib/server/auth/page-context";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Stevedore", template: "%s · Stevedore" },
  description: "Design, run and understand Amazon ECS workloads: clusters, task definitions and services, checked against ECS's rules before you deploy.",
  applicationName: "Stevedore",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const person = await currentPersonForShell();
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
          Skip to content
        </a>
        <Providers person={person}>
          <SiteHeader person={person} />
          <main id="main" className="mx-auto w-full max-w-6xl px-4 py-8 sm:px-6 lg:px-8">
            {children}
          </main>
        </Providers>
      </body>
    </html>
  );
}
