import 'server-only';
import type { projects } from '../db/schema';
import type { ProjectId } from '../ids';
import type { ThemeConfig } from '@/lib/shared/theme';

/** A project as the server passes it around (api-route.ts hands it to every API handler). */
export interface Project {
  id: ProjectId;
  name: string;
  /** The default theme copied into links created without their own colours; null: none. */
  themeConfig: ThemeConfig | null;
  createdAt: Date;
}

export const toProject = (row: typeof projects.$inferSelect): Project => ({
  id: row.id,
  name: row.name,
  themeConfig: row.defaultThemeConfig ?? null,
  createdAt: row.createdAt,
});
