import { describe, expect, it } from "vitest";
import type { EmuDelivery } from "@/lib/emulator/db/schema";
import { maskDelivery, maskPersonalData, maskText, maskUrl } from "@/lib/emulator/personal-data";

// What a public emulator shows strangers: Paymob objects with the customer's personal data masked.

const billing = {
  first_name: "Nour",
  last_name: "Hassan",
  email: "nour@example.com",
  phone_number: "+201000000001",
  apartment: "12",
  floor: "3",
  street: "26 July Street",
  building: "7",
  city: "Cairo",
  state: "Giza",
  country: "EG",
  postal_code: "11511",
  shipping_method: "",
};
const PERSONAL_VALUES = [
  "Nour",
  "Hassan",
  "nour@example.com",
  "+201000000001",
  "26 July Street",
  "Cairo",
  "Giza",
  "11511",
];

describe("maskText", () => {
  it.each([
    ["Nour", "N***"],
    ["nour@example.com", "n***@***"],
    ["+201000000001", "+***"],
    ["  Ahmed ", "A***"],
    ["نور", "ن***"],
    ["", ""], // Paymob echoes "" for a field the merchant left out
    ["NA", "NA"], // the filler for a blank the merchant had to fill
  ])("%j → %j", (value, masked) => {
    expect(maskText(value)).toBe(masked);
  });
});

describe("maskUrl", () => {
  it("keeps origin, path and hmac; masks every other query value (a protection-bypass secret rides there)", () => {
    const masked = new URL(
      maskUrl("https://shop.example.com/api/paymob/callback?x-vercel-protection-bypass=s3cret&hmac=abc123"),
    );
    expect(masked.origin + masked.pathname).toBe("https://shop.example.com/api/paymob/callback");
    expect(masked.searchParams.get("hmac")).toBe("abc123");
    expect(masked.searchParams.get("x-vercel-protection-bypass")).toBe("***");
    expect(maskUrl("https://u:p@shop.example.com/x")).toBe("https://shop.example.com/x");
    expect(maskUrl("nonsense")).toBe("***");
  });
});

describe("maskPersonalData", () => {
  // The places Paymob objects carry a person: billing_data, order.shipping_data, payment_key_claims, client_info, TOKEN's email.
  const callback = {
    type: "TRANSACTION",
    obj: {
      id: 920000001,
      amount_cents: 35_000,
      success: true,
      order: {
        id: 910000001,
        merchant_order_id: "NC-7K3M9Q2D-1",
        shipping_data: { id: 910000001, ...billing, shipping_method: "UNK" },
        items: [{ name: "Aswan clay mug", amount_cents: 35_000 }],
      },
      source_data: { pan: "2346", type: "card", sub_type: "MasterCard" },
      payment_key_claims: {
        billing_data: billing,
        notification_url: "https://shop.example.com/api/paymob/callback?x-vercel-protection-bypass=s3cret",
        redirection_url: "https://shop.example.com/checkout/return",
        extra: { order_reference: "NC-7K3M9Q2D" },
      },
    },
  };

  it("masks every personal field wherever it sits, and leaves amounts, ids, items and flags as they were", () => {
    const masked = maskPersonalData(callback) as typeof callback;
    const text = JSON.stringify(masked);
    for (const value of PERSONAL_VALUES) expect(text).not.toContain(value);
    expect(text).not.toContain("s3cret");
    expect(masked.obj.order.shipping_data).toMatchObject({
      first_name: "N***",
      last_name: "H***",
      email: "n***@***",
      phone_number: "+***",
      country: "EG",
      shipping_method: "UNK",
    });
    expect(masked.obj).toMatchObject({
      id: 920000001,
      amount_cents: 35_000,
      success: true,
      source_data: callback.obj.source_data,
    });
    expect(masked.obj.order).toMatchObject({
      id: 910000001,
      merchant_order_id: "NC-7K3M9Q2D-1",
      items: callback.obj.order.items,
    });
    expect(masked.obj.payment_key_claims.extra).toEqual({ order_reference: "NC-7K3M9Q2D" });
    expect(masked.obj.payment_key_claims.redirection_url).toBe("https://shop.example.com/checkout/return");
  });

  it("does not change its input", () => {
    const before = JSON.stringify(callback);
    maskPersonalData(callback);
    expect(JSON.stringify(callback)).toBe(before);
  });

  it("masks non-string values under a personal key too, and keeps null as null", () => {
    expect(
      maskPersonalData({ client_info: { full_name: "Nour Hassan", phone_number: 201000000001, email: null } }),
    ).toEqual({ client_info: { full_name: "N***", phone_number: "***", email: null } });
    expect(
      maskPersonalData([{ type: "TOKEN", obj: { email: "nour@example.com", masked_pan: "xxxx-xxxx-xxxx-2346" } }]),
    ).toEqual([{ type: "TOKEN", obj: { email: "n***@***", masked_pan: "xxxx-xxxx-xxxx-2346" } }]);
  });
});

describe("maskDelivery", () => {
  const row = {
    id: 7,
    kind: "TRANSACTION",
    label: "callback",
    url: "https://shop.example.com/api/paymob/callback?x-vercel-protection-bypass=s3cret&hmac=abc",
    body: JSON.stringify({ type: "TRANSACTION", obj: { id: 1, order: { shipping_data: billing } } }),
    hmac: "abc",
    attempts: 1,
  } as EmuDelivery;

  it("masks the body and the target's query; the bookkeeping stays", () => {
    const masked = maskDelivery(row);
    for (const value of [...PERSONAL_VALUES, "s3cret"]) expect(JSON.stringify(masked)).not.toContain(value);
    expect(masked).toMatchObject({ id: 7, kind: "TRANSACTION", label: "callback", hmac: "abc", attempts: 1 });
    expect(new URL(masked.url).searchParams.get("hmac")).toBe("abc");
  });

  it("a body that is not JSON is not shown at all", () => {
    expect(maskDelivery({ ...row, body: "Nour Hassan <nour@example.com>" }).body).toBe("(masked: not JSON)");
  });
});
