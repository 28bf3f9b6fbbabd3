"use client";

import { createContext, useContext, type ReactNode } from "react";
import { hasRole, type Person, type Role } from "@/lib/domain/access";

// The signed-in person, for client components that hide what the person's role cannot do. Only
// hiding: every action checks the role again on the server (lib/actions/run-action.ts).

const PersonContext = createContext<Person | undefined>(undefined);

export function PersonProvider({ person, children }: { person?: Person; children: ReactNode }) {
  return <PersonContext.Provider value={person}>{children}</PersonContext.Provider>;
}

export function usePerson(): Person | undefined {
  return useContext(PersonContext);
}

/** Whether the signed-in person's role includes `role`. */
export function useHasRole(role: Role): boolean {
  const person = usePerson();
  return person ? hasRole(person.role, role) : false;
}

/** Its children only for a person whose role includes `role`. */
export function IfRole({ role, children }: { role: Role; children: ReactNode }) {
  return useHasRole(role) ? <>{children}</> : null;
}
