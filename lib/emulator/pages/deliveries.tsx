import type { EmuDelivery } from "../db/schema";
import { page } from "./layout";

// GET /_emulator/deliveries: every callback the emulator sent or withheld, with a Replay button each.

function Status({ d }: { d: EmuDelivery }) {
  if (d.suppressed) return <span className="warn">withheld</span>;
  if (d.deliveredAt) return <span className="ok">delivered ({d.lastStatus})</span>;
  if (d.gaveUp) return <span className="bad">gave up{d.lastError ? ` · ${d.lastError}` : ""}</span>;
  if (d.attempts > 0) return <span className="bad">retrying · {d.lastError ?? ""}</span>;
  return <span className="muted">waiting (due {d.dueAt.toISOString()})</span>;
}

const PUBLIC_NOTE =
  "This emulator is public: personal data is masked, and Replay needs the secret key (POST …/replay with Authorization: Token <secret key>).";

function Row({ base, d, isPublic }: { base: string; d: EmuDelivery; isPublic: boolean }) {
  const target = new URL(d.url);
  return (
    <>
      <tr>
        <td>{d.id}</td>
        <td>{d.kind}</td>
        <td>
          {d.label}
          {d.transactionId ? (
            <>
              <br />
              <span className="muted">txn {d.transactionId}</span>
            </>
          ) : null}
        </td>
        <td>
          <code>{`${target.origin}${target.pathname}`}</code>
        </td>
        <td>
          <Status d={d} />
        </td>
        <td className="num">{d.attempts}</td>
        <td>{(d.deliveredAt ?? d.lastAttemptAt ?? d.createdAt).toISOString()}</td>
        <td>
          {isPublic ? null : (
            <form method="post" action={`${base}/_emulator/deliveries/${d.id}/replay`}>
              <button type="submit" className="small secondary" aria-label={`Replay callback ${d.id}`}>
                Replay
              </button>
            </form>
          )}
        </td>
      </tr>
      <tr>
        <td></td>
        <td colSpan={7}>
          <details>
            <summary>Body</summary>
            <pre style={{ whiteSpace: "pre-wrap", wordBreak: "break-all", fontSize: ".8rem" }}>{d.body}</pre>
          </details>
        </td>
      </tr>
    </>
  );
}

/** `public`: rows arrive masked; no Replay buttons, since a browser form cannot send the key a public emulator asks for. */
export function deliveriesPage(
  base: string,
  rows: EmuDelivery[],
  options: { public: boolean } = { public: false },
): Response {
  const body = (
    <>
      <h1>Callback deliveries</h1>
      <p className="muted">
        Every server-to-server callback the emulator produced, newest first. Replay re-sends the exact same signed body.
      </p>
      {options.public && <p className="warn">{PUBLIC_NOTE}</p>}
      <div className="card" style={{ overflowX: "auto" }}>
        <table>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Kind</th>
              <th scope="col">What</th>
              <th scope="col">Target</th>
              <th scope="col">Status</th>
              <th scope="col" className="num">
                Attempts
              </th>
              <th scope="col">Time</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 && (
              <tr>
                <td colSpan={8} className="muted">
                  No callbacks yet.
                </td>
              </tr>
            )}
            {rows.map((d) => (
              <Row key={d.id} base={base} d={d} isPublic={options.public} />
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
  return page(200, "Callback deliveries", body, { wide: true });
}
