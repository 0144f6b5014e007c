import fc from "fast-check";

// Property tests draw thousands of inputs. CI must be reproducible, so the draw is seeded: a failure names its
// seed and replays exactly. `FC_SEED=random npm run test:unit` explores new inputs; `FC_SEED=<n>` replays one.
const requested = process.env.FC_SEED;
if (requested !== "random") fc.configureGlobal({ seed: requested ? Number(requested) : 20261124 });
