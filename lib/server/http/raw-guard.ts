import 'server-only';
import { Server, STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { log } from '../log';
import { ApiError, errorBody } from './errors';
import { errorResponse, newRequestId } from './respond';

// Requests Next's router answers before any of our code runs, with plain text or HTML: it redirects
// `//`, `\` and trailing slashes (308), fails on malformed percent-escapes while decoding params
// (500) and on methods no route module knows (TRACE, TRACK...). Under the API prefixes they get
// the error envelope instead; a malformed `/s/...` opens the ordinary "unknown link" flow. This runs
// on the raw request, ahead of Next's request listener: installRawGuard wraps the Node server's
// events once per process (instrumentation.ts), including methods Node's parser refuses (TRACK)
// and CONNECT, which never become requests. No database access here.

const API_PREFIX = /^\/(?:platform|api)\/v1(?=$|\/|\\|%2f|%5c)/i;
/** What app/platform/v1's route modules can export; anything else never reaches a route. */
export const API_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

const decodable = (path: string) => {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
};

/** The answer for a request under the API that Next would not route cleanly, or null to pass it on. */
export function malformedApiRequest(method: string, rawUrl: string): ApiError | null {
  const path = rawUrl.split('?', 1)[0];
  const prefix = API_PREFIX.exec(path);
  if (!prefix) return null;
  if (!API_METHODS.includes(method)) {
    const Allow = API_METHODS.join(', ');
    const message = `${method.slice(0, 20)} is not a method of this API. Allowed: ${Allow}.`;
    return new ApiError('method_not_allowed', { message, headers: { Allow } });
  }
  if (!decodable(path)) {
    return new ApiError('invalid_path', { message: 'The path has a malformed percent-escape (%XX, UTF-8).' });
  }
  // The prefix must end in a real `/`; no route has an empty segment (`//`, a trailing `/`) or a
  // backslash. Answered as unknown routes, not redirects: a redirect would drop a POST's body.
  const rest = path.slice(prefix[0].length);
  if ((rest && !rest.startsWith('/')) || /\/\/|\\|\/$/.test(path)) {
    return new ApiError('route_not_found', { message: 'No route at this path (empty segment or trailing slash).' });
  }
  return null;
}

function answer(req: IncomingMessage, res: ServerResponse, err: ApiError) {
  const requestId = newRequestId();
  log.info('api_request', { request_id: requestId, method: req.method, status: err.status, malformed: true });
  const response = errorResponse(err, requestId);
  res.writeHead(response.status, Object.fromEntries(response.headers));
  void response.text().then((body) => res.end(req.method === 'HEAD' ? undefined : body));
}

/** The same answer written on a socket Node's HTTP parser gave up on (a method it does not know). */
function answerOnSocket(socket: Duplex, err: ApiError) {
  const requestId = newRequestId();
  log.info('api_request', { request_id: requestId, status: err.status, malformed: true });
  const body = JSON.stringify(errorBody(err, requestId));
  const headers = { ...err.headers, 'X-Request-Id': requestId, 'Cache-Control': 'no-store' };
  const lines = [
    `HTTP/1.1 ${err.status} ${STATUS_CODES[err.status]}`,
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Connection: close',
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
  ];
  socket.end(`${lines.join('\r\n')}\r\n\r\n${body}`);
}

// The request line of a request Node refused to parse (HPE_INVALID_METHOD: TRACK, made-up methods).
const REQUEST_LINE = /^([!#$%&'*+.^_`|~0-9A-Za-z-]{1,32}) (\S+) HTTP\/1\.[01]\r?\n/;

function onConnect(req: IncomingMessage, socket: Duplex) {
  // CONNECT has no 'request' event; without this Node drops the connection without an answer.
  const err = malformedApiRequest('CONNECT', req.url ?? '');
  if (err) answerOnSocket(socket, err);
  else socket.destroy();
}

const PATCHED = Symbol.for('whatsapp-setup-links.raw-guard');

/** Wraps the events of every Node HTTP server of this process; idempotent. */
export function installRawGuard() {
  const proto = Server.prototype as Server & { [PATCHED]?: true };
  if (proto[PATCHED]) return;
  proto[PATCHED] = true;
  const emit = proto.emit as (this: Server, event: string | symbol, ...args: unknown[]) => boolean;
  const guarded = new WeakSet<Server>();
  proto.emit = function (this: Server, event: string | symbol, ...args: unknown[]) {
    // 'connection' comes before any request on a socket: the first chance to listen for CONNECT.
    if (!guarded.has(this)) {
      guarded.add(this);
      if (this.listenerCount('connect') === 0) this.on('connect', onConnect);
    }
    if (event === 'request') {
      const [req, res] = args as [IncomingMessage, ServerResponse];
      const url = req.url ?? '/';
      const err = malformedApiRequest(req.method ?? 'GET', url);
      if (err) {
        answer(req, res, err);
        return true;
      }
      // A setup link with a malformed escape is no link: the same page as an unknown token.
      if (url.startsWith('/s/') && !decodable(url.split('?', 1)[0])) req.url = '/s/malformed';
    }
    if (event === 'clientError') {
      const [e, socket] = args as [Error & { code?: string; rawPacket?: Buffer }, Duplex];
      const line = e.code === 'HPE_INVALID_METHOD' ? REQUEST_LINE.exec(e.rawPacket?.toString('latin1') ?? '') : null;
      const err = line && malformedApiRequest(line[1], line[2]);
      if (err && socket.writable) {
        answerOnSocket(socket, err);
        return true;
      }
    }
    return emit.call(this, event, ...args);
  } as typeof proto.emit;
}
