import { describe, expect, it } from 'vitest';
import { testProject } from '@/test/support/fixtures';
import { customerOutput, toApiCustomer } from './schema';
import { createCustomer } from './write';

describe('customerOutput', () => {
  it('describes exactly what toApiCustomer returns', async () => {
    const { db, project } = await testProject();
    const scope = { db, projectId: project.id };
    for (const input of [{ name: 'Schema Co', external_customer_id: 'crm-1' }, { name: 'No External Id' }]) {
      const api = toApiCustomer(await createCustomer(scope, { input }));
      expect(customerOutput.parse(api)).toEqual(api);
    }
  });
});
