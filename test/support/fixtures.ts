import { getDb } from '@/lib/server/db/client';
import { createApiKey, ensureProject } from '@/lib/server/projects';

/** A fresh project with an API key, on the test database (in-memory PGlite or DATABASE_URL). */
export async function testProject(name = `test-${crypto.randomUUID()}`) {
  const db = await getDb();
  const { project } = await ensureProject(db, name);
  const apiKey = await createApiKey(db, project.id);
  return { db, project, apiKey };
}
