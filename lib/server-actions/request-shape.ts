// Server actions are public POST endpoints: anyone can call one with any arguments. Next.js decodes them and calls
// the function, and an action that reads `form.get(…)` on something that is not a FormData throws a TypeError,
// which Next.js answers with a 500 (an action cannot choose its status). So the proxy refuses such requests
// first, with a 400, by checking them against this app's one convention (tests/unit/server-action-shape.test.ts
// holds every action to it):
//
//   a server action's last parameter, if it has any, is the FormData of the form that submitted it, and it
//   reads no other argument (useActionState's previous state comes first and goes unread).
//
// Where that last parameter is, the proxy reads from the action's id: Next.js encodes the parameters of an
// action in the first byte of its id, a mask its client uses to leave out arguments the function does not take
// (next/dist/shared/lib/server-reference-info.js). `(_previous, form)` is 0x60: arguments 1 and 2.

const ACTION_ID = /^[0-9a-f]{42}$/;
const FORM_DATA_REFERENCE = /^\$K[0-9a-f]+$/; // how React's reply encoding writes a FormData argument

/** Index of the action's last parameter (its form); undefined when it takes none or the id says nothing usable. */
export function formArgumentIndex(actionId: string): number | undefined {
  if (!ACTION_ID.test(actionId)) return undefined;
  const info = parseInt(actionId.slice(0, 2), 16);
  const cacheFunction = (info >> 7) & 1; // 'use cache' functions are not actions; Next.js refuses those calls
  const hasRestArgs = info & 1; // beyond the mask: not this app's convention, leave the call to Next.js
  if (cacheFunction || hasRestArgs) return undefined;
  const usedMask = (info >> 1) & 0x3f; // bit 5 is argument 0, bit 0 is argument 5
  for (let index = 5; index >= 0; index--) if ((usedMask >> (5 - index)) & 1) return index;
  return undefined;
}

/**
 * Why this request is a server action call that no action of this app can handle, or undefined when it is
 * fine (or not an action call at all). Reads a clone of the body; the original goes on to Next.js untouched.
 */
export async function malformedActionReason(request: Request): Promise<string | undefined> {
  if (request.method !== "POST") return undefined;
  const contentType = request.headers.get("content-type") ?? "";
  const actionId = request.headers.get("next-action");
  if (actionId !== null) return fetchActionProblem(request, actionId, contentType);
  // Next.js treats a multipart POST to a page as a form posted without JavaScript, if it names an action.
  if (contentType.startsWith("multipart/form-data")) return formPostProblem(request);
  return undefined;
}

/** A call from Next's client: the arguments are a JSON array, in the body or (multipart) its field "0". */
async function fetchActionProblem(
  request: Request,
  actionId: string,
  contentType: string,
): Promise<string | undefined> {
  const index = formArgumentIndex(actionId);
  if (index === undefined) return undefined; // unknown ids and argument-less actions: Next.js answers those itself
  let root: string | undefined;
  if (contentType.startsWith("multipart/form-data")) {
    const form = await readForm(request);
    if (!form) return "the multipart body cannot be read";
    const field = form.get("0");
    root = typeof field === "string" ? field : undefined;
  } else {
    root = await request.clone().text();
  }
  const args = parseJson(root);
  if (!Array.isArray(args)) return "the arguments are not a list";
  return isFormReference(args[index]) ? undefined : `argument ${index + 1} must be the submitted form`;
}

/**
 * A form posted without JavaScript. React calls the action with the form's bound arguments (useActionState binds
 * the previous state) followed by the FormData, so the argument the action reads must be the one after them.
 */
async function formPostProblem(request: Request): Promise<string | undefined> {
  const form = await readForm(request);
  if (!form) return undefined; // not readable as a form: Next.js renders the page as for any other POST
  const keys = [...form.keys()].filter((key) => key.startsWith("$ACTION_REF_") || key.startsWith("$ACTION_ID_"));
  if (keys.length === 0) return undefined;
  if (keys.length > 1) return "the form names more than one action";
  const key = keys[0]!;
  if (key.startsWith("$ACTION_ID_")) return readsFormAt(key.slice("$ACTION_ID_".length), 0);

  const prefix = `$ACTION_${key.slice("$ACTION_REF_".length)}:`;
  const meta = parseJson(stringField(form, `${prefix}0`));
  if (!isRecord(meta) || typeof meta.id !== "string") return "the form's action reference cannot be read";
  // React only binds arguments given as a reference to another field ("$@<hex id>"); anything else binds none.
  const boundRef = typeof meta.bound === "string" ? /^\$@([0-9a-f]+)$/.exec(meta.bound) : null;
  if (!boundRef) return readsFormAt(meta.id, 0);
  const bound = parseJson(stringField(form, `${prefix}${parseInt(boundRef[1]!, 16)}`));
  if (!Array.isArray(bound)) return "the form's bound arguments are not a list";
  return readsFormAt(meta.id, bound.length);
}

function readsFormAt(actionId: string, formIndex: number): string | undefined {
  const index = formArgumentIndex(actionId);
  if (index === undefined || index === formIndex) return undefined;
  return `argument ${index + 1} must be the submitted form`;
}

async function readForm(request: Request): Promise<FormData | undefined> {
  try {
    return await request.clone().formData();
  } catch {
    return undefined;
  }
}

function stringField(form: FormData, key: string): string | undefined {
  const value = form.get(key);
  return typeof value === "string" ? value : undefined;
}

function parseJson(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const isFormReference = (value: unknown) => typeof value === "string" && FORM_DATA_REFERENCE.test(value);
