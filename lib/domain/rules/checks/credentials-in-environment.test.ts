import { describe, expect, it } from "vitest";
import { credentialsInEnvironment, looksLikeCredential } from "./credentials-in-environment";
import { container, td } from "../test-helpers";

describe("credentials-in-environment", () => {
  it("recognises credential words within names", () => {
    for (const n of ["DB_PASSWORD", "dbPassword", "STRIPE_API_KEY", "apiKey", "GITHUB_TOKEN", "client-secret", "AWS_ACCESS_KEY_ID", "JWT_PRIVATE_KEY"]) expect(looksLikeCredential(n)).toBe(true);
    for (const n of ["PORT", "NODE_ENV", "SECRETARY_EMAIL", "PASSWORD_FILE", "DB_SECRET_ARN", "TOKEN_URL", "PWD", "PASSWORD_MIN_LENGTH", "TOKENIZER"]) expect(looksLikeCredential(n)).toBe(false);
  });
  it("accepts ordinary environment variables", () => {
    expect(credentialsInEnvironment.check(td({ containerDefinitions: [container({ environment: [{ name: "PORT", value: "8080" }, { name: "DB_PASSWORD_FILE", value: "/run/secrets/db" }] })] }))).toEqual([]);
  });
  it("warns about credentials in plain text and suggests secrets or the task role", () => {
    const found = credentialsInEnvironment.check(td({ containerDefinitions: [container({
      environment: [{ name: "PORT", value: "80" }, { name: "DB_PASSWORD", value: "hunter2" }, { name: "AWS_SECRET_ACCESS_KEY", value: "abc" }],
    })] }));
    expect(found.map((f) => f.path)).toEqual([["containerDefinitions", 0, "environment", 1, "name"], ["containerDefinitions", 0, "environment", 2, "name"]]);
    expect(found[0].fix?.description).toContain("secrets");
    expect(found[1].fix?.description).toContain("taskRoleArn");
  });
});
