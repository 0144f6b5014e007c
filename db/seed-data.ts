/** The demo catalog's shelves, in menu order. A product names its shelf by slug. */
export const SEED_CATEGORIES = [
  {
    slug: "kitchen",
    name: "Kitchen & table",
    description: "Clay, brass and pottery for cooking, serving and the morning coffee.",
  },
  {
    slug: "pantry",
    name: "Pantry",
    description: "Oil, honey, dates, tea and spices from the oases and mountains of Egypt.",
  },
  {
    slug: "textiles",
    name: "Textiles",
    description: "Giza cotton and stonewashed linen, woven and printed by hand.",
  },
  {
    slug: "home",
    name: "Home & light",
    description: "Lamps, candle holders and paper goods for a warmer room.",
  },
  // Seeded empty on purpose: the demo shows what an empty shelf looks like.
  {
    slug: "gifts",
    name: "Gift sets",
    description: "Ready-to-give boxes and bundles. New sets arrive before every holiday.",
  },
] as const;

/** The demo catalog. Prices are whole major units here and become minor units in the store currency when seeded. */
export const SEED_PRODUCTS = [
  {
    slug: "aswan-clay-mug",
    category: "kitchen",
    name: "Aswan Clay Mug",
    price: 350,
    description:
      "Hand-thrown stoneware mug glazed in the ochre of Aswan's riverbanks. Holds 350 ml and keeps coffee warm longer than porcelain.",
  },
  {
    slug: "siwa-olive-oil",
    category: "pantry",
    name: "Siwa Olive Oil, 500 ml",
    price: 420,
    description:
      "Cold-pressed extra-virgin oil from the oasis groves of Siwa. Peppery, green and bottled within a week of harvest.",
  },
  {
    slug: "khan-cotton-tote",
    category: "textiles",
    name: "Khan Cotton Tote",
    price: 275,
    description: "A heavy cotton canvas tote block-printed in a pattern borrowed from the lanterns of Khan el-Khalili.",
  },
  {
    slug: "cotton-bath-towel",
    category: "textiles",
    name: "Egyptian Cotton Bath Towel",
    price: 890,
    description: "Long-staple Giza cotton, 600 gsm, woven in Mahalla. Soft from the first wash and quick to dry.",
  },
  {
    slug: "karkade-hibiscus-tea",
    category: "pantry",
    name: "Karkade Hibiscus Tea, 250 g",
    price: 160,
    description:
      "Whole dried hibiscus calyces from Aswan. Brew hot or pour over ice for the ruby-red drink of every Egyptian summer.",
  },
  {
    slug: "brass-coffee-pot",
    category: "kitchen",
    name: "Brass Coffee Pot",
    price: 1250,
    description: "A hammered brass kanaka with a long handle, sized for two cups of thick, cardamom-scented coffee.",
  },
  {
    slug: "papyrus-notebook",
    category: "home",
    name: "Papyrus Notebook",
    price: 310,
    description: "A5 notebook with a genuine papyrus cover and 160 pages of cream, fountain-pen-friendly paper.",
  },
  {
    slug: "fayoum-pottery-bowl",
    category: "kitchen",
    name: "Fayoum Pottery Bowl",
    price: 540,
    description:
      "Painted by the potters of Tunis village in Fayoum: a wide serving bowl with birds and palms in cobalt and green.",
  },
  {
    slug: "alabaster-candle-holder",
    category: "home",
    name: "Alabaster Candle Holder",
    price: 720,
    description: "Carved from a single block of Luxor alabaster, it glows amber when the candle is lit.",
  },
  {
    slug: "sinai-wild-honey",
    category: "pantry",
    name: "Sinai Wild Honey, 400 g",
    price: 380,
    description:
      "Raw honey from bees that forage on the thyme and acacia of the Sinai mountains. Unfiltered and unheated.",
  },
  {
    slug: "linen-throw",
    category: "textiles",
    name: "Linen Throw Blanket",
    price: 1650,
    description:
      "Stonewashed linen in sand and indigo stripes, large enough for a sofa and light enough for August nights.",
  },
  {
    slug: "mashrabiya-lamp",
    category: "home",
    name: "Mashrabiya Table Lamp",
    price: 2400,
    description:
      "Turned-wood lattice in the style of old Cairo windows, casting a soft geometric pattern across the room.",
  },
  {
    slug: "siwa-date-box",
    category: "pantry",
    name: "Siwa Date Gift Box",
    price: 450,
    description: "Twenty-four soft Siwi dates, some stuffed with almonds, in a palm-leaf box ready to give.",
  },
  {
    slug: "spice-trio",
    category: "pantry",
    name: "Spice Trio",
    price: 295,
    description: "Cumin, coriander and a house dukkah blend, toasted and ground in small batches in Old Cairo.",
  },
] as const;
