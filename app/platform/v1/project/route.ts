import { apiRoute, methodNotAllowed } from '@/lib/server/http/api-route';
import { parseBody } from '@/lib/server/http/body';
import { updateProject } from '@/lib/server/projects';
import { projectUpdateSchema, toApiProject } from '@/lib/server/projects/api';

// The authenticated project: its name and default theme (copied into links created from then on;
// lib/server/projects/theme.ts).

export const GET = apiRoute(async ({ project }) => ({ data: toApiProject(project) }));

export const PATCH = apiRoute(async ({ scope, json }) => {
  const changes = parseBody(json, 'project', projectUpdateSchema);
  return { data: toApiProject(await updateProject(scope, { changes })) };
});

const notAllowed = methodNotAllowed(['GET', 'PATCH']);
export const POST = notAllowed;
export const PUT = notAllowed;
export const DELETE = notAllowed;
