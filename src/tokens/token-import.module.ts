import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module.js';
import { TokenCacheModule } from './token-cache.module.js';
import { TokenImportController } from './token-import.controller.js';
import { TokenImportRepository } from './token-import.repository.js';
import { TokenImportService } from './token-import.service.js';

/**
 * Importing tokens from another system: the admin route, and the service the CLI uses too
 * (without the rest of the token lifecycle, whose background work a CLI run must not start).
 */
@Module({
  imports: [UsersModule, TokenCacheModule],
  controllers: [TokenImportController],
  providers: [TokenImportService, TokenImportRepository],
  exports: [TokenImportService],
})
export class TokenImportModule {}
