import 'server-only';
import { z } from 'zod';
import { apiTime, apiTimestamp } from '@/lib/shared/time';
import { themeConfigSchema } from '@/lib/shared/theme';
import type { Project } from './model';

// The project API (GET/PATCH /project): what partners write and read. The theme is validated by
// the same schema as a setup link's theme_config.

export const projectUpdateSchema = z.strictObject({
  // The default theme of links created from now on; null or {} removes it.
  theme_config: themeConfigSchema.nullable().optional(),
});
export type ProjectUpdateInput = z.output<typeof projectUpdateSchema>;

/** The authenticated project as the API returns it. */
export const projectOutput = z.strictObject({
  id: z.uuid(),
  object: z.literal('project'),
  name: z.string(),
  theme_config: themeConfigSchema.nullable(),
  created_at: apiTimestamp,
});
export type ApiProject = z.input<typeof projectOutput>;

export function toApiProject(project: Project): ApiProject {
  return {
    id: project.id,
    object: 'project',
    name: project.name,
    theme_config: project.themeConfig,
    created_at: apiTime(project.createdAt),
  };
}
