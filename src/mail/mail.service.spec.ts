import { Logger, type LoggerService } from '@nestjs/common';
import { BackgroundTasks } from '../common/background/background-tasks.js';
import { MailTransport, type MailMessage } from './mail-transport.js';
import { MailService } from './mail.service.js';

const MESSAGE: MailMessage = { to: 'ada@example.test', subject: 's', text: 't', html: '<p>t</p>' };

/** Refuses the first `failures` attempts, then accepts. */
class FlakyTransport extends MailTransport {
  attempts: number[] = [];
  delivered: MailMessage[] = [];

  constructor(private failures: number) {
    super();
  }

  deliver(message: MailMessage): Promise<void> {
    this.attempts.push(Date.now());
    if (this.failures-- > 0) return Promise.reject(new Error('451 try again later'));
    this.delivered.push(message);
    return Promise.resolve();
  }
}

describe('MailService', () => {
  const logged: { level: string; entry: any }[] = [];
  const capture = (level: string) => (entry: unknown) => void logged.push({ level, entry });
  const sink: LoggerService = {
    log: capture('log'),
    warn: capture('warn'),
    error: capture('error'),
  };
  beforeAll(() => Logger.overrideLogger(sink));
  beforeEach(() => (logged.length = 0));

  it('returns before the mail is sent, and sends it in the background', async () => {
    const transport = new FlakyTransport(0);
    const tasks = new BackgroundTasks();
    new MailService(transport, tasks).send('test', MESSAGE);
    expect(transport.delivered).toEqual([]);
    await tasks.idle();
    expect(transport.delivered).toEqual([MESSAGE]);
  });

  it('retries a refused mail after growing waits until it is accepted', async () => {
    const transport = new FlakyTransport(2);
    const tasks = new BackgroundTasks();
    new MailService(transport, tasks, [20, 80, 1000]).send('test', MESSAGE);
    await tasks.idle();
    expect(transport.delivered).toEqual([MESSAGE]);
    const [first, second, third] = transport.attempts;
    expect(transport.attempts).toHaveLength(3);
    expect(second - first).toBeGreaterThanOrEqual(19);
    expect(third - second).toBeGreaterThanOrEqual(79);
  });

  it('gives up after a bounded number of attempts, without an unhandled rejection', async () => {
    const transport = new FlakyTransport(Infinity);
    const tasks = new BackgroundTasks();
    new MailService(transport, tasks, [1, 1, 1]).send('test', MESSAGE);
    await tasks.idle();
    expect(transport.attempts).toHaveLength(4);
    expect(transport.delivered).toEqual([]);
    expect(logged.map(({ level, entry }) => [level, entry.msg, entry.attempt])).toEqual([
      ['warn', 'Mail not sent: will retry', 1],
      ['warn', 'Mail not sent: will retry', 2],
      ['warn', 'Mail not sent: will retry', 3],
      ['error', 'Mail not sent: giving up', 4],
    ]);
    expect(logged[3].entry).toMatchObject({
      kind: 'test',
      err: { message: '451 try again later' },
    });
    expect(JSON.stringify(logged)).not.toContain(MESSAGE.to);
  });

  it('stops waiting for a retry when the application shuts down', async () => {
    const transport = new FlakyTransport(Infinity);
    const tasks = new BackgroundTasks();
    new MailService(transport, tasks, [60_000]).send('test', MESSAGE);
    while (transport.attempts.length === 0) await new Promise((resolve) => setImmediate(resolve));
    const started = Date.now();
    await tasks.beforeApplicationShutdown();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(transport.attempts).toHaveLength(1);
    expect(logged.at(-1)).toMatchObject({
      level: 'error',
      entry: { msg: 'Mail not sent: shutting down before its retry' },
    });
  });
});
