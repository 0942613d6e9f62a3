import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { DomainError } from '../errors/domain-error.js';
import { illFormedText } from '../validation/text.js';

/**
 * Text in the query, the path and the body is well-formed Unicode without NUL, checked before
 * the validators: PostgreSQL cannot store NUL, and a lone surrogate can neither be stored nor
 * echoed back as it was sent.
 */
@Injectable()
export class WellFormedTextPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    const problem = illFormedText(value);
    if (problem) throw new DomainError('BadRequest', problem);
    return value;
  }
}
