import { Module } from '@nestjs/common';
import { ScopesController } from './scopes.controller.js';

/** API tokens. So far only the scope catalogue; the token lifecycle comes next. */
@Module({ controllers: [ScopesController] })
export class TokensModule {}
