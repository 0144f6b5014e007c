import { EMU_SCENARIOS } from "../db/schema";
import { SCENARIO_DESCRIPTIONS } from "../scenarios";
import { TestCardsTable } from "./checkout";
import { layout } from "./layout";

// GET / below the mount: what the emulator is, its test data, its tools.
export function homePage(base: string): string {
  return layout(
    "Paymob test emulator",
    <>
      <h1>Paymob test emulator</h1>
      <p>
        This app runs without a Paymob account: it speaks Paymob&apos;s API (intentions, Unified Checkout, Pixel, signed
        callbacks, captures, refunds, voids, inquiry) at <code>{base}</code>. Set <code>PAYMOB_SECRET_KEY</code> and
        friends to use real Paymob; the emulator then switches itself off.
      </p>
      <section className="card" aria-labelledby="cards">
        <h2 id="cards">Test cards</h2>
        <TestCardsTable />
      </section>
      <section className="card" aria-labelledby="scenarios">
        <h2 id="scenarios">Callback scenarios</h2>
        <p>
          Pick one per payment with a test card above, or with <code>POST {base}/_emulator/scenario</code> and a JSON
          body <code>{`{"specialReference": "…", "scenario": "duplicate"}`}</code> (or <code>intentionId</code> /{" "}
          <code>clientSecret</code>; <code>delaySeconds</code> for <code>delayed</code>).
        </p>
        <table>
          <thead>
            <tr>
              <th scope="col">Scenario</th>
              <th scope="col">Effect</th>
            </tr>
          </thead>
          <tbody>
            {EMU_SCENARIOS.map((s) => (
              <tr key={s}>
                <td>
                  <code>{s}</code>
                </td>
                <td>{SCENARIO_DESCRIPTIONS[s]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <p>
        <a href={`${base}/_emulator/deliveries`}>Callback delivery log</a>
      </p>
    </>,
  );
}
