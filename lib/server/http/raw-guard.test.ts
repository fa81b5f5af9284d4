import { createServer, request, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installRawGuard, malformedApiRequest } from './raw-guard';

// The guard on a real Node server whose own listener stands in for Next (it answers 200 "next"):
// what the guard answers never reaches it, everything else does, byte for byte.
let server: Server;
let port: number;
const reached: string[] = [];

beforeAll(async () => {
  installRawGuard();
  installRawGuard(); // idempotent
  server = createServer((req, res) => {
    reached.push(req.url ?? '');
    res.end('next');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function send(method: string, path: string): Promise<{ status: number; allow?: string; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, allow: res.headers.allow, text }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Raw bytes on a socket: for methods Node's own client or parser treats specially. */
function sendRaw(method: string, path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const socket = connect(port, '127.0.0.1', () => socket.write(`${method} ${path} HTTP/1.1\r\nHost: x\r\n\r\n`));
    socket.setEncoding('latin1');
    socket.on('data', (c: string) => (text += c));
    socket.on('end', () => resolve(text));
    socket.on('close', () => resolve(text));
    socket.on('error', reject);
  });
}

describe('the raw request guard', () => {
  it.each(['TRACK', 'BREW', 'CONNECT'])('%s under the API: 405 with Allow in the envelope', async (method) => {
    const text = await sendRaw(method, '/api/v1/customers');
    expect(text).toMatch(/^HTTP\/1\.1 405 /);
    expect(text).toMatch(/\r\nAllow: GET, /);
    const body = JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4));
    expect(body.error).toMatchObject({ code: 'method_not_allowed', request_id: expect.stringMatching(/^req_/) });
  });

  it("leaves Node's own answer to an unknown method elsewhere", async () => {
    expect(await sendRaw('TRACK', '/setup')).toMatch(/^HTTP\/1\.1 400 /);
  });

  it.each([
    ['GET', '/platform/v1/customers/%ff', 400, 'invalid_path'],
    ['GET', '/api/v1/customers/%c0%80/setup_links', 400, 'invalid_path'],
    ['PATCH', '/platform/v1/customers/%zz', 400, 'invalid_path'],
    ['TRACE', '/platform/v1/customers', 405, 'method_not_allowed'],
    ['GET', '/platform/v1/customers/', 404, 'route_not_found'],
    ['POST', '/platform/v1//customers', 404, 'route_not_found'],
    ['GET', '/api/v1\\customers', 404, 'route_not_found'],
    ['GET', '/platform/v1%2fcustomers', 404, 'route_not_found'],
    ['GET', '/platform/v1/?page=1', 404, 'route_not_found'],
  ])('%s %s: %i %s in the envelope', async (method, path, status, code) => {
    const res = await send(method, path);
    expect(res.status).toBe(status);
    const body = JSON.parse(res.text);
    expect(body.error).toMatchObject({ code, request_id: expect.stringMatching(/^req_/) });
    if (status === 405) expect(res.allow).toContain('GET');
    expect(reached).not.toContain(path);
  });

  it('passes everything else on unchanged, and turns a malformed /s/ path into an unknown link', async () => {
    for (const path of ['/platform/v1/customers?q=%41', '/platform/v1', '/api/v1/customers/%41b', '/setup/', '/x//y']) {
      expect((await send('GET', path)).text).toBe('next');
      expect(reached).toContain(path);
    }
    expect((await send('GET', '/s/%ff')).text).toBe('next');
    expect(reached.at(-1)).toBe('/s/malformed');
  });

  it('leaves paths that only start like the prefix to the router', () => {
    expect(malformedApiRequest('TRACE', '/platform/v10/x')).toBeNull();
    expect(malformedApiRequest('GET', '/platformx/v1//')).toBeNull();
    expect(malformedApiRequest('GET', '/demo/%ff')).toBeNull();
  });
});
