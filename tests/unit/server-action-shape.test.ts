import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { extractInfoFromServerReferenceId } from "next/dist/shared/lib/server-reference-info";
import { formArgumentIndex, malformedActionReason } from "@/lib/server-actions/request-shape";

// Ids as Next.js writes them (first byte = the parameters the action takes), rest random-looking.
const TAIL = "51fbed605ef2d25f9ba94a941ed9114a31c42c39";
const NO_PARAMS = `00${TAIL}`; // signOutAction()
const FORM_ONLY = `40${TAIL}`; // signInWithOAuth(form)
const STATE_THEN_FORM = `60${TAIL}`; // checkout(_previous, form)

const PAGE = "http://localhost/checkout";

function fetchAction(id: string, body: BodyInit, contentType?: string): Request {
  const headers: Record<string, string> = { "next-action": id };
  if (contentType) headers["content-type"] = contentType;
  return new Request(PAGE, { method: "POST", headers, body });
}

function multipart(fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  return form;
}

describe("formArgumentIndex: where an action's form is, from its id", () => {
  it("agrees with Next.js's own decoding of the id's first byte, for every byte", () => {
    for (let byte = 0; byte < 256; byte++) {
      const id = `${byte.toString(16).padStart(2, "0")}${TAIL}`;
      const info = extractInfoFromServerReferenceId(id);
      const last = info.usedArgs.lastIndexOf(true);
      const expected = info.type !== "server-action" || info.hasRestArgs || last < 0 ? undefined : last;
      expect(formArgumentIndex(id), id).toBe(expected);
    }
  });

  it("knows nothing about ids that are not Next.js action ids", () => {
    for (const id of ["", "60", `60${TAIL}0`, `ZZ${TAIL}`, `60${TAIL.toUpperCase()}`])
      expect(formArgumentIndex(id), id).toBeUndefined();
  });
});

describe("malformedActionReason: server action calls no action of this app can take", () => {
  it("accepts what Next's client sends: the form where the action takes it", async () => {
    // useActionState(checkout): the unread previous state is left out, the form travels as a FormData reference.
    const body = multipart({ "0": JSON.stringify(["$undefined", "$K1"]), _1_email: "a@b.example" });
    expect(await malformedActionReason(fetchAction(STATE_THEN_FORM, body))).toBeUndefined();
    expect(
      await malformedActionReason(fetchAction(FORM_ONLY, multipart({ "0": JSON.stringify(["$K1"]) }))),
    ).toBeUndefined();
    expect(await malformedActionReason(fetchAction(NO_PARAMS, "[]", "text/plain;charset=UTF-8"))).toBeUndefined();
  });

  it.each([
    ["a string where the form goes", STATE_THEN_FORM, JSON.stringify([null, "x"])],
    ["a plain object where the form goes", STATE_THEN_FORM, JSON.stringify([null, { email: "a@b.example" }])],
    ["the form one place too early", STATE_THEN_FORM, JSON.stringify(["$K1"])],
    ["no arguments at all", FORM_ONLY, "[]"],
    ["arguments that are not a list", FORM_ONLY, JSON.stringify({ 0: "$K1" })],
    ["a body that is not JSON", FORM_ONLY, "not json"],
  ])("refuses %s (text body)", async (_name, id, body) => {
    expect(await malformedActionReason(fetchAction(id, body, "text/plain;charset=UTF-8"))).toMatch(
      /argument \d must be the submitted form|not a list/,
    );
  });

  it("refuses a multipart call whose form is missing, or whose argument list is missing", async () => {
    expect(
      await malformedActionReason(fetchAction(STATE_THEN_FORM, multipart({ "0": JSON.stringify([null, 42]) }))),
    ).toBe("argument 2 must be the submitted form");
    expect(await malformedActionReason(fetchAction(FORM_ONLY, multipart({ email: "a@b.example" })))).toBe(
      "the arguments are not a list",
    );
  });

  it("accepts forms posted without JavaScript as React renders them", async () => {
    expect(
      await malformedActionReason(formPost({ [`$ACTION_ID_${FORM_ONLY}`]: "", provider: "github" })),
    ).toBeUndefined();
    expect(await malformedActionReason(formPost({ [`$ACTION_ID_${NO_PARAMS}`]: "" }))).toBeUndefined();
    // useActionState binds the previous state; React then appends the form.
    const bound = {
      $ACTION_REF_1: "",
      "$ACTION_1:0": JSON.stringify({ id: STATE_THEN_FORM, bound: "$@1" }),
      "$ACTION_1:1": JSON.stringify([null]),
      $ACTION_KEY: "k1",
      email: "a@b.example",
    };
    expect(await malformedActionReason(formPost(bound))).toBeUndefined();
  });

  it("refuses forms posted without JavaScript that would put something else where the form goes", async () => {
    // Posting the id of a (state, form) action directly makes React call it with the form first.
    expect(await malformedActionReason(formPost({ [`$ACTION_ID_${STATE_THEN_FORM}`]: "" }))).toBe(
      "argument 2 must be the submitted form",
    );
    const tooMany = {
      $ACTION_REF_1: "",
      "$ACTION_1:0": JSON.stringify({ id: STATE_THEN_FORM, bound: "$@1" }),
      "$ACTION_1:1": JSON.stringify(["a", "b"]),
    };
    expect(await malformedActionReason(formPost(tooMany))).toBe("argument 2 must be the submitted form");
    const notAList = {
      $ACTION_REF_1: "",
      "$ACTION_1:0": JSON.stringify({ id: STATE_THEN_FORM, bound: "$@1" }),
      "$ACTION_1:1": "null",
    };
    expect(await malformedActionReason(formPost(notAList))).toBe("the form's bound arguments are not a list");
    expect(await malformedActionReason(formPost({ $ACTION_REF_1: "", "$ACTION_1:0": "{" }))).toBe(
      "the form's action reference cannot be read",
    );
    expect(
      await malformedActionReason(formPost({ [`$ACTION_ID_${FORM_ONLY}`]: "", [`$ACTION_ID_${NO_PARAMS}`]: "" })),
    ).toBe("the form names more than one action");
  });

  it("leaves everything else to Next.js: other methods, plain form posts, unknown ids", async () => {
    expect(await malformedActionReason(new Request(PAGE, { headers: { "next-action": FORM_ONLY } }))).toBeUndefined();
    expect(await malformedActionReason(formPost({ email: "a@b.example" }))).toBeUndefined();
    expect(
      await malformedActionReason(new Request(PAGE, { method: "POST", body: new URLSearchParams({ a: "b" }) })),
    ).toBeUndefined();
    expect(await malformedActionReason(fetchAction("not-an-id", "[1]", "text/plain"))).toBeUndefined();
  });

  it("leaves the body readable for Next.js", async () => {
    const request = fetchAction(FORM_ONLY, JSON.stringify(["x"]), "text/plain");
    await malformedActionReason(request);
    expect(await request.text()).toBe('["x"]');
  });
});

function formPost(fields: Record<string, string>): Request {
  return new Request(PAGE, { method: "POST", body: multipart(fields) });
}

// The convention the proxy's check relies on, held for every server action in the code base.
describe("every server action takes its form last and reads nothing before it", () => {
  const root = path.resolve(import.meta.dirname, "../..");
  const files = ["app", "lib", "components"]
    .flatMap((dir) => sourceFiles(path.join(root, dir)))
    .filter((file) => /^\s*["']use server["']/.test(fs.readFileSync(file, "utf8")));
  const actions = files.flatMap((file) =>
    exportedFunctions(file).map((fn) => ({ ...fn, file: path.relative(root, file) })),
  );

  it("finds the actions (sanity check of the check)", () => {
    expect(actions.map((a) => a.name)).toEqual(
      expect.arrayContaining([
        "checkout",
        "tryAgain",
        "addToCartFromForm",
        "setCartQuantity",
        "removeFromCart",
        "signOutAction",
      ]),
    );
  });

  it.each(actions.map((a) => [`${a.file}: ${a.name}`, a] as const))("%s", (_label, action) => {
    if (action.params.length === 0) return;
    const last = action.params.at(-1)!;
    expect(last.type, "the last parameter is the submitted FormData").toBe("FormData");
    for (const earlier of action.params.slice(0, -1))
      expect(earlier.name, "earlier parameters go unread (named _…)").toMatch(/^_/);
  });
});

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

type Param = { name: string; type: string | undefined };

function exportedFunctions(file: string): { name: string; params: Param[] }[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const exported = (node: ts.Node) =>
    ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  const params = (fn: ts.SignatureDeclaration): Param[] =>
    fn.parameters.map((p) => ({ name: p.name.getText(source), type: p.type?.getText(source) }));
  const found: { name: string; params: Param[] }[] = [];
  for (const statement of source.statements) {
    if (ts.isFunctionDeclaration(statement) && exported(statement) && statement.name)
      found.push({ name: statement.name.text, params: params(statement) });
    if (ts.isVariableStatement(statement) && exported(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const init = declaration.initializer;
        if (init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init)))
          found.push({ name: declaration.name.getText(source), params: params(init) });
        else
          found.push({
            name: declaration.name.getText(source),
            params: [{ name: "?", type: "not a plain function: check it by hand" }],
          });
      }
    }
  }
  return found;
}
