import { redirect } from "next/navigation";

/** The designs list is the home page: /designs (a URL people type, and the parent of every design's URL) leads there. */
export default function DesignsPage() {
  redirect("/");
}
