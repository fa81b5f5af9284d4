import { describe, expect, it } from 'vitest';
import * as projectRoute from '@/app/platform/v1/project/route';
import { resolveLinkToken } from '@/lib/server/setup-links/resolve';
import { DEFAULT_THEME, resolveTheme } from '@/lib/shared/theme';
import { apiClient } from '../support/api-client';
import { paths, routes } from '../support/routes';

// GET/PATCH /project and the project's default theme: copied into links created afterwards
// without colours of their own (under the link's own colours), never into existing links.

const DEFAULT = { primary_color: '#10b981', background_color: '#101010' };

async function setup() {
  const client = await apiClient();
  const get = () => client.api(projectRoute, 'GET', '/project');
  const patch = (body: unknown) => client.api(projectRoute, 'PATCH', '/project', { body });
  const getLink = (customerId: string, id: string) =>
    client.api(routes.setupLink, 'GET', paths.setupLink(customerId, id), { params: { customerId, id } });
  /** The theme the hosted page renders for a link (app/layout.tsx: the resolved link's layers). */
  const pageTheme = async (url: string) => {
    const link = await resolveLinkToken(client.db, new URL(url).pathname.split('/').at(-1));
    return resolveTheme(link?.themeConfig);
  };
  return { ...client, get, patch, getLink, pageTheme };
}

describe('GET/PATCH /project', () => {
  it('shows the project, sets its default theme (wrapped or flat) and clears it with null', async () => {
    const { get, patch, project } = await setup();
    const shown = await get();
    expect(shown.status).toBe(200);
    expect(shown.body.data).toEqual({
      id: project.id,
      object: 'project',
      name: project.name,
      theme_config: null,
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
    });

    const set = await patch({ project: { theme_config: DEFAULT } });
    expect(set.status).toBe(200);
    expect(set.body.data).toMatchObject({ id: project.id, object: 'project', theme_config: DEFAULT });
    expect((await get()).body.data.theme_config).toEqual(DEFAULT);

    expect((await patch({ theme_config: { text_color: '#222222' } })).body.data.theme_config).toEqual({
      text_color: '#222222',
    });
    // Nothing to change: answered as it is.
    expect((await patch({ project: {} })).body.data.theme_config).toEqual({ text_color: '#222222' });

    const cleared = await patch({ project: { theme_config: null } });
    expect(cleared.status).toBe(200);
    expect(cleared.body.data.theme_config).toBeNull();
    expect((await patch({ project: { theme_config: {} } })).body.data.theme_config).toBeNull();
  });

  it.each([
    ['a colour that is not #RRGGBB', { theme_config: { primary_color: 'red' } }, 'project.theme_config.primary_color'],
    ['a short colour', { theme_config: { text_color: '#fff' } }, 'project.theme_config.text_color'],
    ['an unknown theme key', { theme_config: { primary: '#111111' } }, 'project.theme_config.primary'],
    ['a theme that is not an object', { theme_config: '#111111' }, 'project.theme_config'],
    ['an unknown field', { name: 'Renamed' }, 'project.name'],
  ])('refuses %s: 422 in the envelope, nothing changed', async (_name, body, param) => {
    const { get, patch } = await setup();
    await patch({ project: { theme_config: DEFAULT } });
    const before = (await get()).body.data;
    const res = await patch({ project: body });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ type: 'invalid_request_error', param });
    expect(res.body.error.request_id).toEqual(expect.any(String));
    expect((await get()).body.data).toEqual(before);
  });

  it('answers 400 to malformed JSON, 405 to other methods, 401 without a key', async () => {
    const { api } = await setup();
    expect((await api(projectRoute, 'PATCH', '/project', { raw: '{"project": ' })).body.error.code).toBe(
      'malformed_json',
    );
    const post = await api(projectRoute, 'POST', '/project', { body: {} });
    expect(post.status).toBe(405);
    expect(post.headers.get('Allow')).toBe('GET, PATCH');
    const anonymous = await projectRoute.GET(new Request('http://localhost:3000/platform/v1/project'));
    expect(anonymous.status).toBe(401);
  });
});

describe("a project's default theme on its links", () => {
  it('is copied into links created afterwards; the page renders it; explicit colours win key by key', async () => {
    const { patch, newCustomer, newLink, pageTheme } = await setup();
    const c = await newCustomer();
    expect((await patch({ project: { theme_config: DEFAULT } })).status).toBe(200);

    const plain = await newLink(c.id);
    expect(plain.status).toBe(201);
    expect(plain.body.data.theme_config).toEqual(DEFAULT);
    expect(await pageTheme(plain.body.data.url)).toMatchObject(DEFAULT);

    const own = await newLink(c.id, { theme_config: { primary_color: '#aa0000' } });
    expect(own.body.data.theme_config).toEqual({ primary_color: '#aa0000', background_color: '#101010' });
    expect((await pageTheme(own.body.data.url)).primary_color).toBe('#aa0000');

    // null and {} mean "no colours of its own": the default.
    expect((await newLink(c.id, { theme_config: null })).body.data.theme_config).toEqual(DEFAULT);
  });

  it('changing the default leaves existing links as they are; a link re-themed by PATCH takes the new one', async () => {
    const { patch, newCustomer, newLink, getLink, pageTheme, api } = await setup();
    const c = await newCustomer();
    const before = await newLink(c.id);
    expect(before.body.data.theme_config).toEqual({});
    await patch({ project: { theme_config: DEFAULT } });
    const link = (await newLink(c.id)).body.data;

    await patch({ project: { theme_config: { primary_color: '#0000ff' } } });
    expect((await getLink(c.id, link.id)).body.data.theme_config).toEqual(DEFAULT);
    expect(await pageTheme(link.url)).toMatchObject(DEFAULT);
    expect((await getLink(c.id, before.body.data.id)).body.data.theme_config).toEqual({});
    expect(await pageTheme(before.body.data.url)).toEqual(DEFAULT_THEME);

    const params = { customerId: c.id, id: link.id };
    const rethemed = await api(routes.setupLink, 'PATCH', paths.setupLink(c.id, link.id), {
      params,
      body: { setup_link: { theme_config: { text_color: '#333333' } } },
    });
    expect(rethemed.status).toBe(200);
    expect(rethemed.body.data.theme_config).toEqual({ primary_color: '#0000ff', text_color: '#333333' });

    await patch({ project: { theme_config: null } });
    expect((await newLink(c.id)).body.data.theme_config).toEqual({});
  });

  it("is the project's own: another project's links keep the built-in theme", async () => {
    const mine = await setup();
    await mine.patch({ project: { theme_config: DEFAULT } });
    const theirs = await setup();
    const c = await theirs.newCustomer();
    expect((await theirs.newLink(c.id)).body.data.theme_config).toEqual({});
  });
});
