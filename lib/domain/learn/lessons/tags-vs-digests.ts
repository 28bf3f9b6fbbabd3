import { SAMPLE_IMAGES } from "../../lab/samples";
import { parseImage } from "../../rules/checks/image-reference";
import { catalogEntry } from "../catalog";
import { containers, done, findingsOf, mapTaskDefinition, notYet } from "../helpers";
import type { Lesson } from "../types";
import { fargateService, fargateTaskDefinition, starterDesign, web } from "./starters";

// Tags are movable names, digests are content addresses. Since 2024 ECS resolves a service's
// image tags to digests when a deployment starts (software version consistency) and starts
// every task of that deployment from the digest, whatever the tag does later; a new deployment
// resolves the tag again. Pinning a digest in the task definition makes the revision itself name
// exactly one image. Sources:
// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-ecs.html#deployment-container-image-stability
// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerImage.html
// https://aws.amazon.com/blogs/containers/announcing-software-version-consistency-for-amazon-ecs-services/

const CLUSTER = "learn-images";
const FAMILY = "shop-web";
const REGISTRY = "123456789012.dkr.ecr.eu-west-1.amazonaws.com";
const REPOSITORY = "shop/web";
const SHA256 = /^sha256:[0-9a-f]{64}$/;
/** The lab's sample shop/web version 2: what "Show me" pins. */
const PINNED = `${REGISTRY}/${REPOSITORY}@${SAMPLE_IMAGES[1].digest}`;

const webImage = (image: string) => web({ image, portMappings: [{ containerPort: 3000, protocol: "tcp" }] });

export const tagsVsDigests: Lesson = {
  ...catalogEntry("tags-vs-digests"),
  summary: "A tag is a name that can move; a digest names one image for ever. See what ECS does with a tag during a deployment, then pin a digest yourself.",
  recap: [
    "A tag such as latest is a pointer in the registry: pushing another image under it moves it, and the old image stays reachable by its digest.",
    "When a deployment starts, ECS resolves each image tag to a digest and starts every task of that deployment from it, even if the tag moves mid-deployment.",
    "A new deployment resolves the tag again, so a revision that says latest can run an image nobody tested; a digest in the task definition cannot.",
    "ECR's tag immutability refuses a push to an existing tag, which keeps version tags honest; pinning a digest protects you even where tags can move.",
  ],
  concepts: ["registries", "images-and-layers"],
  starter: starterDesign({
    clusters: [{ id: `cl-${CLUSTER}`, clusterName: CLUSTER }],
    // A private ECR image: ECS pulls it with the task execution role.
    taskDefinitions: [fargateTaskDefinition(FAMILY, [webImage(`${REGISTRY}/${REPOSITORY}:latest`)], { executionRoleArn: "arn:aws:iam::123456789012:role/ecsTaskExecutionRole" })],
    services: [fargateService(FAMILY, CLUSTER, FAMILY, { desiredCount: 4 })],
  }),
  steps: [
    {
      id: "tag-moves",
      title: "latest moves during a deployment",
      goal: "Your service deploys 4 tasks of shop/web:latest. After the first two started, a teammate pushes a new build as latest. Try it in the Image lab (Registry & hosts): push version 1 as latest, then version 2 as latest, and look at what latest points to. Then answer.",
      hints: [
        "In the lab, the first digest stays in the repository after latest moved: pulling it by digest still works.",
        "ECS looks up the tag once, when the deployment starts, and remembers the digest it found.",
      ],
      check: {
        kind: "question",
        question: "With ECS's software version consistency, what do the remaining two tasks of that deployment run?",
        choices: [
          { id: "new-build", text: "The new build: each task pulls whatever latest points to when it starts.", why: "That was ECS before June 2024. Now the tag is resolved to a digest once, when the deployment starts, and every task of the deployment starts from that digest." },
          { id: "same-digest", text: "The image latest pointed to when the deployment started: ECS resolved the tag to its digest then.", correct: true, why: "ECS resolves tags to digests at the start of a deployment, so all tasks of one deployment run identical images." },
          { id: "fails", text: "The deployment fails because the tag changed under it.", why: "A moved tag fails nothing: ECS keeps pulling the digest it resolved, which the registry still holds." },
        ],
      },
    },
    {
      id: "next-deployment",
      title: "When the new build arrives",
      goal: "The deployment finished with the old build on all four tasks. Later, a task crashes and the service scales out. Then you register a new task definition revision that still says :latest and deploy it.",
      hints: ["Replacing a crashed task or scaling out belongs to the current deployment; only a new deployment looks the tag up again."],
      check: {
        kind: "question",
        question: "Which of these starts tasks from the build latest points to now?",
        choices: [
          { id: "replacement", text: "The replacement of the crashed task.", why: "A replacement belongs to the running deployment and uses the digest resolved when it started." },
          { id: "scale-out", text: "The extra tasks of the scale-out.", why: "Scaling out adds tasks to the same deployment: they start from its resolved digest." },
          { id: "new-deployment", text: "The deployment of the new revision: it resolves latest again, to whatever it points to at that moment.", correct: true, why: "Every new deployment resolves tags afresh, so a revision with :latest can bring an image nobody tested." },
        ],
      },
    },
    {
      id: "pin-digest",
      title: "Pin the image by digest",
      goal: `Change the web container of ${FAMILY} to ${REGISTRY}/${REPOSITORY}@sha256:… (in the Image lab, push an image to shop/web and press “Copy digest reference”). The revision then names exactly one image, whatever anyone pushes.`,
      hints: [
        "Open the task definition, select the web container and paste the digest reference into Image.",
        "A digest reference is the repository, then @sha256: and 64 hex digits. A tag before the @ is allowed but ignored for the pull.",
      ],
      check: {
        kind: "design",
        check(design, findings) {
          const td = design.taskDefinitions.find((t) => t.family === FAMILY);
          const c = containers(td).find((x) => x.name === "web");
          if (!c) return notYet(`The web container of ${FAMILY} is gone; restart the lesson to get it back.`);
          const ref = parseImage(c.image ?? "");
          if (!ref) return notYet(`“${c.image}” is not a valid image reference.`);
          if (ref.domain !== REGISTRY || ref.repository !== REPOSITORY) return notYet(`Keep the image in ${REGISTRY}/${REPOSITORY}; only pin it.`);
          if (!ref.digest) return notYet(`The image still uses ${ref.tag ? `the tag “${ref.tag}”` : "no tag (latest)"}: add @sha256: and the 64-hex digest instead.`);
          if (!SHA256.test(ref.digest)) return notYet("The digest is sha256: followed by exactly 64 lower-case hex digits.");
          if (findingsOf(findings, "image-reference").some((f) => f.resource.name === FAMILY && f.resource.container === "web")) return notYet("The validator still has a remark on the web container's image.");
          return done();
        },
        solve: (design) => mapTaskDefinition(design, (t) => t.family === FAMILY, (t) => ({
          ...t, containerDefinitions: t.containerDefinitions.map((c) => (c.name === "web" ? { ...c, image: PINNED } : c)),
        })),
      },
    },
  ],
};
