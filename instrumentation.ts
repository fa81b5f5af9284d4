// Next's boot hook: runs once per server process before it serves requests. NEXT_RUNTIME is
// Next's build-time switch (not configuration): the database and timers live in Node.js only,
// and the import stays out of the Edge bundle.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { startOrExit } = await import('@/lib/server/startup');
    await startOrExit();
  }
}
