import { Controller, Get, Headers, Res } from '@nestjs/common';
import {
  ApiForbiddenResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { ErrorResponseDto } from '../common/errors/error-response.dto.js';
import type { FastifyReply } from 'fastify';
import { Authenticated, Principal } from '../common/auth/authenticated.decorator.js';
import type { AuthPrincipal } from '../common/auth/principal.js';
import { sha256Base64 } from '../common/crypto/crypto.js';
import { insufficientScope } from '../common/errors/domain-error.js';
import {
  VerifyEvents,
  type InvalidateData,
  type StreamEvent,
  type StreamSubscriber,
} from './verify-events.service.js';

/** A comment line this often keeps proxies and clients from taking a quiet stream for dead. */
const HEARTBEAT_MS = 15_000;
/** A client this far behind is cut off: it reconnects and resumes, or starts afresh. */
const MAX_BUFFERED_BYTES = 1 << 20;

/**
 * `GET /verify/events`: the ids of credentials whose state changed, as server-sent events, so
 * a service that caches verifications drops an answer the moment it stops being true.
 */
@ApiTags('verification')
@Controller('verify/events')
export class VerifyEventsController {
  constructor(private readonly events: VerifyEvents) {}

  @Get()
  // Reconnecting is not a use: the service's own token is not charged per-token limits.
  @Authenticated({ chargeExemptFor: ['tokens:verify', 'admin'] })
  @ApiOperation({
    summary: 'A stream of credentials whose state changed, for caches of verifications',
    description: [
      'Needs the `tokens:verify` or `admin` scope. Server-sent events: `ready` first',
      '(`{"resumed", "exact"}`: when `resumed` is false, events may have been missed and a',
      'cache must be emptied), then `invalidate` (`{"tokens"?, "sessions"?, "users"?}`: SHA-256',
      'of API token secrets in base64, session ids, user ids whose credentials changed) and',
      '`state` (`{"exact"}`: empty the cache; cache only while exact). A comment every 15 s.',
      'Resume with `Last-Event-ID`. The stream ends when the calling credential itself changes.',
    ].join(' '),
  })
  @ApiProduces('text/event-stream')
  @ApiHeader({
    name: 'Last-Event-ID',
    required: false,
    description: 'The id of the last event received, to be sent what came after it',
    schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' },
  })
  @ApiOkResponse({
    description: 'The event stream; it stays open',
    content: { 'text/event-stream': { schema: { type: 'string' } } },
  })
  @ApiForbiddenResponse({
    description: 'The credential holds neither tokens:verify nor admin',
    type: ErrorResponseDto,
  })
  stream(
    @Principal() principal: AuthPrincipal,
    @Headers('authorization') authorization: string | undefined,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Res() reply: FastifyReply,
  ): void {
    if (!principal.scopes.includes('tokens:verify') && !principal.scopes.includes('admin')) {
      throw insufficientScope('tokens:verify');
    }
    const own = ownKeys(principal, authorization);
    const raw = reply.raw;
    reply.hijack();
    // The caller may have gone while its credential was checked: its 'close' has passed.
    if (raw.destroyed || this.events.stopping) {
      raw.destroy();
      return;
    }
    raw.writeHead(200, {
      ...(reply.getHeaders() as Record<string, string>),
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      // nginx would otherwise hold events back in its buffer.
      'x-accel-buffering': 'no',
    });

    let ended = false;
    const heartbeat = setInterval(() => write(': ping\n\n'), HEARTBEAT_MS);
    heartbeat.unref();
    // The credential's own end: an expiry publishes no event, so the stream ends itself then.
    const expiry =
      principal.expiresAt != null
        ? setTimeout(() => end(), Math.max(0, principal.expiresAt - Date.now()))
        : undefined;
    expiry?.unref();
    const end = (cut = false) => {
      if (ended) return;
      ended = true;
      clearInterval(heartbeat);
      clearTimeout(expiry);
      unsubscribe();
      // A reader too slow to take what is queued is cut off, not waited for.
      if (cut) raw.destroy();
      else raw.end();
    };
    const write = (text: string) => {
      if (ended) return;
      raw.write(text);
      if (raw.writableLength > MAX_BUFFERED_BYTES) end(true);
    };
    const subscriber: StreamSubscriber = {
      send: (event) => {
        write(frame(this.events.idOf(event.seq), event));
        // The caller's own credential changed: it may no longer hold the scope, or exist.
        if (event.name === 'invalidate' && touches(event.data as InvalidateData, own)) end();
      },
      end: () => end(),
    };
    raw.on('close', () => end());
    const { missed, unsubscribe } = this.events.subscribe(subscriber, lastEventId);
    const readyId = missed === null ? this.events.lastId : lastEventId!;
    write(
      `retry: 1000\n` +
        `id: ${readyId}\nevent: ready\ndata: ${JSON.stringify({
          resumed: missed !== null,
          exact: this.events.exact,
        })}\n\n`,
    );
    for (const event of missed ?? []) subscriber.send(event);
  }
}

function frame(id: string, event: StreamEvent): string {
  return `id: ${id}\nevent: ${event.name}\ndata: ${JSON.stringify(event.data)}\n\n`;
}

/** The keys under which a change of the caller's own credential is announced. */
function ownKeys(principal: AuthPrincipal, authorization: string | undefined): InvalidateData {
  if (principal.sessionId) return { sessions: [principal.sessionId] };
  const secret = /^\s*\S+\s+(\S+)\s*$/.exec(authorization ?? '')?.[1];
  return secret ? { tokens: [sha256Base64(secret)] } : {};
}

function touches(data: InvalidateData, own: InvalidateData): boolean {
  return (
    (own.tokens?.some((key) => data.tokens?.includes(key)) ?? false) ||
    (own.sessions?.some((key) => data.sessions?.includes(key)) ?? false)
  );
}
