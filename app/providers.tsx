"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import type { Person } from "@/lib/domain/access";
import { PersonProvider } from "@/components/auth/person-context";

/** One QueryClient per browser session (not per module), for the live views that poll. */
export function Providers({ person, children }: { person?: Person; children: ReactNode }) {
  const [client] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: 5_000, retry: 1 } } }));
  return (
    <QueryClientProvider client={client}>
      <PersonProvider person={person}>{children}</PersonProvider>
    </QueryClientProvider>
  );
}
