// Fills (or finds) the synthetic dataset on its own: BENCH_CONTACTS=100000 node -r
// @swc-node/register bench/scale/fill-synthetic.ts
import { ensureSyntheticDataset, syntheticDataDirectory } from './synthetic-crm';

const contacts = Number(process.env.BENCH_CONTACTS ?? 100_000);

ensureSyntheticDataset(syntheticDataDirectory(contacts), { contacts }).then(
  (dataset) => console.log(JSON.stringify(dataset)),
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
