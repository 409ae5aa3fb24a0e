import { describe, expect, it } from "vitest";
import { drawProductPreview, drawShopPreview } from "@/app/previews/draw-preview";

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** A PNG's size, read from its first chunk (IHDR: width and height, big-endian, after the signature). */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  expect(bytes.subarray(12, 16).toString("latin1")).toBe("IHDR");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

async function bytesOf(answer: Response): Promise<Buffer> {
  expect(answer.status).toBe(200);
  expect(answer.headers.get("content-type")).toBe("image/png");
  expect(answer.headers.get("cache-control")).toContain("max-age=86400");
  return Buffer.from(await answer.arrayBuffer());
}

describe("share previews", () => {
  it("draw a product's picture as a real 1200 × 630 PNG, its own for each product", async () => {
    const mug = await bytesOf(drawProductPreview("stoneware-mug"));
    expect(pngSize(mug)).toEqual({ width: 1200, height: 630 });
    const lamp = await bytesOf(drawProductPreview("brass-desk-lamp"));
    expect(pngSize(lamp)).toEqual({ width: 1200, height: 630 });
    expect(lamp.equals(mug)).toBe(false);
    // Drawn from the address alone: the same picture every time.
    expect((await bytesOf(drawProductPreview("stoneware-mug"))).equals(mug)).toBe(true);
  });

  it("draw the shop's own preview for the catalog and its categories", async () => {
    expect(pngSize(await bytesOf(drawShopPreview()))).toEqual({ width: 1200, height: 630 });
  });
});
