import { json } from '@/lib/server/http/respond';

// Liveness: the process is up and answering (no database call: a slow database is not a dead process).
export const dynamic = 'force-dynamic';
export const GET = () => json(200, { status: 'ok' });
