import { describe, expect, it } from "vitest";
import { validateDesign } from "../../rules";
import { SAMPLE_IMAGES } from "../../lab/samples";
import { checkDesign, lesson, solve, solvedUpTo, step } from "../test/run";
import { evaluateStep } from "../progress";
import type { Design } from "../../design";

const REG = "123456789012.dkr.ecr.eu-west-1.amazonaws.com";
const withImage = (d: Design, image: string): Design => ({
  ...d, taskDefinitions: d.taskDefinitions.map((t) => ({ ...t, containerDefinitions: t.containerDefinitions.map((c) => ({ ...c, image })) })),
});

describe("tags-vs-digests", () => {
  it("starts from a design with latest, which the validator warns about but accepts", () => {
    const findings = validateDesign(lesson("tags-vs-digests").starter);
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(findings.some((f) => f.ruleId === "image-reference" && f.severity === "warning")).toBe(true);
  });

  it("tag-moves: only the digest resolved at the deployment's start is right", () => {
    const s = step("tags-vs-digests", "tag-moves");
    expect(evaluateStep(s, { answer: "same-digest" })).toEqual({ done: true });
    expect(evaluateStep(s, { answer: "new-build" }).hint).toMatch(/once, when the deployment starts/);
  });

  it("next-deployment: only a new deployment resolves the tag again", () => {
    const s = step("tags-vs-digests", "next-deployment");
    expect(evaluateStep(s, { answer: "new-deployment" })).toEqual({ done: true });
    expect(evaluateStep(s, { answer: "scale-out" }).done).toBe(false);
  });

  it("pin-digest: refuses tags, other repositories and short digests; accepts a digest of shop/web", () => {
    const s = step("tags-vs-digests", "pin-digest");
    const d = solvedUpTo("tags-vs-digests", "pin-digest");
    expect(checkDesign(s, d).hint).toMatch(/still uses the tag “latest”/);
    expect(checkDesign(s, withImage(d, `${REG}/shop/web:v2`)).hint).toMatch(/still uses the tag “v2”/);
    expect(checkDesign(s, withImage(d, `${REG}/shop/api@sha256:${"a".repeat(64)}`)).hint).toMatch(/Keep the image in/);
    expect(checkDesign(s, withImage(d, `${REG}/shop/web@sha256:${"a".repeat(40)}`)).hint).toMatch(/exactly 64/);
    expect(checkDesign(s, withImage(d, `${REG}/shop/web@sha256:${"b".repeat(64)}`))).toEqual({ done: true });
    expect(checkDesign(s, withImage(d, `${REG}/shop/web:v2@sha256:${"b".repeat(64)}`))).toEqual({ done: true });
    const solved = solve(s, d);
    expect(solved.taskDefinitions[0].containerDefinitions[0].image).toBe(`${REG}/shop/web@${SAMPLE_IMAGES[1].digest}`);
    expect(checkDesign(s, solved)).toEqual({ done: true });
    expect(validateDesign(solved).filter((f) => f.ruleId === "image-reference")).toEqual([]);
  });
});
