import type { Graph, Thing, WithContext } from "schema-dts";

/**
 * JSON-LD as the text of a `<script type="application/ld+json">`. Names and
 * descriptions are typed by admins: `<`, `>` and `&` become JSON escapes, so no
 * text can close the script element (`</script>`) or open a comment in it, and
 * JSON.parse still reads back exactly what was written.
 */
export function jsonLdText(data: WithContext<Thing> | Graph): string {
  return JSON.stringify(data).replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026");
}
