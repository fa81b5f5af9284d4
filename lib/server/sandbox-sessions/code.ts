import 'server-only';
import { randomInt } from 'node:crypto';

// Activation codes: six characters a tester types (or sends through the wa.me link) from the phone.

// Upper-case letters and digits without the look-alikes 0/O, 1/I/L: 31 symbols, ~29.7 bits a code.
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 6;

/** A fresh code from the CSPRNG (randomInt is uniform: no modulo bias). */
export function newActivationCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

export const activationMessage = (code: string) => `Your WhatsApp Sandbox activation code is: ${code}`;

const MESSAGE_PREFIX = activationMessage('').trim().toUpperCase();
const CODE_SHAPE = new RegExp(`^[A-Z0-9]{${CODE_LENGTH}}$`);

/**
 * The code a message carries, or null: the message is the code alone, or the activation message
 * pasted whole ("Your WhatsApp Sandbox activation code is: ABC123"); spaces around it and case do
 * not matter. Anything else is a normal message, even when it contains six such characters.
 */
export function activationCodeIn(text: string | null): string | null {
  if (text === null) return null;
  let s = text.replace(/\s+/g, ' ').trim().toUpperCase();
  if (s.startsWith(MESSAGE_PREFIX)) s = s.slice(MESSAGE_PREFIX.length).trim();
  return CODE_SHAPE.test(s) ? s : null;
}
