// What every endpoint of one Twilio emulator instance shares.
import type { TwilioStore } from './store.js';

export interface TwilioContext {
  store: TwilioStore;
  log: (line: string) => void;
  /** How long an inbound SMS webhook may take (Twilio gives up after 15 s). */
  webhookTimeoutMs: number;
  /** Our own origin, known once listening. */
  url: string;
}
