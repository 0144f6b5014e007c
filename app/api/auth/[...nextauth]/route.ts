import type { NextRequest } from "next/server";
import { handlers } from "@/auth";
import { authOrigin } from "@/lib/auth/auth-url";
import { guardMagicLinkCallback } from "@/lib/auth/magic-link-route";

// Auth.js, behind one guard: a magic link is consumed only by the POST of its confirmation page.
export async function GET(request: NextRequest): Promise<Response> {
  return guardMagicLinkCallback(request, authOrigin()) ?? handlers.GET(request);
}

export async function POST(request: NextRequest): Promise<Response> {
  return guardMagicLinkCallback(request, authOrigin()) ?? handlers.POST(request);
}
