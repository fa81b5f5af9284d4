import 'server-only';
import { env } from '../env';
import { projectTwilioCredentials } from '../projects';
import type { Scope } from '../scope';
import type { TwilioCredentials } from '../twilio/client';

/** The Twilio account that buys, and later releases, a project's numbers. */
export interface TwilioAccount {
  credentials: TwilioCredentials;
  /** The project's own account; else the operator's, which serves US numbers only. */
  own: boolean;
}

/** The project's own Twilio account when it has one, else the operator's (null: none configured). */
export async function twilioAccountFor(scope: Scope): Promise<TwilioAccount | null> {
  const own = await projectTwilioCredentials(scope);
  return own ? { credentials: own, own: true } : operatorAccount();
}

/** The operator's account (TWILIO_ACCOUNT_SID / TWILIO_AUTH_TOKEN), or null. */
export function operatorAccount(): TwilioAccount | null {
  const { accountSid, authToken } = env.twilio;
  return accountSid && authToken ? { credentials: { accountSid, authToken }, own: false } : null;
}

/** The account that owns a bought number, from the row's `ownAccount`. */
export async function ownerAccount(scope: Scope, { ownAccount }: { ownAccount: boolean }) {
  const account = ownAccount ? await twilioAccountFor(scope) : operatorAccount();
  return account && account.own === ownAccount ? account : null;
}
