import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { DomainError } from '../errors/domain-error.js';
import { illFormedText } from '../validation/text.js';

/**
 * Text in the query, the path and the body is well-formed Unicode without NUL, checked before
 * the validators and the handler (guards read headers only): PostgreSQL cannot store NUL, and
 * a lone surrogate can neither be stored nor echoed back as it was sent.
 */
@Injectable()
export class WellFormedTextPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    // A body, when there is one, is an object: `null`, arrays and bare values are no DTO.
    const notObject = value === null || typeof value !== 'object' || Array.isArray(value);
    if (
      metadata.type === 'body' &&
      metadata.data === undefined &&
      value !== undefined &&
      notObject
    ) {
      throw new DomainError('BadRequest', 'Request body must be a JSON object');
    }
    const problem = illFormedText(value);
    if (problem) throw new DomainError('BadRequest', problem);
    return value;
  }
}
