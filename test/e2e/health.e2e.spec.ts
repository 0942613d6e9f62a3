import { Api, startTestApp, type TestApp } from '../support/test-app.js';

describe('Health', () => {
  let t: TestApp;
  let api: Api;

  beforeAll(async () => {
    t = await startTestApp();
    api = t.api;
  });
  afterAll(() => t.close());

  it('serves health without the API prefix: live, and ready when the database answers', async () => {
    expect(await api.get('/health/live')).toMatchObject({ status: 200, body: { status: 'ok' } });
    expect(await api.get('/health/ready')).toMatchObject({
      status: 200,
      body: { status: 'ok', database: 'up' },
    });
  });
});
