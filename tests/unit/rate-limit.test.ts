import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { tooManyLinksText } from "@/components/account/auth-errors";
import { mailboxKey, tooManyLinksNotice, tooManyLinksPath } from "@/lib/auth/magic-link-limits";
import { visitorKey } from "@/lib/checkout/start/payment-start-limits";
import { bodyExcerpt, signatureExcerpt, wholeBody } from "@/lib/payments/unverified-body";
import { rateLimitKey, retryAfterText, windowOf, type RateLimitRule } from "@/lib/rate-limit/limiter";
import { MAGIC_LINKS_PER_CLIENT, MAGIC_LINKS_PER_EMAIL } from "@/lib/rate-limit/rules";
import { translator } from "../helpers/i18n";

const tooManyLinksMessage = (params: URLSearchParams, locale: "en" | "ar" = "en") => {
  const notice = tooManyLinksNotice(params);
  return notice && tooManyLinksText(translator(locale, "auth"), notice);
};

const rule: RateLimitRule = { name: "test", limit: 3, windowSeconds: 600, what: "tests" };

describe("fixed windows", () => {
  it("are aligned to the epoch, so every instance computes the same window for the same instant", () => {
    const { start, end } = windowOf(rule, new Date("2026-03-01T12:07:59.999Z"));
    expect([start.toISOString(), end.toISOString()]).toEqual(["2026-03-01T12:00:00.000Z", "2026-03-01T12:10:00.000Z"]);
    expect(windowOf(rule, new Date("2026-03-01T12:10:00.000Z")).start.toISOString()).toBe("2026-03-01T12:10:00.000Z");
  });

  it("keys name the rule and the subject; an oversized subject is hashed, never stored as sent", () => {
    expect(rateLimitKey(rule, "203.0.113.7")).toBe("test:203.0.113.7");
    const long = "x".repeat(5000);
    expect(rateLimitKey(rule, long)).toBe(`test:sha256:${createHash("sha256").update(long).digest("hex")}`);
  });

  it.each([
    [1, "in a second"],
    [40, "in 40 seconds"],
    [60, "in a minute"],
    [61, "in 2 minutes"],
    [720, "in 12 minutes"],
  ])("retryAfterText(%i) = %s", (seconds, text) => {
    expect(retryAfterText(seconds)).toBe(text);
  });
});

describe("sign-in link limits: subjects and messages", () => {
  it.each([
    ["Ana@Example.com", "ana@example.com"],
    [" ana+shop@example.com ", "ana@example.com"],
    ["ana+a+b@example.com", "ana@example.com"],
    ["+tag@example.com", "+tag@example.com"],
    ["not-an-address", "not-an-address"],
  ])("mailboxKey(%j) = %j", (email, key) => {
    expect(mailboxKey(email)).toBe(key);
  });

  it("the login URL of a refusal reads back as a sentence saying which limit and how long", () => {
    const byEmail = new URL(
      tooManyLinksPath({ ok: false, rule: MAGIC_LINKS_PER_EMAIL, retryAfterSeconds: 700 }),
      "http://x",
    ).searchParams;
    expect(tooManyLinksMessage(byEmail)).toBe(
      "Too many sign-in links were sent to this address. Use the newest one in your inbox, or ask for another in 12 minutes.",
    );
    const byClient = new URL(
      tooManyLinksPath({ ok: false, rule: MAGIC_LINKS_PER_CLIENT, retryAfterSeconds: 30 }),
      "http://x",
    ).searchParams;
    expect(tooManyLinksMessage(byClient)).toBe(
      "Too many sign-in links were asked for from your network. Please try again in 30 seconds.",
    );
  });

  it("a hand-made URL cannot make the page say anything else", () => {
    expect(tooManyLinksMessage(new URLSearchParams("error=Verification"))).toBeNull();
    expect(tooManyLinksMessage(new URLSearchParams("error=TooManyRequests&wait=<b>&scope=email"))).toMatch(
      /ask for another in a few minutes\.$/,
    );
    expect(tooManyLinksMessage(new URLSearchParams("error=TooManyRequests&wait=99999999"))).toMatch(
      /try again in a few minutes\.$/,
    );
  });

  it.each([
    [1, "email", "أو اطلب رابطًا آخر بعد ثانية."],
    [2, "client", "يُرجى المحاولة مرة أخرى بعد ثانيتين."],
    [5, "client", "يُرجى المحاولة مرة أخرى بعد 5 ثوانٍ."],
    [60, "client", "يُرجى المحاولة مرة أخرى بعد دقيقة."],
    [120, "client", "يُرجى المحاولة مرة أخرى بعد دقيقتين."],
    [700, "email", "أو اطلب رابطًا آخر بعد 12 دقيقة."],
    [3 * 60, "email", "أو اطلب رابطًا آخر بعد 3 دقائق."],
    [undefined, "client", "يُرجى المحاولة مرة أخرى بعد بضع دقائق."],
  ])("in Arabic, a wait of %s s (%s) uses the right plural form", (wait, scope, ending) => {
    const params = new URLSearchParams({ error: "TooManyRequests", scope, ...(wait ? { wait: String(wait) } : {}) });
    // Which digits (0-9 or ٠-٩) is the locale's business, not this test's.
    const latin = tooManyLinksMessage(params, "ar")?.replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x660));
    expect(latin).toMatch(new RegExp(`${ending}$`));
  });
});

describe("payment start limits: whose allowance", () => {
  it("the visitor cookie, else the account, else one shared 'unknown'", () => {
    expect(visitorKey({ guestId: "g1", userId: "u1" })).toBe("g1");
    expect(visitorKey({ userId: "u1" })).toBe("user:u1");
    expect(visitorKey({})).toBe("unknown");
  });
});

describe("unverified callback bodies: an excerpt, with what identifies the whole", () => {
  it("a 64 KiB body keeps its first 2 KiB, its size and the sha256 of all of it", () => {
    const raw = JSON.stringify({ type: "TRANSACTION", obj: { id: 1, padding: "a".repeat(64 * 1024 - 60) } });
    const kept = bodyExcerpt(raw);
    expect(kept).toEqual({
      text: raw.slice(0, 2048),
      sha256: createHash("sha256").update(raw).digest("hex"),
      bytes: Buffer.byteLength(raw),
      truncated: true,
    });
  });

  it("a short body is kept whole; cutting never splits a character", () => {
    expect(bodyExcerpt("{}")).toMatchObject({ text: "{}", bytes: 2, truncated: false });
    const arabic = "ج".repeat(2000); // 2 bytes each
    const cut = bodyExcerpt(`x${arabic}`);
    expect(cut.text).toBe(`x${"ج".repeat(1023)}`);
    expect(Buffer.byteLength(cut.text)).toBeLessThanOrEqual(2048);
    expect(cut.text).not.toContain("\uFFFD");
  });

  it("NUL bytes stay storable in the excerpt too", () => {
    expect(bodyExcerpt(`\0${"x".repeat(3000)}`).text.startsWith("\uFFFD")).toBe(true);
  });

  it("whole bodies (verified) are never cut; signatures of unverified ones are", () => {
    const big = "y".repeat(10_000);
    expect(wholeBody(big)).toMatchObject({ text: big, bytes: 10_000, truncated: false });
    expect(signatureExcerpt("f".repeat(100_000))).toHaveLength(256);
    expect(signatureExcerpt(null)).toBeNull();
  });
});
