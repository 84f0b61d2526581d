import type { Provider } from '@nestjs/common';
import { CHRONICLE_CONFIG, type ChronicleConfig } from '@chronicle/platform';
import { READ_STORE, type ReadStore } from '@chronicle/read-store';
import { READ_STORE_HEALTH, type ReadStoreHealthProbe } from './health-probes';

/** `/health` asks the read store a cheap question; an answer, even 0, means it is reachable. */
export const readStoreHealthProvider: Provider = {
  provide: READ_STORE_HEALTH,
  inject: [READ_STORE, CHRONICLE_CONFIG],
  useFactory: (store: ReadStore, config: ChronicleConfig): ReadStoreHealthProbe => ({
    adapter: config.mongoUrl ? 'mongodb' : 'embedded',
    ping: async () => {
      await store.count('_health', {});
    },
  }),
};
