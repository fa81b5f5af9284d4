// `npm run docs:errors`: rewrites the generated table of docs/ERROR_CODES.md from the error
// catalogue (lib/server/http/error-catalogue.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { withErrorCodeTable } from '@/lib/server/http/error-catalogue-doc';
import { ROOT } from './lib/child';

const file = path.join(ROOT, 'docs/ERROR_CODES.md');
writeFileSync(file, withErrorCodeTable(readFileSync(file, 'utf8')));
console.log(`Wrote ${path.relative(ROOT, file)}`);
