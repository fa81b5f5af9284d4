import 'server-only';
import http from 'node:http';

// Next's server writes the socket's peer into X-Forwarded-For only when the client sent no such
// header (node_modules/next/dist/server/base-server.js: `??=`), and route handlers never see the
// socket. So a client talking to us directly could pick its own address. Called once at boot in
// the server process, this appends the peer to the header on every request, as a proxy does:
// its rightmost entry is then always the real peer (lib/server/http/client-ip.ts reads it).

const PATCHED = Symbol.for('whatsapp-setup-links.socket-address');

export function appendSocketAddressToForwardedFor(): void {
  const proto = http.Server.prototype as http.Server & { [PATCHED]?: true };
  if (proto[PATCHED]) return;
  proto[PATCHED] = true;
  const emit = proto.emit;
  proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request') {
      const req = args[0] as http.IncomingMessage;
      const peer = req.socket?.remoteAddress;
      if (peer) {
        const sent = req.headers['x-forwarded-for'];
        const prior = Array.isArray(sent) ? sent.join(', ') : sent;
        req.headers['x-forwarded-for'] = prior ? `${prior}, ${peer}` : peer;
      }
    }
    return Reflect.apply(emit, this, [event, ...args]) as boolean;
  } as typeof proto.emit;
}
