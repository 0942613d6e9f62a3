import {
  Injectable,
  UnsupportedMediaTypeException,
  UseGuards,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';

/**
 * Routes documented as taking JSON only: any other body type is 415, rather than a form the
 * strict parsers would otherwise read (where one value and a list of one cannot be told apart).
 */
@Injectable()
export class JsonBodyGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const { headers } = context
      .switchToHttp()
      .getRequest<{ headers: Record<string, string | undefined> }>();
    const type = headers['content-type'];
    // Nearly every request: exactly what JSON clients send.
    if (type === undefined || type === 'application/json') return true;
    const essence = type.split(';', 1)[0].trim().toLowerCase();
    if (essence !== 'application/json') {
      throw new UnsupportedMediaTypeException('This route takes application/json bodies only');
    }
    return true;
  }
}

/** The route takes JSON bodies only (see {@link JsonBodyGuard}). */
export const JsonBodyOnly = () => UseGuards(JsonBodyGuard);
