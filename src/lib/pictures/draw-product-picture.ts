import { motifFor } from "./motifs";

export const PICTURE_WIDTH = 400;
export const PICTURE_HEIGHT = 300;

/** FNV-1a: a stable 32-bit number per product name, so a product's picture never changes between requests. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Small numbers drawn one after another from the hash, so each choice is independent of the others. */
function chooser(seed: number) {
  let state = seed || 1;
  return (choices: number): number => {
    // xorshift32
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) % choices;
  };
}

function backdrop(pattern: number, ink: string, step: number): string {
  const shapes: string[] = [];
  if (pattern === 0) {
    for (let x = step / 2; x < PICTURE_WIDTH; x += step)
      for (let y = step / 2; y < PICTURE_HEIGHT; y += step) shapes.push(`<circle cx="${x}" cy="${y}" r="4"/>`);
    return `<g fill="${ink}">${shapes.join("")}</g>`;
  }
  if (pattern === 1) {
    for (let x = -PICTURE_HEIGHT; x < PICTURE_WIDTH; x += step)
      shapes.push(`<path d="M${x} ${PICTURE_HEIGHT}L${x + PICTURE_HEIGHT} 0"/>`);
    return `<g stroke="${ink}" stroke-width="10">${shapes.join("")}</g>`;
  }
  if (pattern === 2) {
    for (let r = step; r < PICTURE_WIDTH; r += step) shapes.push(`<circle cx="200" cy="160" r="${r}"/>`);
    return `<g fill="none" stroke="${ink}" stroke-width="8">${shapes.join("")}</g>`;
  }
  if (pattern === 3) {
    for (let y = step / 2; y < PICTURE_HEIGHT; y += step)
      shapes.push(`<path d="M0 ${y}q25-14 50 0t50 0t50 0t50 0t50 0t50 0t50 0t50 0"/>`);
    return `<g fill="none" stroke="${ink}" stroke-width="6">${shapes.join("")}</g>`;
  }
  return `<circle cx="200" cy="160" r="128" fill="${ink}"/>`;
}

function groundColour(hue: number): string {
  return `hsl(${hue} 70% 93%)`;
}

/** The colour a product's drawn picture stands on, for framing it at another shape (share previews). */
export function pictureGround(slug: string): string {
  return groundColour(chooser(hashOf(slug))(360));
}

/**
 * A picture for a product that has none of its own: a drawing of its kind
 * (from the words of its URL name) on a pattern and colours of its own, so no two
 * products look alike. Pure and deterministic: the same name always gives the
 * same picture. The SVG carries no text, so nothing a user typed ends up in it.
 */
export function drawProductPicture(slug: string): string {
  const choose = chooser(hashOf(slug));
  const hue = choose(360);
  const motifHue = (hue + 150 + choose(60)) % 360;
  const pattern = choose(5);
  const step = 36 + choose(4) * 8;
  const tilt = choose(17) - 8;
  const scale = (92 + choose(17)) / 100;
  const colours = {
    body: `hsl(${motifHue} 48% 42%)`,
    detail: `hsl(${motifHue} 60% 78%)`,
    dark: `hsl(${motifHue} 40% 24%)`,
  };
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${PICTURE_WIDTH} ${PICTURE_HEIGHT}" ` +
    `width="${PICTURE_WIDTH}" height="${PICTURE_HEIGHT}">` +
    `<rect width="${PICTURE_WIDTH}" height="${PICTURE_HEIGHT}" fill="${groundColour(hue)}"/>` +
    backdrop(pattern, `hsl(${hue} 55% 85%)`, step) +
    `<g transform="translate(200 160) rotate(${tilt}) scale(${scale}) translate(-200 -160)">` +
    motifFor(slug)(colours) +
    `</g></svg>`
  );
}
