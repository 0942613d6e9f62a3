import { Module } from '@nestjs/common';
import { SessionsModule } from '../sessions/sessions.module.js';
import { TokensModule } from '../tokens/tokens.module.js';
import { IntrospectionController } from './introspection.controller.js';

@Module({
  imports: [TokensModule, SessionsModule],
  controllers: [IntrospectionController],
})
export class IntrospectionModule {}
