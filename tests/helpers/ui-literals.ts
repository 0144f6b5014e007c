import ts from "typescript";

// Finds English text written straight into a component, where a message key (useTranslations) belongs: the
// text between JSX tags, and string literals given to attributes a person reads or hears. Used by
// tests/unit/no-english-literals.test.ts; pure (a file name and its text in, findings out) so the test can
// also prove it on a snippet.

/** Attributes whose value is shown or read aloud. `label` is the prop name this codebase's inputs use. */
const VISIBLE_ATTRIBUTES = new Set([
  "aria-label",
  "aria-description",
  "aria-placeholder",
  "aria-roledescription",
  "aria-valuetext",
  "placeholder",
  "title",
  "alt",
  "label",
]);

const LATIN = /[A-Za-z]/;

export type UiLiteral = { line: number; kind: "text" | "attribute"; text: string };

/**
 * Every English literal in `source`, a .tsx file. `allowedTokens` are words that stay the same in every
 * language (the store's name, Paymob, currency codes); they are removed before looking for Latin letters.
 */
export function findUiLiterals(fileName: string, source: string, allowedTokens: readonly string[]): UiLiteral[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: UiLiteral[] = [];
  const isEnglish = (text: string) =>
    LATIN.test(allowedTokens.reduce((rest, token) => rest.split(token).join(" "), text));
  const report = (node: ts.Node, kind: UiLiteral["kind"], text: string) => {
    if (!isEnglish(text)) return;
    const line = file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1;
    found.push({ line, kind, text: text.trim().replace(/\s+/g, " ") });
  };
  // String literals in the positions that end up on screen: the expression itself, either branch of a
  // condition, the fallback of || / ?? / &&. Not call arguments: t("cart.title") is a key, not text.
  const shownStrings = (expression: ts.Expression, kind: UiLiteral["kind"]): void => {
    if (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression)) {
      report(expression, kind, expression.text);
    } else if (ts.isTemplateExpression(expression)) {
      report(
        expression,
        kind,
        [expression.head.text, ...expression.templateSpans.map((s) => s.literal.text)].join(" "),
      );
    } else if (ts.isParenthesizedExpression(expression)) {
      shownStrings(expression.expression, kind);
    } else if (ts.isConditionalExpression(expression)) {
      shownStrings(expression.whenTrue, kind);
      shownStrings(expression.whenFalse, kind);
    } else if (ts.isBinaryExpression(expression)) {
      const op = expression.operatorToken.kind;
      if (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken) {
        shownStrings(expression.left, kind);
        shownStrings(expression.right, kind);
      } else if (op === ts.SyntaxKind.AmpersandAmpersandToken) {
        shownStrings(expression.right, kind);
      }
    }
  };
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node)) {
      report(node, "text", node.text);
    } else if (ts.isJsxExpression(node) && node.expression && !ts.isJsxAttribute(node.parent)) {
      shownStrings(node.expression, "text");
    } else if (ts.isJsxAttribute(node) && node.initializer && VISIBLE_ATTRIBUTES.has(node.name.getText(file))) {
      const value = node.initializer;
      if (ts.isStringLiteral(value)) report(value, "attribute", value.text);
      else if (ts.isJsxExpression(value) && value.expression) shownStrings(value.expression, "attribute");
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}
