import { createIntention, getElement } from "./api/intention";
import { Router } from "./router";

// Every path the emulator answers, below the mount. Paymob's own paths first, then the emulator's tools.
export const routes = new Router()
  .on("POST", "/v1/intention/", (ctx) => createIntention(ctx))
  .on("GET", "/v1/intention/element/{pk}/{cs}/", (ctx, [pk, cs]) => getElement(ctx, pk!, cs!));
