import { describe, expect, it } from "vitest";
import { envProblems } from "@/lib/env";
import { clientAddress, clientAddressSource, normalizeAddress } from "@/lib/rate-limit/client-address";

const headers = (values: Record<string, string>) => new Headers(values);

describe("clientAddressSource: TRUSTED_PROXY, decided once from the environment", () => {
  it.each([
    [{}, { kind: "forwarded-for", fromRight: 1 }],
    [{ VERCEL: "1" }, { kind: "vercel" }],
    [{ TRUSTED_PROXY: "vercel" }, { kind: "vercel" }],
    [{ TRUSTED_PROXY: "2" }, { kind: "forwarded-for", fromRight: 2 }],
    [{ TRUSTED_PROXY: " CF-Connecting-IP " }, { kind: "header", name: "cf-connecting-ip" }],
    [
      { TRUSTED_PROXY: "x-real-ip", VERCEL: "1" },
      { kind: "header", name: "x-real-ip" },
    ],
  ])("%j → %j", (env, source) => {
    expect(clientAddressSource(env)).toEqual(source);
  });

  it.each(["0", "11", "-1", "1.5", "x-forwarded-for", "two words", "x_real_ip"])(
    "refuses TRUSTED_PROXY=%j with a sentence naming it",
    (value) => {
      expect(() => clientAddressSource({ TRUSTED_PROXY: value })).toThrow(/^TRUSTED_PROXY must be/);
    },
  );

  it("an invalid TRUSTED_PROXY stops the server at start, like every other setting", () => {
    expect(envProblems({ TRUSTED_PROXY: "nginx please" })).toContainEqual(
      expect.stringMatching(/^TRUSTED_PROXY must be .*\(got nginx please\)\.$/),
    );
    expect(envProblems({ TRUSTED_PROXY: "2" }).filter((p) => p.includes("TRUSTED_PROXY"))).toEqual([]);
  });
});

describe("clientAddress: only what the platform or a declared proxy wrote", () => {
  it("on Vercel: X-Vercel-Forwarded-For, then X-Real-IP, then X-Forwarded-For (Vercel overwrites all three)", () => {
    const env = { VERCEL: "1" };
    expect(
      clientAddress(
        headers({
          "x-vercel-forwarded-for": "203.0.113.7",
          "x-real-ip": "198.51.100.1",
          "x-forwarded-for": "192.0.2.1",
        }),
        env,
      ),
    ).toBe("203.0.113.7");
    expect(clientAddress(headers({ "x-real-ip": "198.51.100.1", "x-forwarded-for": "192.0.2.1" }), env)).toBe(
      "198.51.100.1",
    );
    expect(clientAddress(headers({ "x-forwarded-for": "192.0.2.1" }), env)).toBe("192.0.2.1");
    expect(clientAddress(headers({}), env)).toBe("unknown");
  });

  it("by default off Vercel: the LAST X-Forwarded-For entry, so entries a client prepends change nothing", () => {
    expect(clientAddress(headers({ "x-forwarded-for": "203.0.113.7" }), {})).toBe("203.0.113.7");
    // A client claiming to be 1.1.1.1 in front of the proxy that appended its real address.
    expect(clientAddress(headers({ "x-forwarded-for": "1.1.1.1, 203.0.113.7" }), {})).toBe("203.0.113.7");
    expect(clientAddress(headers({ "x-forwarded-for": "1.1.1.1,2.2.2.2 ,  203.0.113.7" }), {})).toBe("203.0.113.7");
  });

  it("TRUSTED_PROXY=2 (a CDN in front of nginx): the second entry from the right", () => {
    const env = { TRUSTED_PROXY: "2" };
    expect(clientAddress(headers({ "x-forwarded-for": "1.1.1.1, 203.0.113.7, 10.0.0.2" }), env)).toBe("203.0.113.7");
    // Fewer entries than declared proxies: the request did not come through them; no address.
    expect(clientAddress(headers({ "x-forwarded-for": "203.0.113.7" }), env)).toBe("unknown");
  });

  it("a named header: its value, and X-Forwarded-For is ignored", () => {
    const env = { TRUSTED_PROXY: "cf-connecting-ip" };
    expect(clientAddress(headers({ "cf-connecting-ip": "203.0.113.7", "x-forwarded-for": "1.1.1.1" }), env)).toBe(
      "203.0.113.7",
    );
    expect(clientAddress(headers({ "x-forwarded-for": "1.1.1.1" }), env)).toBe("unknown");
  });

  it("the Vercel headers mean nothing off Vercel: anyone can send them", () => {
    expect(
      clientAddress(
        headers({ "x-vercel-forwarded-for": "9.9.9.9", "x-real-ip": "8.8.8.8", "x-forwarded-for": "203.0.113.7" }),
        {},
      ),
    ).toBe("203.0.113.7");
  });

  it("garbage, empty entries and very long headers give 'unknown', never the raw text", () => {
    for (const value of [
      "",
      " ",
      "evil",
      "1.1.1.1, ",
      "203.0.113.7, not-an-ip",
      `${"1.2.3.4, ".repeat(500)}x`,
      "999.1.1.1",
      "<script>",
    ]) {
      expect(clientAddress(headers({ "x-forwarded-for": value }), {}), value.slice(0, 40)).toBe("unknown");
    }
  });
});

describe("normalizeAddress: one subject per client", () => {
  it.each([
    ["203.0.113.7", "203.0.113.7"],
    [" 203.0.113.7 ", "203.0.113.7"],
    ["203.0.113.7:4711", "203.0.113.7"],
    ["::ffff:203.0.113.7", "203.0.113.7"],
    ["::ffff:cb00:7107", "203.0.113.7"],
    ["2001:db8:abcd:12:1:2:3:4", "2001:db8:abcd:12::/64"],
    ["2001:DB8:ABCD:0012:ffff::9", "2001:db8:abcd:12::/64"],
    ["[2001:db8:abcd:12::1]:443", "2001:db8:abcd:12::/64"],
    ["2001:db8::1", "2001:db8:0:0::/64"],
    ["fe80::1%eth0", "fe80:0:0:0::/64"],
    ["::1", "0:0:0:0::/64"],
    ["::", "0:0:0:0::/64"],
  ])("%s → %s", (raw, subject) => {
    expect(normalizeAddress(raw)).toBe(subject);
  });

  it("two addresses of one /64 are one client; of two /64s, two", () => {
    expect(normalizeAddress("2001:db8:1:2::a")).toBe(normalizeAddress("2001:db8:1:2:ffff:ffff:ffff:ffff"));
    expect(normalizeAddress("2001:db8:1:2::a")).not.toBe(normalizeAddress("2001:db8:1:3::a"));
  });

  it.each([
    undefined,
    null,
    "",
    "1.2.3",
    "1.2.3.4.5",
    "256.1.1.1",
    "1::2::3",
    "2001:db8::g",
    "[1.2.3.4]",
    "example.com",
    "1.2.3.4:99999",
    "a".repeat(65),
  ])("refuses %j", (raw) => {
    expect(normalizeAddress(raw)).toBeUndefined();
  });
});
