/** Flat drawings of the shop's kinds of goods, on a 400 × 300 canvas, centred near (200, 160). */

export interface MotifColours {
  body: string;
  detail: string;
  dark: string;
}

type Draw = (colours: MotifColours) => string;

const cup: Draw = ({ body, detail, dark }) =>
  `<path d="M258 132h18a30 30 0 0 1 0 60h-18" fill="none" stroke="${body}" stroke-width="16"/>` +
  `<rect x="142" y="108" width="120" height="130" rx="16" fill="${body}"/>` +
  `<rect x="142" y="140" width="120" height="18" fill="${detail}"/>` +
  `<ellipse cx="202" cy="246" rx="92" ry="10" fill="${dark}" opacity=".25"/>`;

const kettle: Draw = ({ body, detail, dark }) =>
  `<path d="M150 120q52-64 104 0" fill="none" stroke="${dark}" stroke-width="14" stroke-linecap="round"/>` +
  `<path d="M244 180l52-40 8 10-44 50z" fill="${body}"/>` +
  `<path d="M140 232q-18-96 62-112q80 16 62 112z" fill="${body}"/>` +
  `<rect x="184" y="104" width="36" height="14" rx="7" fill="${detail}"/>` +
  `<rect x="140" y="196" width="124" height="12" fill="${detail}"/>`;

const lamp: Draw = ({ body, detail, dark }) =>
  `<path d="M150 70h100l34 84H116z" fill="${body}"/>` +
  `<path d="M150 70h100l6 14H144z" fill="${detail}"/>` +
  `<rect x="194" y="154" width="12" height="72" fill="${dark}"/>` +
  `<rect x="150" y="224" width="100" height="16" rx="8" fill="${dark}"/>`;

const bag: Draw = ({ body, detail, dark }) =>
  `<path d="M168 124v-22a32 32 0 0 1 64 0v22" fill="none" stroke="${dark}" stroke-width="12"/>` +
  `<path d="M130 124h140l-12 116H142z" fill="${body}"/>` +
  `<rect x="134" y="150" width="132" height="16" fill="${detail}"/>`;

const plant: Draw = ({ body, detail, dark }) =>
  `<path d="M200 170c-56-12-72-70-56-100 42 8 64 50 56 100zm0 0c56-12 72-70 56-100-42 8-64 50-56 100z" fill="${body}"/>` +
  `<path d="M200 170c-6-44 6-86 0-120" fill="none" stroke="${detail}" stroke-width="6"/>` +
  `<path d="M150 166h100l-14 74h-72z" fill="${dark}"/>` +
  `<rect x="146" y="160" width="108" height="16" rx="4" fill="${detail}"/>`;

const book: Draw = ({ body, detail, dark }) =>
  `<rect x="140" y="78" width="124" height="164" rx="8" fill="${body}"/>` +
  `<rect x="140" y="78" width="20" height="164" rx="6" fill="${dark}"/>` +
  `<rect x="180" y="110" width="64" height="12" rx="6" fill="${detail}"/>` +
  `<rect x="180" y="132" width="44" height="8" rx="4" fill="${detail}"/>`;

const sock: Draw = ({ body, detail, dark }) =>
  `<path d="M170 70h64v104l34 28a30 30 0 0 1-38 46l-60-50z" fill="${body}"/>` +
  `<rect x="170" y="70" width="64" height="22" fill="${dark}"/>` +
  `<rect x="170" y="116" width="64" height="12" fill="${detail}"/>` +
  `<rect x="170" y="140" width="64" height="12" fill="${detail}"/>`;

const chair: Draw = ({ body, detail, dark }) =>
  `<rect x="150" y="74" width="100" height="90" rx="12" fill="${body}"/>` +
  `<rect x="138" y="160" width="124" height="24" rx="8" fill="${detail}"/>` +
  `<rect x="146" y="184" width="12" height="58" fill="${dark}"/>` +
  `<rect x="242" y="184" width="12" height="58" fill="${dark}"/>`;

const parcel: Draw = ({ body, detail, dark }) =>
  `<rect x="136" y="110" width="128" height="126" rx="8" fill="${body}"/>` +
  `<rect x="128" y="94" width="144" height="30" rx="6" fill="${dark}"/>` +
  `<rect x="190" y="94" width="20" height="142" fill="${detail}"/>`;

/** The words in a product's URL name that say which drawing fits it; the first that matches wins. */
const MOTIFS: { words: readonly string[]; draw: Draw }[] = [
  { words: ["kettle", "teapot", "brew", "jar", "pitcher"], draw: kettle },
  { words: ["mug", "cup", "glass", "tumbler", "bowl"], draw: cup },
  { words: ["lamp", "lantern", "light", "sconce", "bulb"], draw: lamp },
  { words: ["tote", "backpack", "bag", "duffel", "holder", "wallet", "pouch"], draw: bag },
  { words: ["plant", "planter", "fig", "herb", "fern", "cactus", "garden", "pot"], draw: plant },
  { words: ["book", "journal", "sketchbook", "notebook", "atlas", "cook", "paper", "notes"], draw: book },
  { words: ["socks", "sock", "scarf", "hat", "beanie", "gloves", "shirt"], draw: sock },
  { words: ["stool", "chair", "armchair", "bench", "sofa", "table", "shelf"], draw: chair },
];

/** The drawing for a product's URL name: by its words, or a parcel when none fits. */
export function motifFor(slug: string): Draw {
  const words = slug.split("-");
  return MOTIFS.find((motif) => motif.words.some((word) => words.includes(word)))?.draw ?? parcel;
}
