/** The demo shop: about 30 products and two accounts (see README, "Demo data"). */
import { slugify } from "@/lib/slugify";

export const DEMO_PASSWORD = "storefront-demo";

export const demoAccounts = [
  { email: "admin@storefront.test", name: "Ada Admin", role: "admin" },
  { email: "shopper@storefront.test", name: "Sam Shopper", role: "customer" },
] as const;

/** The demo shopper's address book, so checking out as them is one click from the cart. */
export const demoAddresses: Record<
  string,
  { name: string; line1: string; city: string; postalCode: string; country: string }[]
> = {
  "shopper@storefront.test": [
    { name: "Sam Shopper", line1: "500 Howard Street", city: "San Francisco", postalCode: "94105", country: "US" },
  ],
};

/** Codes to try at checkout (README, "Demo data"): one percentage, one fixed amount with a minimum. */
export const demoDiscountCodes = [
  { code: "WELCOME10", description: "10 % off any order", kind: "percent", value: 10 },
  {
    code: "SAVE5",
    description: "$5 off orders of $30 or more",
    kind: "fixed",
    value: 500,
    minSubtotalCents: 3_000,
  },
] as const;

type Category = "mug" | "lamp" | "bag" | "plant" | "book" | "sock" | "chair" | "kettle";

/** The demo shop's categories, in display order. */
export const demoCategories = [
  { slug: "kitchen", name: "Kitchen", position: 1 },
  { slug: "lighting", name: "Lighting", position: 2 },
  { slug: "bags", name: "Bags", position: 3 },
  { slug: "plants", name: "Plants", position: 4 },
  { slug: "books-and-paper", name: "Books & Paper", position: 5 },
  { slug: "clothing", name: "Clothing", position: 6 },
  { slug: "furniture", name: "Furniture", position: 7 },
] as const;

type CategorySlug = (typeof demoCategories)[number]["slug"];

/** Each kind of demo product in its category. (Pictures are drawn per product: src/lib/pictures.) */
const categoryOfKind: Record<Category, CategorySlug> = {
  mug: "kitchen",
  kettle: "kitchen",
  lamp: "lighting",
  bag: "bags",
  plant: "plants",
  book: "books-and-paper",
  sock: "clothing",
  chair: "furniture",
};

interface DemoProduct {
  name: string;
  description: string;
  priceCents: number;
  stock: number;
  category: Category;
}

// A few items are deliberately scarce or sold out so those paths can be seen.
export const demoProducts: DemoProduct[] = [
  {
    name: "Stoneware Mug",
    description: "A hand-glazed 350 ml mug that keeps coffee warm.",
    priceCents: 1800,
    stock: 120,
    category: "mug",
  },
  {
    name: "Enamel Camp Mug",
    description: "Chip-resistant enamel mug for the trail and the desk.",
    priceCents: 1450,
    stock: 80,
    category: "mug",
  },
  {
    name: "Double-Wall Glass Cup",
    description: "Borosilicate glass that stays cool to the touch.",
    priceCents: 2200,
    stock: 3,
    category: "mug",
  },
  {
    name: "Espresso Cup Pair",
    description: "Two porcelain espresso cups with saucers.",
    priceCents: 2600,
    stock: 40,
    category: "mug",
  },
  {
    name: "Brass Desk Lamp",
    description: "Adjustable brass lamp with a warm LED bulb.",
    priceCents: 8900,
    stock: 15,
    category: "lamp",
  },
  {
    name: "Paper Lantern",
    description: "Soft diffused light from a rice-paper shade.",
    priceCents: 3400,
    stock: 25,
    category: "lamp",
  },
  {
    name: "Clip-On Reading Light",
    description: "Rechargeable reading light with three brightness levels.",
    priceCents: 2100,
    stock: 2,
    category: "lamp",
  },
  {
    name: "Concrete Table Lamp",
    description: "Minimal cast-concrete base with a linen shade.",
    priceCents: 6400,
    stock: 0,
    category: "lamp",
  },
  {
    name: "Canvas Tote",
    description: "Heavy cotton canvas tote with an inner pocket.",
    priceCents: 2400,
    stock: 200,
    category: "bag",
  },
  {
    name: "Waxed Backpack",
    description: "Water-resistant waxed canvas backpack, 20 litres.",
    priceCents: 12900,
    stock: 12,
    category: "bag",
  },
  {
    name: "Leather Card Holder",
    description: "Vegetable-tanned leather, holds six cards.",
    priceCents: 3900,
    stock: 60,
    category: "bag",
  },
  {
    name: "Weekender Duffel",
    description: "Roomy duffel for short trips, with a shoe compartment.",
    priceCents: 15900,
    stock: 1,
    category: "bag",
  },
  {
    name: "Fiddle Leaf Fig",
    description: "A statement houseplant in a 20 cm nursery pot.",
    priceCents: 4500,
    stock: 8,
    category: "plant",
  },
  {
    name: "Snake Plant",
    description: "Nearly indestructible and happy in low light.",
    priceCents: 2900,
    stock: 30,
    category: "plant",
  },
  {
    name: "Terracotta Planter",
    description: "Unglazed terracotta planter with drainage tray.",
    priceCents: 1900,
    stock: 45,
    category: "plant",
  },
  {
    name: "Herb Garden Kit",
    description: "Basil, parsley and chives with seeds, soil and pots.",
    priceCents: 2700,
    stock: 0,
    category: "plant",
  },
  {
    name: "Field Notes Journal",
    description: "Dot-grid pocket journal, pack of three.",
    priceCents: 1200,
    stock: 150,
    category: "book",
  },
  {
    name: "Linen Sketchbook",
    description: "A5 sketchbook with 160 g acid-free paper.",
    priceCents: 2300,
    stock: 35,
    category: "book",
  },
  {
    name: "The Home Cook",
    description: "A cookbook of 120 weeknight recipes.",
    priceCents: 3200,
    stock: 20,
    category: "book",
  },
  {
    name: "Pocket Atlas",
    description: "A tiny atlas of the world's cities and rivers.",
    priceCents: 1600,
    stock: 2,
    category: "book",
  },
  {
    name: "Merino Hiking Socks",
    description: "Cushioned merino wool socks for long walks.",
    priceCents: 2200,
    stock: 90,
    category: "sock",
  },
  {
    name: "Striped Cotton Socks",
    description: "Organic cotton socks in three colourways.",
    priceCents: 1100,
    stock: 140,
    category: "sock",
  },
  {
    name: "Wool Slipper Socks",
    description: "Thick knit slipper socks with a grippy sole.",
    priceCents: 2600,
    stock: 18,
    category: "sock",
  },
  {
    name: "Oak Stool",
    description: "Solid oak stool, oiled finish, 45 cm tall.",
    priceCents: 11900,
    stock: 6,
    category: "chair",
  },
  {
    name: "Folding Chair",
    description: "Beech folding chair that hangs on the wall.",
    priceCents: 7900,
    stock: 10,
    category: "chair",
  },
  {
    name: "Reading Armchair",
    description: "Deep armchair upholstered in wool bouclé.",
    priceCents: 54900,
    stock: 2,
    category: "chair",
  },
  {
    name: "Kids' Step Stool",
    description: "Two-step birch stool for little helpers.",
    priceCents: 4900,
    stock: 22,
    category: "chair",
  },
  {
    name: "Gooseneck Kettle",
    description: "Precise pour-over kettle with a thermometer.",
    priceCents: 5900,
    stock: 14,
    category: "kettle",
  },
  {
    name: "Stovetop Kettle",
    description: "Classic whistling kettle in brushed steel.",
    priceCents: 4400,
    stock: 27,
    category: "kettle",
  },
  {
    name: "Electric Kettle",
    description: "1.7 litre kettle with temperature presets.",
    priceCents: 6900,
    stock: 9,
    category: "kettle",
  },
  {
    name: "Cold Brew Jar",
    description: "Glass jar with a fine mesh filter for cold brew coffee.",
    priceCents: 2800,
    stock: 33,
    category: "kettle",
  },
];

/** The demo products as rows, given the ids of the demo categories by slug. */
export function demoProductRows(categoryIds: ReadonlyMap<string, string>) {
  // Spread creation times so "newest" has a visible, stable order.
  const base = Date.UTC(2026, 0, 1);
  return demoProducts.map((product, index) => ({
    slug: slugify(product.name),
    name: product.name,
    description: product.description,
    priceCents: product.priceCents,
    stock: product.stock,
    categoryId: categoryIds.get(categoryOfKind[product.category]),
    createdAt: new Date(base + index * 3_600_000),
  }));
}
