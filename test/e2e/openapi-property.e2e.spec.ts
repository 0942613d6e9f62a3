import fc from 'fast-check';
import { isolatedDatabase, type IsolatedDatabase } from '../support/isolated-database.js';
import {
  PASSWORD,
  createToken,
  login,
  newUser,
  startAdminApp,
  type AdminApp,
  type ApiResponse,
  type LoggedInUser,
} from '../support/test-app.js';

/**
 * Walks the served OpenAPI document and, for every operation, sends generated requests:
 * valid ones (per the document) must not be refused as invalid (400), invalid ones (one rule of
 * the document broken) must be a 4xx, nothing may be a 5xx, and every answer's status, headers
 * and body must be ones the document lists for that operation.
 *
 * Replay a failure with OPENAPI_FUZZ_SEED=<the printed seed>; OPENAPI_FUZZ_RUNS sets the cases
 * per operation and kind (valid, invalid).
 */
const SEED = Number(process.env.OPENAPI_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const RUNS = Number(process.env.OPENAPI_FUZZ_RUNS ?? 10);

type Schema = Record<string, any>;
interface Operation {
  id: string;
  method: string;
  path: string;
  spec: Schema;
}
interface Sent {
  path: string;
  query: [string, string][];
  headers: Record<string, string>;
  contentType?: string;
  body?: string;
}
interface Case {
  request: Sent;
  /** What rule of the document an invalid case breaks. */
  breaks?: string;
}

/**
 * Answers of 400 the document gives for reasons a schema cannot state (RFC 6749 `invalid_grant`
 * and `invalid_scope`,
 * a spent reset link, a wrong current password, a cursor this API never returned, both ways to
 * give an expiry at once, a token's own rate limit above the server's), each named in the
 * operation's description of 400.
 */
const DOMAIN_REFUSALS: Record<string, RegExp> = {
  tokenGrant: /^invalid_(grant|scope)$/,
  confirmPasswordReset: /password-reset link is invalid/,
  changePassword: /current password is not correct/,
  createToken: /expiresInDays or expiresAt, not both|may only lower the server's limit/,
  // A token's own rate limit above the server's, a limit the schema cannot know.
  updateToken: /may only lower the server's limit/,
  listTokens: /cursor is not one this API returned/,
  listUserTokens: /cursor is not one this API returned/,
  adminListTokens: /cursor is not one this API returned/,
  listUsers: /cursor is not one this API returned/,
  listAuditEvents: /cursor is not one this API returned/,
  // Second factors: a code or recovery code of the right type but not of the right form, not
  // exactly one proof, or one that is wrong (no generated input can be right).
  confirmTotp: /^code must be|code is not correct|No TOTP set-up/,
  verifySecondFactor: /^(code|recoveryCode|passkey) must be|exactly one of/,
  browserVerifySecondFactor: /^(code|recoveryCode|passkey) must be|exactly one of/,
  stepUp: /^(code|recoveryCode|passkey) must be|exactly one of|proof is not correct|no challenge/,
  registerPasskey: /passkey was not accepted|answers no open challenge/,
  // Organizations: reserved and id-shaped slugs, scopes not declared, an org token breaking the
  // organization's policy (which the schema cannot know).
  createOrg: /is reserved|shape of an id/,
  updateOrg: /Unknown scope/,
  createOrgToken:
    /expiresInDays or expiresAt, not both|may only lower the server's limit|organization's policy/,
  updateOrgToken: /may only lower the server's limit|organization's policy/,
  listOrgTokens: /cursor is not one this API returned/,
  adminListOrgs: /cursor is not one this API returned/,
  // A link this API never mailed, or one used, withdrawn or expired.
  acceptOrgInvitation: /invitation link is invalid, used or expired/,
  // A usage range the schema cannot bound: from not before to, or too many buckets.
  usageOfTokenUsage: /from must be before to|at most \d+ may be asked for/,
  topAdminUsage: /from must be before to|at most \d+ may be asked for/,
};

/**
 * Operations whose description says an item of this array property that breaks its schema is
 * not refused with the call but answered 200 with the item's index in `errors` (an import's
 * rows: the good ones are imported beside it).
 */
const ITEM_ERRORS: Record<string, string> = { importTokens: 'tokens' };

/** Operations that end the calling session: they get one of their own each time. */
const ENDS_SESSION = new Set([
  'logout',
  'browserLogout',
  'logoutAll',
  'revokeOtherSessions',
  'changePassword',
]);
const SESSION_ONLY = new Set([
  ...ENDS_SESSION,
  // Second factors are a person's: managed with a session credential.
  'setUpTotp',
  'confirmTotp',
  'disableTotp',
  'stepUp',
  'stepUpPasskeyOptions',
  'passkeyRegistrationOptions',
  'registerPasskey',
  'renamePasskey',
  'deletePasskey',
]);
/** Operations that end the calling API token: they get one of their own each time. */
const ENDS_TOKEN = new Set(['revokeCurrentToken']);
const API_TOKEN_ONLY = new Set(['getCurrentToken', ...ENDS_TOKEN]);
const ADMIN_ONLY = new Set(['introspect']);

const asText = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/** As encodeURIComponent, with a lone surrogate sent as the bytes it would be in CESU-8. */
function encodeUrl(value: string): string {
  return value
    .split(/(\p{Cs})/u)
    .map((part, i) => (i % 2 === 1 ? '%ED%A0%80' : encodeURIComponent(part)))
    .join('');
}

describe('The API against its OpenAPI document (property-based)', () => {
  let db: IsolatedDatabase;
  let t: AdminApp;
  let document: Schema;
  let user: LoggedInUser;
  let apiToken: string;
  let victim: LoggedInUser;
  let victimSession: string | undefined;
  /** Mints the tokens that revoke themselves: a user no other operation touches. */
  let tokenMinter: LoggedInUser;
  let victimToken: string | undefined;
  const ids: string[] = [];
  let cases = 0;

  beforeAll(async () => {
    console.log(`OpenAPI property test: seed ${SEED} (OPENAPI_FUZZ_SEED=${SEED} replays it)`);
    db = await isolatedDatabase();
    t = await startAdminApp({ DATABASE_URL: db.url, TOKEN_RATE_PER_MINUTE: '100000' });
    document = (await t.api.get('/docs-json')).body;
    user = await newUser(t.api);
    victim = await newUser(t.api);
    tokenMinter = await newUser(t.api);
    apiToken = (
      await createToken(t.api, user.accessToken, {
        name: 'fuzz caller',
        scopes: ['tokens:read', 'tokens:write', 'sessions:read', 'sessions:write', 'profile:read'],
      })
    ).token;
    for (let i = 0; i < 3; i++) {
      ids.push((await createToken(t.api, user.accessToken, { name: `target ${i}` })).id);
    }
    ids.push(user.id, user.sessionId);
  });
  afterAll(async () => {
    console.log(`OpenAPI property test: ${cases} requests, seed ${SEED}`);
    await t?.close();
    await db?.drop();
  });

  const resolve = (schema: Schema | undefined): Schema => {
    // A nullable reference: `allOf` of the one schema, with `nullable` beside it.
    if (schema?.allOf?.length === 1 && !schema.$ref) {
      return { ...resolve(schema.allOf[0]), nullable: schema.nullable };
    }
    if (!schema?.$ref) return schema ?? {};
    return resolve(document.components.schemas[String(schema.$ref).split('/').pop()!]);
  };

  function operations(): Operation[] {
    const all: Operation[] = [];
    for (const [path, item] of Object.entries<Schema>(document.paths)) {
      for (const [method, spec] of Object.entries<Schema>(item)) {
        all.push({ id: spec.operationId, method: method.toUpperCase(), path, spec });
      }
    }
    return all;
  }

  // ---------- generators of valid values, from a schema ----------

  const word = fc.stringMatching(/^[a-z0-9]{1,12}$/);
  const email = fc
    .tuple(word, fc.option(word, { nil: undefined }), word, fc.constantFrom('com', 'org', 'test'))
    .map(([a, b, domain, tld]) => `${a}${b ? `.${b}` : ''}@${domain}.${tld}`);
  const future = fc
    .integer({ min: 1, max: 5 * 365 * 86_400 })
    .map((s) => new Date(Date.now() + 86_400_000 + s * 1000));
  const dateTime = fc.oneof(
    future.map((d) => d.toISOString()),
    future.map((d) => d.toISOString().replace(/\.\d{3}Z$/, '+02:00')),
  );
  const ip = fc.oneof(
    fc.ipV4(),
    fc.ipV6(),
    fc.tuple(fc.ipV4(), fc.integer({ min: 0, max: 32 })).map(([a, n]) => `${a}/${n}`),
    fc.tuple(fc.ipV6(), fc.integer({ min: 0, max: 128 })).map(([a, n]) => `${a}/${n}`),
  );
  /** Well-formed text without NUL, its length counted in code points as JSON Schema does. */
  const text = (min = 0, max = 40) =>
    fc
      .oneof(
        fc.string({ unit: 'binary', minLength: min, maxLength: Math.min(max, min + 40) }),
        // At the bound, with characters outside the BMP: lengths count code points.
        fc.string({ unit: 'binary', minLength: max, maxLength: max }),
      )
      .map((s) => s.replaceAll('\0', 'x'));

  function valid(raw: Schema | undefined, name = ''): fc.Arbitrary<unknown> {
    const schema = resolve(raw);
    if (schema.oneOf) return fc.oneof(...schema.oneOf.map((s: Schema) => valid(s, name)));
    if (schema.enum) return fc.constantFrom(...schema.enum);
    switch (schema.type) {
      case 'object': {
        const props: Record<string, fc.Arbitrary<unknown>> = {};
        for (const [key, value] of Object.entries<Schema>(schema.properties ?? {})) {
          props[key] = valid(value, key);
        }
        return fc.record(props, { requiredKeys: schema.required ?? [] });
      }
      case 'array': {
        const items = valid(schema.items, name);
        const bounds = { minLength: schema.minItems ?? 0, maxLength: schema.maxItems ?? 5 };
        bounds.maxLength = Math.min(bounds.maxLength, bounds.minLength + 4);
        return schema.uniqueItems
          ? fc.uniqueArray(items, { ...bounds, selector: (v) => JSON.stringify(v) })
          : fc.array(items, bounds);
      }
      case 'integer':
        return fc.integer({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1000 });
      case 'number':
        return fc.double({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1000 });
      case 'boolean':
        return fc.boolean();
      case 'string':
      default:
        return validString(schema);
    }
  }

  function validString(schema: Schema): fc.Arbitrary<string> {
    switch (schema.format) {
      case 'uuid':
        return fc.oneof(fc.uuid(), fc.constantFrom(...ids));
      case 'email':
        return email;
      case 'date-time':
        return dateTime;
      case 'ip':
        return fc.oneof(fc.ipV4(), fc.ipV6());
      case 'ip-or-cidr':
        return ip;
    }
    if (schema.pattern) {
      const pattern = new RegExp(schema.pattern);
      const min = schema.minLength ?? 0;
      const max = schema.maxLength ?? 200;
      if (pattern.source.startsWith('^')) {
        return fc
          .stringMatching(pattern)
          .filter((s) => s.length >= min && s.length <= max && !s.includes('\0'));
      }
      return text(Math.max(min, 1), max).filter((s) => pattern.test(s));
    }
    return text(schema.minLength ?? 0, schema.maxLength ?? 200);
  }

  // ---------- one broken rule at a time ----------

  /** In a URL every value is text: only what text can break (no wrong JSON types, no null). */
  function invalidValue(raw: Schema, inUrl = false): fc.Arbitrary<[unknown, string]> | null {
    const schema = resolve(raw);
    const options: fc.Arbitrary<[unknown, string]>[] = [];
    const tag = (arb: fc.Arbitrary<unknown>, why: string) =>
      arb.map((v) => [v, why] as [unknown, string]);
    if (!schema.nullable && !inUrl) options.push(tag(fc.constant(null), 'null'));
    if (schema.enum) {
      options.push(
        tag(
          word.map((w) => `not-${w}`),
          'not in enum',
        ),
      );
    } else if (schema.type === 'string' || schema.oneOf) {
      if (!inUrl) options.push(tag(fc.integer(), 'a number for a string'));
      if (schema.maxLength !== undefined && schema.maxLength < 5000) {
        options.push(
          tag(
            fc.integer({ min: 1, max: 5 }).map((n) => 'x'.repeat(schema.maxLength + n)),
            'too long',
          ),
        );
      }
      if (schema.minLength) options.push(tag(fc.constant(''), 'too short'));
      const badFormat: Record<string, string[]> = {
        uuid: ['not-a-uuid', '123', 'zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz'],
        email: ['not-an-email', 'ada@example.com\u202e', '"ada"@example.com', 'a@b'],
        'date-time': ['2030-W01-1', '2030-100', '20300101T000000Z', '2030-01-01T00Z'],
        ip: ['999.1.1.1', 'localhost'],
        'ip-or-cidr': ['10.0.0.0/33', 'example.com'],
      };
      if (schema.format && badFormat[schema.format]) {
        options.push(tag(fc.constantFrom(...badFormat[schema.format]), `not ${schema.format}`));
      }
      options.push(tag(fc.constant('a\ud800b'), 'a lone surrogate'));
      options.push(tag(fc.constant('a\u0000b'), 'NUL'));
    } else if (schema.type === 'integer' || schema.type === 'number') {
      if (inUrl) {
        options.push(tag(fc.constantFrom('abc', '1e1', '0x10', ' 5', ''), 'not digits'));
      } else {
        options.push(tag(fc.constant('5'), 'a string for a number'));
      }
      if (schema.type === 'integer') options.push(tag(fc.constant(1.5), 'not an integer'));
      if (schema.maximum !== undefined) {
        options.push(tag(fc.integer({ min: schema.maximum + 1 }), 'above maximum'));
      }
      if (schema.minimum !== undefined) {
        options.push(tag(fc.integer({ max: schema.minimum - 1 }), 'below minimum'));
      }
    } else if (schema.type === 'boolean') {
      // In a query string `true` and `false` are the booleans' own spelling.
      const notBoolean = inUrl
        ? fc.constantFrom('yes', '1', 'TRUE')
        : fc.constantFrom('true', 1, 0);
      options.push(tag(notBoolean, 'not a boolean'));
    } else if (schema.type === 'array') {
      if (!inUrl) options.push(tag(fc.constant('x'), 'a string for an array'));
      if (schema.minItems) options.push(tag(fc.constant([]), 'too few items'));
      const item = invalidValue(schema.items, inUrl);
      if (item) options.push(item.map(([v, why]) => [[v], `item: ${why}`]));
    }
    return options.length ? fc.oneof(...options) : null;
  }

  function invalidBody(raw: Schema): fc.Arbitrary<[unknown, string]> {
    const schema = resolve(raw);
    const variants = schema.oneOf ? schema.oneOf.map(resolve) : [schema];
    const options: fc.Arbitrary<[unknown, string]>[] = [
      fc.constantFrom<[unknown, string]>(
        [null, 'body null'],
        [[], 'body an array'],
        ['x', 'body a string'],
        [5, 'body a number'],
        [JSON.parse(`{"a":${'['.repeat(40)}${']'.repeat(40)}}`), 'too deep'],
      ),
    ];
    for (const variant of variants) {
      const base = valid(variant) as fc.Arbitrary<Record<string, unknown>>;
      options.push(
        fc
          .tuple(base, word)
          .map(([body, w]) => [{ ...body, [`unknown_${w}`]: 1 }, 'an unknown field']),
      );
      for (const key of variant.required ?? []) {
        if (variant.properties[key].enum?.length === 1 && variants.length > 1) continue;
        options.push(
          base.map((body) => {
            const copy = { ...body };
            delete copy[key];
            return [copy, `without required ${key}`];
          }),
        );
      }
      for (const [key, property] of Object.entries<Schema>(variant.properties ?? {})) {
        const bad = invalidValue(property);
        if (!bad) continue;
        options.push(
          fc
            .tuple(base, bad)
            .map(([body, [value, why]]) => [{ ...body, [key]: value }, `${key}: ${why}`]),
        );
      }
    }
    return fc.oneof(...options);
  }

  // ---------- requests ----------

  function encodeBody(op: Operation, body: unknown, form: boolean): Partial<Sent> {
    if (body === undefined) return {};
    if (form && body !== null && typeof body === 'object' && !Array.isArray(body)) {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
        if (value === null || typeof value === 'object') return encodeBody(op, body, false);
        params.append(key, asText(value));
      }
      return { contentType: 'application/x-www-form-urlencoded', body: params.toString() };
    }
    return { contentType: 'application/json', body: JSON.stringify(body) };
  }

  /** Generated requests of `op`; undefined when nothing of it can be broken (headers are not). */
  function requests(op: Operation, kind: 'valid' | 'invalid'): fc.Arbitrary<Case> | undefined {
    const parameters: Schema[] = op.spec.parameters ?? [];
    const media = op.spec.requestBody?.content ?? {};
    const bodySchema = (media['application/json'] ?? media['application/x-www-form-urlencoded'])
      ?.schema as Schema | undefined;
    const formAllowed = 'application/x-www-form-urlencoded' in media;

    const paramArbs: Record<string, fc.Arbitrary<unknown>> = {};
    const required: string[] = [];
    for (const p of parameters) {
      paramArbs[`${p.in}:${p.name}`] = valid(p.schema);
      if (p.required) required.push(`${p.in}:${p.name}`);
    }
    const validParams = fc.record(paramArbs, { requiredKeys: required });
    const validBody = bodySchema ? valid(bodySchema) : fc.constant(undefined);

    type Parts = [Record<string, unknown>, unknown, boolean, string | undefined];
    let parts: fc.Arbitrary<Parts>;
    if (kind === 'valid') {
      parts = fc
        .tuple(validParams, validBody, fc.boolean())
        .map(([params, body, form]) => [params, body, form && formAllowed, undefined]);
    } else {
      const options: fc.Arbitrary<Parts>[] = [];
      if (bodySchema) {
        options.push(
          fc
            .tuple(validParams, invalidBody(bodySchema))
            // As JSON: a form has no types or null to get wrong.
            .map(([params, [body, why]]) => [params, body, false, why]),
        );
      }
      for (const p of parameters) {
        if (p.in === 'header') continue;
        const bad = invalidValue(p.schema, true);
        if (!bad) continue;
        const key = `${p.in}:${p.name}`;
        options.push(
          fc
            .tuple(validParams, bad, validBody)
            .filter(([, [value]]) => value !== null)
            .map(([params, [value, why], body]) => [
              { ...params, [key]: value },
              body,
              false,
              `${p.name}: ${why}`,
            ]),
        );
      }
      if (options.length === 0) return undefined;
      parts = fc.oneof(...options);
    }
    return parts.map(([params, body, form, breaks]) => {
      let path = op.path;
      const query: [string, string][] = [];
      const headers: Record<string, string> = {};
      for (const [key, value] of Object.entries(params)) {
        if (value === undefined) continue;
        const [where, name] = key.split(':');
        if (where === 'path') path = path.replace(`{${name}}`, encodeUrl(asText(value)));
        else if (where === 'header') headers[name] = asText(value);
        else if (Array.isArray(value)) for (const v of value) query.push([name, asText(v)]);
        else query.push([name, asText(value)]);
      }
      return { request: { path, query, headers, ...encodeBody(op, body, form) }, breaks };
    });
  }

  async function credential(op: Operation, useApiToken: boolean): Promise<string | undefined> {
    const scopes: string[] =
      op.spec.security?.find((r: { bearer?: string[] }) => r.bearer)?.bearer ?? [];
    if (!op.spec.security?.length) return undefined;
    if (scopes.includes('admin') || ADMIN_ONLY.has(op.id)) return t.adminToken;
    if (ENDS_TOKEN.has(op.id)) {
      victimToken ??= (
        await createToken(t.api, tokenMinter.accessToken, { name: 'fuzz self-revoke' })
      ).token;
      return victimToken;
    }
    if (API_TOKEN_ONLY.has(op.id)) return apiToken;
    if (ENDS_SESSION.has(op.id)) {
      victimSession ??= (await login(t.api, victim.email, PASSWORD)).body.accessToken;
      return victimSession;
    }
    return useApiToken && !SESSION_ONLY.has(op.id) ? apiToken : user.accessToken;
  }

  async function send(op: Operation, sent: Sent, token?: string): Promise<ApiResponse> {
    cases++;
    const search = sent.query.map(([k, v]) => `${encodeUrl(k)}=${encodeUrl(v)}`).join('&');
    const headers: Record<string, string> = { ...sent.headers };
    if (token) headers.authorization = `Bearer ${token}`;
    if (sent.contentType) headers['content-type'] = sent.contentType;
    // An event stream never ends: its first event is the answer checked.
    const stream = op.spec.responses['200']?.content?.['text/event-stream'] !== undefined;
    const abort = new AbortController();
    const response = await fetch(`${t.baseUrl}${sent.path}${search ? `?${search}` : ''}`, {
      method: op.method,
      headers,
      body: sent.body,
      signal: abort.signal,
    });
    const text =
      stream && response.status === 200 ? await firstEvent(response, abort) : await response.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: the shape check below says so
    }
    if (ENDS_SESSION.has(op.id) && response.status < 300) victimSession = undefined;
    if (ENDS_TOKEN.has(op.id) && response.status < 300) victimToken = undefined;
    return { status: response.status, headers: response.headers, body, text };
  }

  async function firstEvent(response: Response, abort: AbortController): Promise<string> {
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    while (!text.includes('\n\n')) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
    abort.abort();
    return text;
  }

  // ---------- the document's promises about an answer ----------

  function conforms(raw: Schema | undefined, value: unknown, at = '$'): string[] {
    const schema = resolve(raw);
    if (value === null) return schema.nullable ? [] : [`${at} is null`];
    if (schema.oneOf) {
      return schema.oneOf.some((s: Schema) => conforms(s, value, at).length === 0)
        ? []
        : [`${at} matches no oneOf`];
    }
    if (schema.enum && !schema.enum.includes(value)) return [`${at}=${asText(value)} not in enum`];
    const type = Array.isArray(value) ? 'array' : typeof value;
    switch (schema.type) {
      case 'object': {
        if (type !== 'object') return [`${at} is not an object`];
        const object = value as Record<string, unknown>;
        const errors = (schema.required ?? [])
          .filter((key: string) => !(key in object))
          .map((key: string) => `${at}.${key} missing`);
        for (const [key, property] of Object.entries<Schema>(schema.properties ?? {})) {
          if (key in object) errors.push(...conforms(property, object[key], `${at}.${key}`));
        }
        return errors;
      }
      case 'array':
        return type === 'array'
          ? (value as unknown[]).flatMap((item, i) => conforms(schema.items, item, `${at}[${i}]`))
          : [`${at} is not an array`];
      case 'integer':
        return Number.isInteger(value) ? [] : [`${at} is not an integer`];
      case 'number':
        return type === 'number' ? [] : [`${at} is not a number`];
      case 'boolean':
        return type === 'boolean' ? [] : [`${at} is not a boolean`];
      case 'string':
        return type === 'string' ? [] : [`${at} is not a string`];
      default:
        return [];
    }
  }

  function checkAnswer(op: Operation, c: Case, res: ApiResponse, kind: 'valid' | 'invalid') {
    const where = `${op.id} ${op.method} ${c.request.path}?${JSON.stringify(c.request.query)} ${c.request.contentType ?? ''} ${c.request.body ?? ''}${c.breaks ? ` (breaks: ${c.breaks})` : ''} -> ${res.status} ${res.text.slice(0, 300)}`;
    if (res.status >= 500) throw new Error(`5xx: ${where}`);
    if (kind === 'valid' && res.status === 400) {
      const allowed = DOMAIN_REFUSALS[op.id];
      const body = res.body as { error?: string; message?: unknown };
      const said = op.id === 'tokenGrant' ? body.error : String(body.message);
      if (!allowed || !allowed.test(String(said))) throw new Error(`valid input refused: ${where}`);
    }
    const itemsOf = ITEM_ERRORS[op.id];
    if (kind === 'invalid' && itemsOf && c.breaks?.startsWith(`${itemsOf}: item:`)) {
      // The broken item is the array's only one, at index 0.
      const errors = (res.body as { errors?: { index: number }[] }).errors;
      if (res.status !== 200 || !errors?.some((error) => error.index === 0)) {
        throw new Error(`broken item not reported by its index: ${where}`);
      }
    } else if (kind === 'invalid' && (res.status < 400 || res.status >= 500)) {
      throw new Error(`invalid input not refused: ${where}`);
    }
    const documented = op.spec.responses[String(res.status)];
    if (!documented) throw new Error(`undocumented status: ${where}`);
    for (const header of Object.keys(documented.headers ?? {})) {
      const mustHave =
        (res.status === 401 && header === 'WWW-Authenticate') ||
        (res.status === 429 && header === 'Retry-After');
      if (mustHave && !res.headers.get(header)) throw new Error(`no ${header}: ${where}`);
    }
    const schema = documented.content?.['application/json']?.schema;
    if (schema && res.status !== 204) {
      const errors = conforms(schema, res.body);
      if (errors.length) throw new Error(`body shape (${errors.join('; ')}): ${where}`);
    } else if (res.status === 204 && res.text !== '') {
      throw new Error(`204 with a body: ${where}`);
    }
  }

  it('answers every operation as its document says, for valid and invalid input', async () => {
    const ops = operations();
    expect(ops.length).toBeGreaterThan(25);
    let invalidOps = 0;
    for (const op of ops) {
      for (const kind of ['valid', 'invalid'] as const) {
        const arbitrary = requests(op, kind);
        if (!arbitrary) continue;
        if (kind === 'invalid') invalidOps++;
        await fc.assert(
          fc.asyncProperty(arbitrary, fc.boolean(), async (c, useApiToken) => {
            const res = await send(op, c.request, await credential(op, useApiToken));
            checkAnswer(op, c, res, kind);
          }),
          { seed: SEED, numRuns: RUNS, endOnFailure: true },
        );
      }
    }
    console.log(
      `OpenAPI property test: ${ops.length} operations (${invalidOps} with inputs to break), ${cases} requests, seed ${SEED}`,
    );
  }, 120_000);
});
