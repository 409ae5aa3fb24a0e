import { describe, expect, it } from "vitest";
import { GET } from "@/app/pictures/[file]/route";
import { drawProductPicture } from "@/lib/pictures/draw-product-picture";
import { motifFor } from "@/lib/pictures/motifs";
import { slugify } from "@/lib/slugify";
import { demoProducts } from "@/server/db/demo-data";

const demoSlugs = demoProducts.map((product) => slugify(product.name));

function requestPicture(file: string): Promise<Response> {
  return GET(new Request(`http://localhost/pictures/${file}`), { params: Promise.resolve({ file }) });
}

describe("drawn product pictures", () => {
  it("give every demo product a picture of its own, the same on every call", () => {
    const pictures = demoSlugs.map(drawProductPicture);
    expect(new Set(pictures).size).toBe(demoSlugs.length);
    expect(demoSlugs.map(drawProductPicture)).toEqual(pictures);
  });

  it("draw what the product is, from the words of its name", () => {
    const kinds: Record<string, string[]> = {
      kettle: ["gooseneck-kettle", "cold-brew-jar"],
      mug: ["stoneware-mug", "double-wall-glass-cup", "espresso-cup-pair"],
      lamp: ["brass-desk-lamp", "paper-lantern", "concrete-table-lamp", "clip-on-reading-light"],
      bag: ["canvas-tote", "leather-card-holder", "weekender-duffel"],
      plant: ["snake-plant", "herb-garden-kit", "terracotta-planter"],
      book: ["field-notes-journal", "the-home-cook", "pocket-atlas"],
      socks: ["merino-hiking-socks", "wool-slipper-socks"],
      chair: ["oak-stool", "reading-armchair", "kids-step-stool"],
    };
    for (const [kind, slugs] of Object.entries(kinds)) {
      for (const slug of slugs) expect(motifFor(slug), slug).toBe(motifFor(kind));
    }
    expect(motifFor("mystery-gadget")).not.toBe(motifFor("mug"));
  });

  it("are SVG with a fixed 4:3 size and no text, so nothing typed into a name ends up in them", () => {
    for (const slug of demoSlugs) {
      const svg = drawProductPicture(slug);
      expect(svg).toMatch(
        /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 400 300" width="400" height="300">/,
      );
      expect(svg).not.toMatch(/<text|<script|href=/);
      expect(svg).not.toContain(slug);
    }
  });

  it("are served as cacheable SVG for a valid name, and 404 for anything else", async () => {
    const answer = await requestPicture("stoneware-mug.svg");
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toBe("image/svg+xml");
    expect(answer.headers.get("cache-control")).toContain("max-age=86400");
    expect(await answer.text()).toBe(drawProductPicture("stoneware-mug"));
    for (const file of ["stoneware-mug.png", "Stoneware.svg", "a--b.svg", "..svg", `${"a".repeat(201)}.svg`]) {
      expect((await requestPicture(file)).status, file).toBe(404);
    }
  });
});
