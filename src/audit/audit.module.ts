import { Global, Module } from '@nestjs/common';
import { AuditService } from './audit.service.js';

/** The audit log, written by every module that changes a credential. */
@Global()
@Module({ providers: [AuditService], exports: [AuditService] })
export class AuditModule {}
