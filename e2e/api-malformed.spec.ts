import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { expect, test } from './support/fixtures';
import { E2E_PROJECTS } from '@/scripts/lib/test-keys';

// Paths and methods Next's router answers before any route runs (plain-text 308s and 500s, HTML
// 404s) get the API's error envelope under both prefixes (lib/server/http/raw-guard.ts). Sent
// with node:http so the bytes of the path arrive exactly as written (fetch and URL would
// normalize `\`, `//` or escapes first).

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

function raw(base: string, method: string, path: string, body?: string): Promise<Raw> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        method,
        path,
        headers: { 'X-API-Key': E2E_PROJECTS.primary.key, ...(body ? { 'Content-Type': 'application/json' } : {}) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

function expectEnvelope(res: Raw, status: number, code: string, label: string) {
  expect(res.status, `${label}: ${res.text.slice(0, 200)}`).toBe(status);
  expect(res.headers['content-type'], label).toMatch(/^application\/json/);
  const body = JSON.parse(res.text);
  expect(body.error, label).toMatchObject({ code, message: expect.any(String), request_id: expect.any(String) });
  expect(res.headers['x-request-id'], label).toBe(body.error.request_id);
}

/** CONNECT never becomes a request in Node: sent as raw bytes, answered (or not) on the socket. */
function rawConnect(base: string, path: string): Promise<string> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    let text = '';
    const socket = connect(Number(url.port), url.hostname, () =>
      socket.write(`CONNECT ${path} HTTP/1.1\r\nHost: ${url.host}\r\n\r\n`),
    );
    socket.setEncoding('latin1');
    socket.on('data', (c: string) => (text += c));
    socket.on('close', () => resolve(text));
    socket.on('error', reject);
  });
}

const PREFIXES = ['/platform/v1', '/api/v1'];

test('a malformed percent-escape in a path id is a 400 invalid_path in the envelope', async ({ baseURL }) => {
  for (const prefix of PREFIXES)
    for (const id of ['%ff', '%zz', '%c0%80', '%', 'abc%e2%82']) {
      const path = `${prefix}/customers/${id}`;
      expectEnvelope(await raw(baseURL!, 'GET', path), 400, 'invalid_path', path);
      expectEnvelope(await raw(baseURL!, 'DELETE', `${path}/setup_links`), 400, 'invalid_path', `DELETE ${path}`);
    }
});

test('TRACE, TRACK and other unknown methods: 405 with Allow, in the envelope', async ({ baseURL }) => {
  for (const prefix of PREFIXES)
    for (const method of ['TRACE', 'TRACK', 'PROPFIND', 'PURGE']) {
      const res = await raw(baseURL!, method, `${prefix}/customers`);
      expectEnvelope(res, 405, 'method_not_allowed', `${method} ${prefix}`);
      expect(String(res.headers.allow)).toContain('GET');
    }
  const connected = await rawConnect(baseURL!, '/platform/v1/customers');
  expect(connected).toMatch(/^HTTP\/1\.1 405 [^]*\r\nAllow: GET, [^]*"code":"method_not_allowed"/);
});

test('trailing slashes, empty segments, backslashes and an encoded slash after the prefix: 404 envelopes, no redirect', async ({
  baseURL,
}) => {
  for (const prefix of PREFIXES)
    for (const path of [
      `${prefix}/customers/`,
      `${prefix}/`,
      `${prefix}//customers`,
      `${prefix}/customers//x`,
      `${prefix}\\customers`,
      `${prefix}%2fcustomers`,
      `${prefix}%2Fcustomers?page=1`,
      `${prefix}%5ccustomers`,
    ]) {
      expectEnvelope(await raw(baseURL!, 'GET', path), 404, 'route_not_found', path);
      expectEnvelope(await raw(baseURL!, 'POST', path, '{"customer":{"name":"x"}}'), 404, 'route_not_found', path);
    }
});

test('well-formed API paths and the other pages behave as before', async ({ baseURL }) => {
  const list = await raw(baseURL!, 'GET', '/platform/v1/customers?per_page=1');
  expect(list.status).toBe(200);
  expect(JSON.parse(list.text)).toMatchObject({ data: expect.any(Array) });
  // An escaped id that decodes fine is still the route's own answer (unknown id: 404 resource_not_found).
  expectEnvelope(await raw(baseURL!, 'GET', '/api/v1/customers/%41bc'), 404, 'resource_not_found', '%41bc');
  // Outside the API Next's trailing-slash redirect stays.
  const healthz = await raw(baseURL!, 'GET', '/healthz/');
  expect(healthz.status).toBe(308);
});

test('a setup link with a malformed escape opens like an unknown link, never a 5xx', async ({ baseURL }) => {
  for (const path of ['/s/%ff', '/s/%zz', '/s/sl_%c0%80']) {
    const res = await raw(baseURL!, 'GET', path);
    expect(res.status, `${path}: ${res.text.slice(0, 200)}`).toBeLessThan(500);
    expect([303, 404]).toContain(res.status);
    expect(res.headers['content-security-policy'], path).toBeTruthy();
  }
});
