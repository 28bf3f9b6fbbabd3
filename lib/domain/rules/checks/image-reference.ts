import type { RuleFinding, TaskDefinitionRule } from "../types";
import { containersOf, cpath } from "./task-definition-util";

// Docker's reference grammar (distribution/reference): [domain/]path[:tag][@digest].
const DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
const DOMAIN = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[0-9a-fA-F:]+\\])(?::[0-9]+)?`;
const PATH_COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
const TAG = "[\\w][\\w.-]{0,127}";
const DIGEST = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}";
const REFERENCE = new RegExp(`^(?:(${DOMAIN})/)?(${PATH_COMPONENT}(?:/${PATH_COMPONENT})*)(?::(${TAG}))?(?:@(${DIGEST}))?$`);
const DOMAIN_ONLY = new RegExp(`^${DOMAIN}$`);
const MAX_IMAGE_LENGTH = 255;
const TAG_OR_DIGEST_START = /[:@]/;

export type ImageReference = { domain?: string; repository: string; tag?: string; digest?: string };

/** Splits an image reference, or undefined when Docker would refuse it. */
export function parseImage(image: string): ImageReference | undefined {
  const m = REFERENCE.exec(image);
  if (!m) return undefined;
  let domain: string | undefined = m[1];
  let repository = m[2];
  // "a/b": the first part is a registry only if it looks like a host (has . or :, or is localhost).
  if (domain !== undefined && !domain.includes(".") && !domain.includes(":") && domain !== "localhost") {
    if (domain !== domain.toLowerCase()) return undefined;
    repository = `${domain}/${repository}`;
    domain = undefined;
  }
  return { domain, repository, tag: m[3], digest: m[4] };
}

/** The same reference with the repository path in lower case, when that makes it valid. */
function lowercased(image: string): string | undefined {
  const slash = image.indexOf("/");
  const first = slash < 0 ? "" : image.slice(0, slash);
  const hasDomain = slash >= 0 && (first.includes(".") || first.includes(":") || first === "localhost") && DOMAIN_ONLY.test(first);
  const start = hasDomain ? slash + 1 : 0;
  const rest = image.slice(start);
  const end = rest.search(TAG_OR_DIGEST_START);
  const repo = end < 0 ? rest : rest.slice(0, end);
  const candidate = image.slice(0, start) + repo.toLowerCase() + (end < 0 ? "" : rest.slice(end));
  return candidate !== image && parseImage(candidate) ? candidate : undefined;
}

export const imageReference: TaskDefinitionRule = {
  id: "image-reference",
  title: "Images are valid references pinned to a tag or digest",
  severity: "error",
  scope: "taskDefinition",
  check(td) {
    const out: RuleFinding[] = [];
    containersOf(td).forEach((c, i) => {
      const image = c.image ?? "";
      const path = cpath(i, "image");
      if (image.trim() === "") {
        out.push({ path, container: c.name, message: `"${c.name}" has no image; ECS needs to know what to run.`, fix: { description: "Set the image, e.g. public.ecr.aws/nginx/nginx:1.27." } });
        return;
      }
      const ref = image.length <= MAX_IMAGE_LENGTH + 72 ? parseImage(image) : undefined; // a digest adds up to 72 characters
      if (!ref) {
        const fixed = lowercased(image);
        out.push({
          path, container: c.name,
          message: fixed
            ? `The image "${image}" has upper-case letters in its repository name. Repository names must be lower case; the pull fails with "invalid reference format".`
            : `"${image}" is not a valid image reference ([registry/]repository[:tag][@sha256:digest], lower-case repository, tag of letters, digits, '_', '.', '-'). The pull would fail with "invalid reference format" and the task would never start.`,
          fix: fixed
            ? { description: `Use "${fixed}".`, edits: [{ path, value: fixed }] }
            : { description: "Correct the image reference, e.g. 123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1.4.2." },
        });
        return;
      }
      if (ref.digest) return;
      if (ref.tag === undefined || ref.tag === "latest") {
        out.push({
          path, container: c.name, severity: "warning",
          message: `"${c.name}" uses ${ref.tag ? "the latest tag" : "no tag (which means latest)"} (${image}). Each new task pulls whatever latest points to at that moment, so tasks of one deployment can run different code, and a rollback does not roll the image back.`,
          fix: { description: `Pin a version tag (e.g. ${ref.domain ? `${ref.domain}/` : ""}${ref.repository}:1.2.3) or a digest (@sha256:…).` },
        });
      }
    });
    return out;
  },
};
