import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { clientIp, parseTrustedProxies } from './client-ip';
import { appendSocketAddressToForwardedFor } from './socket-address';

appendSocketAddressToForwardedFor();
appendSocketAddressToForwardedFor(); // idempotent: the peer is appended once
const server = http.createServer((req, res) => res.end(String(req.headers['x-forwarded-for'] ?? '')));
const listening = new Promise<string>((resolve) =>
  server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
);
afterAll(() => new Promise((resolve) => server.close(resolve)));

const seen = async (headers: Record<string, string> = {}) => (await fetch(await listening, { headers })).text();

describe('appendSocketAddressToForwardedFor', () => {
  it('puts the socket peer last, so a client talking to us directly cannot choose its address', async () => {
    expect(await seen()).toBe('127.0.0.1');
    const spoofed = await seen({ 'x-forwarded-for': '203.0.113.1' });
    expect(spoofed).toBe('203.0.113.1, 127.0.0.1');
    expect(clientIp(new Headers({ 'x-forwarded-for': spoofed }), parseTrustedProxies(undefined))).toBe('127.0.0.1');
    // Behind a trusted proxy (here: this machine), the hop it added is believed.
    expect(clientIp(new Headers({ 'x-forwarded-for': spoofed }), parseTrustedProxies('127.0.0.1'))).toBe('203.0.113.1');
  });
});
