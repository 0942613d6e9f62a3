import 'reflect-metadata';
import { BadRequestException, ValidationPipe } from '@nestjs/common';
import { VerifyBodyPipe } from './verify-body.pipe.js';
import { VerifyDto } from './verify.dto.js';

/** The hand-written check of POST /verify's body agrees with the documented DTO's rules. */
describe('VerifyBodyPipe', () => {
  const pipe = new VerifyBodyPipe();
  const reference = new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
  });
  const TOKEN = 'tsr_0123456789';

  const bodies: Record<string, unknown>[] = [
    { token: TOKEN },
    { token: TOKEN, scopes: [] },
    { token: TOKEN, scopes: ['tokens:read', 'admin', 'projects.v2:write-all'] },
    { token: TOKEN, clientIp: '127.0.0.1' },
    { token: TOKEN, clientIp: '2001:db8::1' },
    { token: TOKEN, clientIp: '::ffff:10.0.0.1' },
    { token: 'x'.repeat(4096) },
    { token: '\u{1F600}'.repeat(4096) },
    { token: '\u{1F600}'.repeat(4097) },
    { token: 'x\uFE0F'.repeat(4096) },
    {},
    { token: '' },
    { token: 42 },
    { token: null },
    { token: 'x'.repeat(4097) },
    { token: TOKEN, scopes: 'tokens:read' },
    { token: TOKEN, scopes: ['Tokens:Read'] },
    { token: TOKEN, scopes: ['nocolon'] },
    { token: TOKEN, scopes: [7] },
    { token: TOKEN, scopes: Array.from({ length: 51 }, () => 'a:b') },
    { token: TOKEN, scopes: Array.from({ length: 50 }, () => 'a:b') },
    { token: TOKEN, clientIp: 'not-an-ip' },
    { token: TOKEN, clientIp: '300.1.1.1' },
    { token: TOKEN, clientIp: null },
    { token: TOKEN, clientIp: 7 },
    { token: TOKEN, extra: true },
  ];

  const verdict = async (check: () => unknown): Promise<string[] | 'ok'> => {
    try {
      await check();
      return 'ok';
    } catch (error) {
      if (!(error instanceof BadRequestException)) throw error;
      const message = (error.getResponse() as { message: string[] }).message;
      return [...message].sort();
    }
  };

  it.each(bodies.map((body) => [JSON.stringify(body).slice(0, 80), body]))(
    'answers %s as the DTO rules do',
    async (_name, body) => {
      const mine = await verdict(() => pipe.transform(structuredClone(body)));
      const theirs = await verdict(() =>
        reference.transform(structuredClone(body), { type: 'body', metatype: VerifyDto }),
      );
      expect(mine).toEqual(theirs);
    },
  );
});
