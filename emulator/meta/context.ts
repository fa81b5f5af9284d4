// What every endpoint of one emulator instance shares. Doubles as the Graph config (appId, appSecret).
import type { SandboxState } from './sandbox.js';
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
  /** The Twilio emulator's origin: "use a number from my provider" texts its code through it (own-number.ts). */
  twilioUrl: string | null;
  /** The shared sandbox number: its webhook URL and message logs (sandbox.ts). */
  sandbox: SandboxState;
}
