import { describe, expect, it } from "vitest";
import { htmlWeight, rscPayload, stylesheetPaths } from "@/scripts/bench/lib/html-weight";

// bench:pages and the build test count how often the stylesheet's text is in a page: in <style> elements as is,
// and in the RSC payload JSON-escaped and cut into chunks anywhere, so the payload is decoded before searching.

const CSS = `.a{content:"x"}\n${Array.from({ length: 40 }, (_, i) => `.c${i}{margin:${i}px}`).join("")}`;
const push = (text: string) => `<script>self.__next_f.push(${JSON.stringify([1, text])})</script>`;
const payloadRow = `2:T${CSS.length.toString(16)},${CSS}`;
const cut = Math.floor(payloadRow.length / 2) + 3; // inside the 200-character probe

describe("html weight", () => {
  it("counts the <style> and each copy in the payload, even split across chunks", () => {
    const html = `<html><head><style data-href="/_next/static/chunks/a.css">${CSS}</style></head><body>${push(payloadRow.slice(0, cut))}${push(payloadRow.slice(cut))}${push(`\n1b:T${CSS.length.toString(16)},${CSS}`)}</body></html>`;
    const weight = htmlWeight(html, CSS);
    expect(weight.stylesheetCopies).toBe(3); // <style>, the page tree's row, the global-error boundary's row
    expect(weight.inlineCssBytes).toBe(CSS.length);
    expect(rscPayload(html)).toContain(CSS);
    expect(stylesheetPaths(html)).toEqual(["/_next/static/chunks/a.css"]);
  });

  it("counts none when the sheet is linked", () => {
    const html = `<html><head><link rel="stylesheet" href="/_next/static/chunks/a.css?v=1"></head><body>${push('0:["$","link",null,{"href":"/_next/static/chunks/a.css"}]')}</body></html>`;
    expect(htmlWeight(html, CSS)).toMatchObject({
      stylesheetCopies: 0,
      inlineCssBytes: 0,
      stylesheetBytes: CSS.length,
    });
    expect(stylesheetPaths(html)).toEqual(["/_next/static/chunks/a.css"]);
  });
});
