import type { EmuDelivery } from "@/db/schema/emulator";
import { h, page } from "./layout";

// GET /_emulator/deliveries: every callback the emulator sent or withheld, with a Replay button each.

function status(d: EmuDelivery) {
  if (d.suppressed) return h`<span class="warn">withheld</span>`;
  if (d.deliveredAt) return h`<span class="ok">delivered (${d.lastStatus})</span>`;
  if (d.gaveUp) return h`<span class="bad">gave up${d.lastError ? ` · ${d.lastError}` : ""}</span>`;
  if (d.attempts > 0) return h`<span class="bad">retrying · ${d.lastError ?? ""}</span>`;
  return h`<span class="muted">waiting (due ${d.dueAt.toISOString()})</span>`;
}

const PUBLIC_NOTE = "This emulator is public: personal data is masked, and Replay needs the secret key (POST …/replay with Authorization: Token <secret key>).";

/** `public`: rows arrive masked; no Replay buttons, since a browser form cannot send the key a public emulator asks for. */
export function deliveriesPage(base: string, rows: EmuDelivery[], options: { public: boolean } = { public: false }): Response {
  const body = h`<h1>Callback deliveries</h1>
<p class="muted">Every server-to-server callback the emulator produced, newest first. Replay re-sends the exact same signed body.</p>
${options.public ? h`<p class="warn">${PUBLIC_NOTE}</p>` : ""}
<div class="card" style="overflow-x:auto"><table><thead><tr><th scope="col">#</th><th scope="col">Kind</th><th scope="col">What</th><th scope="col">Target</th><th scope="col">Status</th><th scope="col" class="num">Attempts</th><th scope="col">Time</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
<tbody>${rows.length === 0 ? h`<tr><td colspan="8" class="muted">No callbacks yet.</td></tr>` : ""}${rows.map((d) => {
    const target = new URL(d.url);
    return h`<tr><td>${d.id}</td><td>${d.kind}</td><td>${d.label}${d.transactionId ? h`<br><span class="muted">txn ${d.transactionId}</span>` : ""}</td>
<td><code>${target.origin}${target.pathname}</code></td><td>${status(d)}</td><td class="num">${d.attempts}</td>
<td>${(d.deliveredAt ?? d.lastAttemptAt ?? d.createdAt).toISOString()}</td>
<td>${options.public ? "" : h`<form method="post" action="${base}/_emulator/deliveries/${d.id}/replay"><button type="submit" class="small secondary" aria-label="Replay callback ${d.id}">Replay</button></form>`}</td></tr>
<tr><td></td><td colspan="7"><details><summary>Body</summary><pre style="white-space:pre-wrap;word-break:break-all;font-size:.8rem">${d.body}</pre></details></td></tr>`;
  })}</tbody></table></div>`;
  return page(200, "Callback deliveries", body, { wide: true });
}
