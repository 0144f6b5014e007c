import type { SEED_CATEGORIES, SEED_PRODUCTS } from "./seed-data";

/** Arabic copy for one product or shelf; English stays in seed-data.ts as the default. */
type ArabicCopy = { readonly name: string; readonly description: string };

// Written for this catalog in Modern Standard Arabic, with the Egyptian names a shopper would expect (كنكة,
// كركديه, دُقّة, مصر القديمة). Keyed by slug and typed over every seeded slug, so a product or shelf added to
// seed-data.ts without Arabic copy fails the type check. Some words keep their shadda or hamza on purpose:
// searching without them must still find the product (tests/integration/catalog-translations.test.ts).

export const SEED_CATEGORIES_AR = {
  kitchen: {
    name: "المطبخ والمائدة",
    description: "فخار ونحاس وخزف للطهي والتقديم وقهوة الصباح.",
  },
  pantry: {
    name: "المؤونة",
    description: "زيت وعسل وتمر وشاي وتوابل من واحات مصر وجبالها.",
  },
  textiles: {
    name: "المنسوجات",
    description: "قطن جيزة وكتان مغسول بالحجر، منسوج ومطبوع يدويًا.",
  },
  home: {
    name: "البيت والإضاءة",
    description: "مصابيح وحوامل شموع وأدوات ورقية تمنح الغرفة دفئًا.",
  },
  gifts: {
    name: "أطقم الهدايا",
    description: "علب ومجموعات جاهزة للإهداء، وتصل مجموعات جديدة قبل كل عيد.",
  },
} as const satisfies Record<(typeof SEED_CATEGORIES)[number]["slug"], ArabicCopy>;

export const SEED_PRODUCTS_AR = {
  "aswan-clay-mug": {
    name: "مجّ أسوان الفخاري",
    description:
      "مجّ من الفخار الحجري مشكّل يدويًا ومزجّج بلون مغرة ضفاف النيل في أسوان. يتسع لـ350 مل ويحفظ القهوة دافئة أطول من البورسلين.",
  },
  "siwa-olive-oil": {
    name: "زيت زيتون سيوة، 500 مل",
    description:
      "زيت زيتون بكر ممتاز معصور على البارد من بساتين واحة سيوة. طعمه أخضر لاذع، ويُعبّأ في غضون أسبوع من القطاف.",
  },
  "khan-cotton-tote": {
    name: "حقيبة خان القطنية",
    description: "حقيبة من قماش القطن الثقيل، مطبوعة بالقوالب الخشبية بنقشة مستوحاة من فوانيس خان الخليلي.",
  },
  "cotton-bath-towel": {
    name: "منشفة حمّام من القطن المصري",
    description:
      "من قطن جيزة طويل التيلة بوزن 600 غرام للمتر المربع، منسوجة في المحلة الكبرى. ناعمة من أول غسلة وسريعة الجفاف.",
  },
  "karkade-hibiscus-tea": {
    name: "كركديه، 250 غرام",
    description:
      "كؤوس زهر الكركديه المجففة كاملةً من أسوان. يُشرب ساخنًا أو يُسكب على الثلج، فهو مشروب الصيف الأحمر في كل بيت مصري.",
  },
  "brass-coffee-pot": {
    name: "كنكة قهوة نحاسية",
    description: "كنكة من النحاس المطروق بيد طويلة، تتسع لفنجانين من القهوة الثقيلة المعطّرة بالهيل.",
  },
  "papyrus-notebook": {
    name: "دفتر البردي",
    description: "دفتر بمقاس A5 بغلاف من ورق البردي الأصلي، و160 صفحة من الورق الكريمي الذي يناسب أقلام الحبر.",
  },
  "fayoum-pottery-bowl": {
    name: "سلطانية فخار الفيوم",
    description: "رسمها خزّافو قرية تونس في الفيوم: آنية تقديم واسعة تزيّنها طيور ونخيل بالأزرق الكوبالتي والأخضر.",
  },
  "alabaster-candle-holder": {
    name: "شمعدان من المرمر",
    description: "منحوت من كتلة واحدة من مرمر الأقصر، ويتوهّج بلون كهرماني حين تُضاء الشمعة.",
  },
  "sinai-wild-honey": {
    name: "عسل سيناء البري، 400 غرام",
    description: "عسل خام من نحل يرعى على الزعتر والسنط في جبال سيناء. غير مصفّى ولم يتعرّض للحرارة.",
  },
  "linen-throw": {
    name: "غطاء كتان للأريكة",
    description: "كتان مغسول بالحجر بخطوط رملية ونيلية، يكفي أريكة كاملة وخفيف يلائم ليالي أغسطس.",
  },
  "mashrabiya-lamp": {
    name: "أباجورة مشربية",
    description: "شبكة من الخشب المخروط على طراز نوافذ القاهرة القديمة، تنثر نقوشًا هندسية هادئة في أرجاء الغرفة.",
  },
  "siwa-date-box": {
    name: "علبة هدايا تمر سيوة",
    description: "أربع وعشرون تمرة سيوية طرية، بعضها محشو باللوز، في علبة من سعف النخيل جاهزة للإهداء.",
  },
  "spice-trio": {
    name: "ثلاثي التوابل",
    description: "كمّون وكزبرة ودُقّة على طريقة البيت، تُحمَّص وتُطحن بكميات صغيرة في مصر القديمة.",
  },
} as const satisfies Record<(typeof SEED_PRODUCTS)[number]["slug"], ArabicCopy>;
