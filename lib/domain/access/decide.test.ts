import { describe, expect, it } from "vitest";
import { ANONYMOUS, systemActor, type Actor } from "./actor";
import { decide } from "./decide";
import { ACTION_PERMISSIONS, PAGE_PERMISSIONS, ROUTE_PERMISSIONS } from "./permissions";
import { ROLES, hasRole, type Role } from "./roles";

const as = (role: Role): Actor => ({ kind: "person", person: { id: "p", email: "p@example.com", name: "P", role, groups: [] }, sessionId: "s" });

describe("roles", () => {
  it("each includes the ones before it", () => {
    expect(ROLES.map((r) => ROLES.filter((required) => hasRole(r, required)))).toEqual([["viewer"], ["viewer", "editor"], ["viewer", "editor", "admin"]]);
  });
});

describe("decide", () => {
  it("lets anyone through where no sign-in is needed", () => {
    expect(decide(ANONYMOUS, { who: "anyone", why: "health" })).toBeUndefined();
  });

  it("asks nobody-signed-in to sign in, and refuses a lower role with both roles named", () => {
    const req = { who: "editor", does: "changing designs" } as const;
    expect(decide(ANONYMOUS, req)).toEqual({ code: "UNAUTHENTICATED", message: "Sign in first: changing designs needs a signed-in editor." });
    expect(decide(as("viewer"), req)).toEqual({
      code: "FORBIDDEN",
      message: "Changing designs needs the editor role; you are a viewer. Ask an admin to change your role.",
    });
    expect(decide(as("editor"), req)).toBeUndefined();
    expect(decide(as("admin"), req)).toBeUndefined();
  });

  it("never authorises the server's own actor as a request", () => {
    expect(decide(systemActor("monitor"), { who: "viewer", does: "reading designs" })).toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("the permission tables", () => {
  it("say what each entry is for", () => {
    for (const req of [...Object.values(ACTION_PERMISSIONS), ...Object.values(ROUTE_PERMISSIONS), ...Object.values(PAGE_PERMISSIONS)]) {
      expect((req.who === "anyone" ? req.why : req.does).length).toBeGreaterThan(3);
    }
  });

  it("keep people and environments to admins", () => {
    for (const name of ["invitePersonAction", "changeRoleAction", "removePersonAction", "createEnvironmentAction", "deleteEnvironmentAction"] as const) {
      expect(ACTION_PERMISSIONS[name].who).toBe("admin");
    }
  });
});
