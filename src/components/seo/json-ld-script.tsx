import type { Graph, Thing, WithContext } from "schema-dts";
import { jsonLdText } from "@/lib/seo/json-ld";

/**
 * Structured data for search engines: a data block the browser never runs, so
 * the CSP does not govern it; it carries the page's nonce anyway, like every
 * script of a page, and the page cache swaps it with the rest.
 */
export function JsonLdScript({ data, nonce }: { data: WithContext<Thing> | Graph; nonce: string | undefined }) {
  return <script type="application/ld+json" nonce={nonce} dangerouslySetInnerHTML={{ __html: jsonLdText(data) }} />;
}
