import { ImageResponse } from "next/og";
import type { ReactElement } from "react";
import { drawProductPicture, PICTURE_HEIGHT, PICTURE_WIDTH, pictureGround } from "@/lib/pictures/draw-product-picture";
import { PREVIEW_HEIGHT, PREVIEW_WIDTH } from "@/lib/pictures/preview-url";

/** As for the drawn SVGs: a picture depends on nothing but its address and the build, so anyone may keep it a day. */
const CACHE_CONTROL = "public, max-age=86400, stale-while-revalidate=604800";

function pictureSource(slug: string): string {
  return `data:image/svg+xml;base64,${Buffer.from(drawProductPicture(slug)).toString("base64")}`;
}

function png(element: ReactElement): ImageResponse {
  return new ImageResponse(element, {
    width: PREVIEW_WIDTH,
    height: PREVIEW_HEIGHT,
    headers: { "Cache-Control": CACHE_CONTROL },
  });
}

/** A product's drawn picture as a PNG at the preview's shape: whole, centred, on its own ground colour. */
export function drawProductPreview(slug: string): ImageResponse {
  const height = PREVIEW_HEIGHT;
  const width = Math.round((PICTURE_WIDTH / PICTURE_HEIGHT) * height);
  return png(
    <div
      style={{
        display: "flex",
        width: "100%",
        height: "100%",
        justifyContent: "center",
        background: pictureGround(slug),
      }}
    >
      {/* Satori draws <img>; next/image has no place in a PNG. */}
      {/* eslint-disable-next-line @next/next/no-img-element */}
      <img src={pictureSource(slug)} alt="" width={width} height={height} />
    </div>,
  );
}

const SHOP_PICTURE = "storefront";

/** The catalog's preview: the shop's name and line beside a picture drawn for it. */
export function drawShopPreview(): ImageResponse {
  return png(
    <div
      style={{
        display: "flex",
        width: "100%",
        height: "100%",
        alignItems: "center",
        justifyContent: "space-between",
        padding: "0 64px 0 88px",
        background: pictureGround(SHOP_PICTURE),
        color: "#1f2328",
      }}
    >
      <div style={{ display: "flex", flexDirection: "column" }}>
        <div style={{ fontSize: 104 }}>Storefront</div>
        <div style={{ fontSize: 44, marginTop: 16 }}>Everyday goods, well made.</div>
      </div>
      {/* eslint-disable-next-line @next/next/no-img-element */}
      <img src={pictureSource(SHOP_PICTURE)} alt="" width={560} height={420} />
    </div>,
  );
}
