import { join } from "node:path";

// The people the e2e tests sign in as: the admin comes from STEVEDORE_ADMIN_EMAIL and
// STEVEDORE_ADMIN_PASSWORD (playwright.config.ts gives them to the server); the global setup
// invites the editor and the viewer through the People page and saves each one's signed-in
// browser state under e2e/.auth (git-ignored).

export const AUTH_DIR = join(__dirname, ".auth");
export const E2E_PASSWORD = "e2e password for every role";

export const E2E_PEOPLE = {
  admin: { email: "e2e-admin@stevedore.test", name: "E2E Admin" },
  editor: { email: "e2e-editor@stevedore.test", name: "E2E Editor" },
  viewer: { email: "e2e-viewer@stevedore.test", name: "E2E Viewer" },
} as const;

export type E2ERole = keyof typeof E2E_PEOPLE;

export const storageStateOf = (role: E2ERole) => join(AUTH_DIR, `${role}.json`);
