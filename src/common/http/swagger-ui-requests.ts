/**
 * Swagger UI's request interceptor, sent to the browser as source (it must not close over
 * anything): the create-token example's name gets a short random suffix on each Execute, so a
 * second Execute makes a second token instead of answering 409 (names are unique per user).
 * A name typed in by hand is sent as typed. The name matches `EXAMPLES.createToken` (checked by
 * a test).
 */
/* eslint-disable */
export function freshExampleNames(request: any) {
  var path = String(request.url || '').split('?')[0];
  if (request.method !== 'POST' || !/\/api\/v1\/tokens$/.test(path)) return request;
  if (typeof request.body !== 'string') return request;
  try {
    var body = JSON.parse(request.body);
    if (body && body.name === 'CI deploys') {
      body.name = 'CI deploys ' + Math.random().toString(36).slice(2, 8);
      request.body = JSON.stringify(body);
    }
  } catch (error) {
    // Not JSON: sent as it is, and the API answers 400.
  }
  return request;
}

/**
 * The Authorize dialog's password flow needs no client: its client_id, client_secret and
 * "Client credentials location" fields are hidden.
 */
export const SWAGGER_UI_CSS = `
.wrapper:has(> label[for^="client_id_"]),
.wrapper:has(> label[for^="client_secret_"]),
.wrapper:has(> label[for="password_type"]) { display: none; }
`;
