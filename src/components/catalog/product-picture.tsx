import Image from "next/image";
import { PICTURE_HEIGHT, PICTURE_WIDTH } from "@/lib/pictures/draw-product-picture";

interface ProductPictureProps {
  product: { name: string; imageUrl: string };
  className?: string;
  /** How wide the picture is shown, for the browser to pick a size (the `sizes` attribute). */
  sizes: string;
  /** The page's main picture: fetched early, never lazily. */
  preload?: boolean;
}

/**
 * A product's picture at a fixed 4:3 box, so nothing moves when it arrives.
 * Pictures on this site go through Next's image optimizer (drawn SVGs are served
 * as they are); one on another https host is shown as given, since the
 * optimizer fetches only from hosts it is configured for.
 */
export function ProductPicture({ product, className, sizes, preload = false }: ProductPictureProps) {
  return (
    <Image
      className={className}
      src={product.imageUrl}
      alt={product.name}
      width={PICTURE_WIDTH}
      height={PICTURE_HEIGHT}
      sizes={sizes}
      preload={preload}
      unoptimized={!product.imageUrl.startsWith("/")}
    />
  );
}
