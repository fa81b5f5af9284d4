import 'server-only';
import { eq } from 'drizzle-orm';
import { projects } from '../db/schema';
import type { Scope } from '../scope';
import type { ThemeConfig } from '@/lib/shared/theme';
import type { ProjectUpdateInput } from './api';
import { toProject, type Project } from './model';

// A project's default theme. It is copied into a link when the link is created (or its
// theme_config is PATCHed), under the link's own colours: missing keys take the project default
// (SPEC 4.1). Changing the default later leaves existing links as they are, so a partner can
// restyle new links without touching the ones customers already hold.

/** `themeConfig` (a link's own colours, null or {} for none) over the project's default theme. */
export async function themeOverProjectDefault(
  { db, projectId }: Scope,
  { themeConfig }: { themeConfig: ThemeConfig | null | undefined },
): Promise<ThemeConfig> {
  const [row] = await db
    .select({ theme: projects.defaultThemeConfig })
    .from(projects)
    .where(eq(projects.id, projectId));
  return { ...(row?.theme ?? {}), ...(themeConfig ?? {}) };
}

/** PATCH /project and `npm run api-key -- theme`: null (or {}) clears the default theme. */
export async function updateProject(
  { db, projectId }: Scope,
  { changes }: { changes: ProjectUpdateInput },
): Promise<Project> {
  const set: Partial<typeof projects.$inferInsert> = {};
  if (changes.theme_config !== undefined) {
    const theme = changes.theme_config;
    set.defaultThemeConfig = theme && Object.keys(theme).length > 0 ? theme : null;
  }
  const [row] =
    Object.keys(set).length > 0
      ? await db.update(projects).set(set).where(eq(projects.id, projectId)).returning()
      : await db.select().from(projects).where(eq(projects.id, projectId));
  if (!row) throw new Error('project not found');
  return toProject(row);
}
