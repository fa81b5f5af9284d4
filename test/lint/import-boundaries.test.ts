import { ESLint } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The layer rules of README.md's "Architecture", proven on planted imports: each wrong-way import
// below is linted as if it were a file at that place in the repository.
const ROOT = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: ROOT });

async function boundaryErrors(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\nexport {};\n`, { filePath: path.join(ROOT, file) });
  return result.messages.filter((m) => m.ruleId === 'import/no-restricted-paths').map((m) => m.message);
}

const WRONG_WAY: Array<[file: string, source: string]> = [
  ['lib/shared/planted.ts', "import '@/lib/server/env';"],
  ['lib/shared/planted.ts', "import '@/lib/browser/embedded-signup/flow';"],
  ['lib/server/planted.ts', "import '@/app/platform/v1/customers/route';"],
  ['lib/server/planted.ts', "import '@/components/setup/SetupFlow';"],
  ['lib/server/planted.ts', "import '@/emulator/meta/server';"],
  ['lib/server/planted.ts', "import '@/e2e/support/fixtures';"],
  ['lib/server/planted.ts', "import '@/test/support/fixtures';"],
  ['lib/server/planted.ts', "import '@/lib/browser/embedded-signup/flow';"],
  ['lib/browser/planted.ts', "import '@/lib/server/log';"],
  ['components/setup/Planted.tsx', "import '@/lib/server/db/client';"],
  ['scripts/planted.ts', "import '@/e2e/support/fixtures';"],
  ['emulator/meta/planted.ts', "import '@/lib/server/env';"],
];

describe('import boundaries', () => {
  it.each(WRONG_WAY)('%s may not %s', async (file, source) => {
    expect(await boundaryErrors(file, source)).toHaveLength(1);
  });

  it('allows the right way: server and components use shared code, e2e uses scripts/lib', async () => {
    expect(await boundaryErrors('lib/server/planted.ts', "import '@/lib/shared/vocabulary';")).toEqual([]);
    expect(
      await boundaryErrors('components/setup/Planted.tsx', "import '@/lib/browser/embedded-signup/flow';"),
    ).toEqual([]);
    expect(await boundaryErrors('e2e/planted.spec.ts', "import '@/scripts/lib/test-keys';")).toEqual([]);
    expect(await boundaryErrors('lib/server/planted.test.ts', "import '@/test/support/fixtures';")).toEqual([]);
  });
});
