// What every endpoint of one emulator instance shares. Doubles as the Graph config (appId, appSecret).
import type { MetaDelivery, MetaScenario } from './scenario.js';
import type { MetaStore } from './store.js';

export interface EmulatorContext {
  appId: string;
  appSecret: string;
  store: MetaStore;
  log: (line: string) => void;
  /** What the next popup does unattended; changed by POST /_emulator/scenario and setScenario(). */
  scenario: MetaScenario | null;
  delivery: MetaDelivery;
  /** Our own origin, known once listening; used when a request's Host header is unusable. */
  url: string;
}
