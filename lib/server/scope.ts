import type { Db } from './db/client';
import type { ProjectId } from './ids';

/**
 * What every data function acts within: a database handle (or a transaction) and the project
 * whose rows it may see. Data functions take it first and one options object second.
 */
export interface Scope {
  db: Db;
  projectId: ProjectId;
}
