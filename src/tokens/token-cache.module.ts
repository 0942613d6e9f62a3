import { Module } from '@nestjs/common';
import { TokenCache } from './token-cache.js';

/**
 * The one API-token cache of a process: the per-request check reads it, and every module that
 * changes tokens (their lifecycle, imports) drops entries from it.
 */
@Module({ providers: [TokenCache], exports: [TokenCache] })
export class TokenCacheModule {}
