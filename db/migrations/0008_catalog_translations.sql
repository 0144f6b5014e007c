-- Hand-written (drizzle-kit does not model functions): the Arabic search folding used by the generated
-- product_translations.search column below and by searchProducts on the query side, so both fold alike.
-- 1. strip harakat, shadda, sukun, superscript alef, the combining maddah/hamza marks (U+064B-U+0655, U+0670)
--    and tatweel (U+0640); 2. one letter per family: alef forms أ إ آ ٱ -> ا, alef maqsura ى -> ي, ta marbuta
--    ة -> ه, hamza carriers ؤ -> و and ئ -> ي; 3. drop the definite article with its attached particles
--    (ال وال بال فال كال وبال ... and لل) when at least two letters remain, so "قهوة" finds "القهوة".
-- IMMUTABLE (only immutable built-ins), as a generated column requires; no SET search_path, so it can be inlined.
CREATE FUNCTION "catalog_search_fold"(t text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
  SELECT regexp_replace(
    translate(regexp_replace(t, '[\u064B-\u0655\u0670\u0640]', '', 'g'), 'أإآٱىةؤئ', 'اااايهوي'),
    '(^|[^\u0621-\u064A])(و?[بفك]?ال|لل)(?=[\u0621-\u064A]{2})', '\1', 'g')
$$;
--> statement-breakpoint
-- What a shopper typed, folded the same way, as a tsquery: every word must match, each as a prefix (so a word
-- still being typed matches). Built from the lexemes the 'simple' parser finds, each quoted and escaped, so no
-- input can be a tsquery syntax error; NULL (matches nothing) when there is no word at all.
CREATE FUNCTION "catalog_search_tsquery"(q text) RETURNS tsquery
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
  SELECT CASE WHEN count(*) = 0 THEN NULL ELSE to_tsquery('simple',
    string_agg('''' || replace(replace(lexeme, '\', '\\'), '''', '''''') || ''':*', ' & ')) END
  FROM unnest(to_tsvector('simple', catalog_search_fold(q)))
$$;
--> statement-breakpoint
CREATE TABLE "category_translations" (
	"category_id" integer NOT NULL,
	"locale" text NOT NULL,
	"name" text,
	"description" text,
	CONSTRAINT "category_translations_pk" PRIMARY KEY("category_id","locale"),
	CONSTRAINT "category_translations_locale" CHECK ("category_translations"."locale" in ('ar'))
);
--> statement-breakpoint
CREATE TABLE "product_translations" (
	"product_id" integer NOT NULL,
	"locale" text NOT NULL,
	"name" text,
	"description" text,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('simple', catalog_search_fold(coalesce("name", ''))), 'A') || setweight(to_tsvector('simple', catalog_search_fold(coalesce("description", ''))), 'B')) STORED NOT NULL,
	CONSTRAINT "product_translations_pk" PRIMARY KEY("product_id","locale"),
	CONSTRAINT "product_translations_locale" CHECK ("product_translations"."locale" in ('ar'))
);
--> statement-breakpoint
ALTER TABLE "category_translations" ADD CONSTRAINT "category_translations_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."categories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_translations" ADD CONSTRAINT "product_translations_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "product_translations_search_idx" ON "product_translations" USING gin ("search");