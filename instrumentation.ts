// Next's boot hook: runs once per server process before it serves requests. NEXT_RUNTIME is
// Next's build-time switch (not configuration): the database and timers live in Node.js only,
// and the import stays out of the Edge bundle.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    // Before any request: malformed API paths and methods get the error envelope
    // (lib/server/http/raw-guard.ts), and the client IP the rate limits count by is the real peer
    // (lib/server/http/client-ip.ts).
    const { installRawGuard } = await import('@/lib/server/http/raw-guard');
    installRawGuard();
    const { appendSocketAddressToForwardedFor } = await import('@/lib/server/http/socket-address');
    appendSocketAddressToForwardedFor();
    const { startOrExit } = await import('@/lib/server/startup');
    await startOrExit();
  }
}
