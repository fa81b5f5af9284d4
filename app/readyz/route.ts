import { readiness } from '@/lib/server/health';
import { json } from '@/lib/server/http/respond';

// Readiness: 200 when the database answers and every shipped migration is applied, else 503.
export const dynamic = 'force-dynamic';
export async function GET() {
  const { ready, ...checks } = await readiness();
  return json(ready ? 200 : 503, { status: ready ? 'ready' : 'unavailable', checks });
}
