// In-memory state of the emulated Twilio: the accounts it accepts, the numbers in stock, the
// numbers each account bought (and released), and the inbound SMS it delivered. Lives for the
// life of the process: the emulator is for dev and tests only.
import { randomBytes } from 'node:crypto';
import { friendlyName, initialStock, type StockNumber } from './inventory.js';

export interface Account {
  accountSid: string;
  authToken: string;
}

export interface OwnedNumber extends StockNumber {
  sid: string;
  accountSid: string;
  /** '' when unset, as Twilio stores it. */
  smsUrl: string;
  smsMethod: 'GET' | 'POST';
  friendlyName: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface SentSms {
  sid: string;
  to: string;
  from: string;
  body: string;
  accountSid: string;
  smsUrl: string;
  /** The webhook's HTTP status, or null when it could not be reached. */
  status: number | null;
  error: string | null;
  at: string;
}

/** Twilio SIDs: two letters and 32 lowercase hex digits. */
export const twilioSid = (prefix: string) => prefix + randomBytes(16).toString('hex');

export class TwilioStore {
  readonly accounts = new Map<string, string>();
  /** By E.164 number. */
  readonly stock = new Map<string, StockNumber>();
  /** By PN sid. */
  readonly owned = new Map<string, OwnedNumber>();
  readonly released: { sid: string; accountSid: string; phoneNumber: string; releasedAt: string }[] = [];
  readonly messages: SentSms[] = [];

  constructor(private readonly initialAccounts: Account[]) {
    this.reset();
  }

  reset(): void {
    this.accounts.clear();
    for (const a of this.initialAccounts) this.accounts.set(a.accountSid, a.authToken);
    this.stock.clear();
    for (const n of initialStock()) this.stock.set(n.phoneNumber, n);
    this.owned.clear();
    this.released.length = 0;
    this.messages.length = 0;
  }

  addAccount(a: Account): void {
    this.accounts.set(a.accountSid, a.authToken);
  }

  /** In stock, in inventory order (stable, so tests can name the first one). */
  available(isoCountry: string, q: { areaCode?: string; smsEnabled?: boolean }): StockNumber[] {
    return [...this.stock.values()].filter(
      (n) =>
        n.isoCountry === isoCountry &&
        (!q.areaCode || n.phoneNumber.startsWith(`+1${q.areaCode}`)) &&
        (!q.smsEnabled || n.sms),
    );
  }

  /** Moves a number from stock to the account; null when it is not in stock (never was, or bought). */
  buy(
    accountSid: string,
    phoneNumber: string,
    set: Pick<OwnedNumber, 'smsUrl' | 'smsMethod'> & { friendlyName?: string },
  ) {
    const n = this.stock.get(phoneNumber);
    if (!n) return null;
    this.stock.delete(phoneNumber);
    const now = new Date();
    const owned: OwnedNumber = {
      ...n,
      sid: twilioSid('PN'),
      accountSid,
      smsUrl: set.smsUrl,
      smsMethod: set.smsMethod,
      friendlyName: set.friendlyName || n.friendlyName,
      createdAt: now,
      updatedAt: now,
    };
    this.owned.set(owned.sid, owned);
    return owned;
  }

  ownedBy(accountSid: string, sid: string): OwnedNumber | undefined {
    const n = this.owned.get(sid);
    return n && n.accountSid === accountSid ? n : undefined;
  }

  byPhoneNumber(phoneNumber: string): OwnedNumber | undefined {
    return [...this.owned.values()].find((n) => n.phoneNumber === phoneNumber);
  }

  /** Released numbers go back to stock at once (Twilio ages them first; nothing here needs that). */
  release(n: OwnedNumber): void {
    this.owned.delete(n.sid);
    this.released.push({
      sid: n.sid,
      accountSid: n.accountSid,
      phoneNumber: n.phoneNumber,
      releasedAt: new Date().toISOString(),
    });
    const { sid: _s, accountSid: _a, smsUrl: _u, smsMethod: _m, createdAt: _c, updatedAt: _d, ...stock } = n;
    this.stock.set(n.phoneNumber, { ...stock, friendlyName: friendlyName(n.phoneNumber) });
  }

  snapshot() {
    return {
      accounts: [...this.accounts.keys()],
      in_stock: this.stock.size,
      incoming_phone_numbers: [...this.owned.values()].map((n) => ({
        sid: n.sid,
        account_sid: n.accountSid,
        phone_number: n.phoneNumber,
        friendly_name: n.friendlyName,
        sms_url: n.smsUrl,
        sms_method: n.smsMethod,
        date_created: n.createdAt.toISOString(),
      })),
      released_phone_numbers: this.released.slice(),
      messages: this.messages.slice(),
    };
  }
}
