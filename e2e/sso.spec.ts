import { expect, test, type Browser } from "@playwright/test";
import { OAuth2Server } from "oauth2-mock-server";
import { storageStateOf } from "./auth";
import { screenshot } from "./helpers";

// Single sign-on end to end, in Chromium: an OpenID Connect provider on loopback
// (oauth2-mock-server, started here), an admin configures it on /settings/sso, and a new person
// clicks "Sign in with …", goes through the provider and comes back signed in with the role
// their groups map to. A person in no mapped group is refused with the reason.

test.use({ storageState: storageStateOf("admin") });

let idp: OAuth2Server;
let claims: Record<string, unknown> = {};

test.beforeAll(async () => {
  idp = new OAuth2Server();
  await idp.issuer.keys.generate("RS256");
  await idp.start(0, "127.0.0.1");
  idp.service.on("beforeTokenSigning", (token) => Object.assign(token.payload, claims));
});
test.afterAll(async () => idp.stop());

async function fresh(browser: Browser) {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  return { context, page: await context.newPage() };
}

test("an admin configures OIDC; a new person signs in with it and gets the mapped role", async ({ page, browser }) => {
  test.setTimeout(90_000);
  const id = `mock-${Date.now().toString(36)}`;
  await page.goto("/settings/sso");
  const form = page.getByRole("form", { name: "Single sign-on provider" });
  await form.getByLabel("Id", { exact: true }).fill(id);
  await form.getByLabel("Button label", { exact: true }).fill("Acme SSO");
  await form.getByLabel("Issuer URL", { exact: true }).fill(idp.issuer.url!);
  await form.getByLabel("Client id", { exact: true }).fill("stevedore-e2e");
  await form.getByLabel("Client secret", { exact: true }).fill("e2e-client-secret-value");
  await form.getByLabel("Groups → roles", { exact: true }).fill("acme-platform = editor\nacme-admins = admin");
  await form.getByRole("button", { name: "Add provider" }).click();
  await expect(form.getByRole("status")).toContainText(`/api/auth/callback/${id}`);
  await expect(page.getByTestId(`sso-provider-${id}`)).toContainText("acme-admins → admin, acme-platform → editor; others: refused");
  // The secret is never sent back: not in the page, not in the form.
  await expect(form.getByLabel("Client secret", { exact: true })).toHaveValue("");
  expect(await page.content()).not.toContain("e2e-client-secret-value");
  await screenshot(page, "sso-settings");

  const email = `sso-${Date.now()}@acme.test`;
  claims = { sub: `acme-${Date.now()}`, email, email_verified: true, name: "Sam Sso", groups: ["acme-platform"] };
  const them = await fresh(browser);
  await them.page.goto("/sign-in");
  // (By its id: an earlier run's provider may be on a reused database.)
  await expect(them.page.getByTestId(`sso-${id}`)).toHaveText("Sign in with Acme SSO");
  await screenshot(them.page, "sso-sign-in");
  await them.page.getByTestId(`sso-${id}`).click();
  await expect(them.page.getByTestId("signed-in-as")).toContainText("Sam Sso");
  await expect(them.page.getByTestId("signed-in-as")).toContainText("editor");

  // Someone in no mapped group is refused, and told why.
  claims = { sub: `acme-other-${Date.now()}`, email: `other-${Date.now()}@acme.test`, email_verified: true, name: "Olga", groups: ["acme-sales"] };
  const other = await fresh(browser);
  await other.page.goto("/sign-in");
  await other.page.getByTestId(`sso-${id}`).click();
  await expect(other.page.getByRole("alert").filter({ hasText: "Single sign-on did not sign you in" })).toContainText("Your identity provider's groups give you no access to Stevedore");
  await screenshot(other.page, "sso-refused");
  await them.context.close();
  await other.context.close();

  // Removed, its button goes (and other specs see the sign-in page as before).
  page.once("dialog", (d) => d.accept());
  await page.getByTestId(`sso-provider-${id}`).getByRole("button", { name: "Remove" }).click();
  await expect(page.getByTestId(`sso-provider-${id}`)).toHaveCount(0);
});
