import { describe, expect, it } from "vitest";
import { imageReference, parseImage } from "./image-reference";
import { container, td } from "../test-helpers";

const check = (image: string) => imageReference.check(td({ containerDefinitions: [container({ image })] }));
const digest = "sha256:" + "a".repeat(64);

describe("image-reference", () => {
  it("accepts pinned references", () => {
    for (const image of [
      "nginx:1.27", "library/nginx:1.27-alpine", `nginx@${digest}`, "public.ecr.aws/nginx/nginx:1.27",
      "123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/app:2024.06.01_3", "localhost:5000/app:dev", `ghcr.io/org/app:v1@${digest}`,
    ]) expect(check(image), image).toEqual([]);
  });
  it("parses registry, repository, tag and digest", () => {
    expect(parseImage("registry.example.com:5000/a/b:1")).toEqual({ domain: "registry.example.com:5000", repository: "a/b", tag: "1", digest: undefined });
    expect(parseImage("a/b")).toEqual({ domain: undefined, repository: "a/b", tag: undefined, digest: undefined });
  });
  it("warns on latest or no tag", () => {
    for (const image of ["nginx", "nginx:latest"]) {
      const [f] = check(image);
      expect(f.severity).toBe("warning");
      expect(f.path).toEqual(["containerDefinitions", 0, "image"]);
      expect(f.fix?.description).toContain("nginx:1.2.3");
    }
  });
  it("rejects invalid references and lower-cases an upper-case repository", () => {
    const [f] = check("ghcr.io/MyOrg/App:1.0");
    expect(f.severity).toBeUndefined();
    expect(f.fix?.edits).toEqual([{ path: ["containerDefinitions", 0, "image"], value: "ghcr.io/myorg/app:1.0" }]);
    for (const image of ["", "nginx:", "nginx:1.0:2", "my image:1", "nginx@sha256:xyz", "-bad/app:1"]) expect(check(image), image).toHaveLength(1);
  });
});
