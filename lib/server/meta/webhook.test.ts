import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkSignature, handshakeChallenge, webhookMessages } from './webhook';

const SECRET = 'app-secret';
const sign = (body: Buffer | string, secret = SECRET) =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

describe("Meta's webhook", () => {
  it('checks the handshake token', () => {
    const q = (o: Record<string, string>) => new URLSearchParams(o);
    const ok = { 'hub.mode': 'subscribe', 'hub.verify_token': 'tok', 'hub.challenge': '42' };
    expect(handshakeChallenge(q(ok), 'tok')).toBe('42');
    expect(handshakeChallenge(q(ok), undefined)).toBeNull();
    expect(handshakeChallenge(q({ ...ok, 'hub.verify_token': 'tok2' }), 'tok')).toBeNull();
    expect(handshakeChallenge(q({ ...ok, 'hub.mode': 'x' }), 'tok')).toBeNull();
  });

  it('checks X-Hub-Signature-256 over the exact bytes', () => {
    const raw = Buffer.from('{"a":"é"}');
    expect(checkSignature(raw, sign(raw), SECRET)).toBe('valid');
    expect(checkSignature(raw, ` ${sign(raw).toUpperCase().replace('SHA256', 'sha256')} `, SECRET)).toBe('valid');
    expect(checkSignature(raw, null, SECRET)).toBe('missing');
    expect(checkSignature(raw, '', SECRET)).toBe('missing');
    expect(checkSignature(raw, sign(raw, 'other'), SECRET)).toBe('invalid');
    expect(checkSignature(Buffer.from('{"a":"e"}'), sign(raw), SECRET)).toBe('invalid');
    expect(checkSignature(raw, sign(raw).replace('sha256=', 'sha1='), SECRET)).toBe('invalid');
  });

  it('reads the messages of a payload and skips what does not have their shape', () => {
    const value = (messages: unknown[], id = '123') => ({
      field: 'messages',
      value: { messaging_product: 'whatsapp', metadata: { phone_number_id: id }, messages },
    });
    const text = { from: '12345678901', id: 'wamid.1', timestamp: '1796119200', type: 'text', text: { body: 'hi' } };
    const image = { from: '12345678901', id: 'wamid.2', timestamp: '1796119201', type: 'image', image: { id: 'm' } };
    const payload = {
      object: 'whatsapp_business_account',
      entry: [
        { id: 'w', changes: [value([text, { ...text, from: 'abc' }, image]), { field: 'statuses', value: {} }] },
        { id: 'w', changes: [value([{ ...text, id: 'wamid.3' }], '456'), { field: 'messages', value: 'nope' }] },
        { id: 'w' },
      ],
    };
    expect(webhookMessages(payload)).toEqual([
      { phoneNumberId: '123', id: 'wamid.1', from: '12345678901', type: 'text', text: 'hi', timestamp: 1796119200 },
      { phoneNumberId: '123', id: 'wamid.2', from: '12345678901', type: 'image', text: null, timestamp: 1796119201 },
      { phoneNumberId: '456', id: 'wamid.3', from: '12345678901', type: 'text', text: 'hi', timestamp: 1796119200 },
    ]);
    for (const other of [
      null,
      [],
      'x',
      { object: 'page', entry: payload.entry },
      { object: 'whatsapp_business_account' },
    ])
      expect(webhookMessages(other)).toEqual([]);
  });
});
