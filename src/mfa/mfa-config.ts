import type { AppConfig } from '../common/config/app-config.js';
import type { EnvReader } from '../common/config/env-reader.js';

/**
 * Second factors. The loaded configuration object carries these fields beside the common ones
 * (`src/config.ts`); the MFA module injects it under this type.
 */
export abstract class MfaConfig {
  /** WebAuthn relying-party id: the site's host name (no scheme, no port). */
  readonly webauthnRpId: string;
  /** The origins a passkey ceremony may come from (scheme, host and port). */
  readonly webauthnOrigins: readonly string[];
  /** Shown in authenticator apps and passkey prompts. */
  readonly mfaIssuer: string;
}

const HOST_NAME =
  /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;

/** `WEBAUTHN_RP_ID`, `WEBAUTHN_ORIGIN` (default: from `PUBLIC_URL`), `MFA_ISSUER`. */
export function readMfaConfig(
  read: EnvReader,
  common: Pick<AppConfig, 'publicUrl'>,
  problems: string[],
): MfaConfig {
  const publicUrl = new URL(common.publicUrl);
  const origins = read
    .string('WEBAUTHN_ORIGIN', publicUrl.origin)
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  const rpId = read.string('WEBAUTHN_RP_ID', publicUrl.hostname).toLowerCase();
  const rpIdValid = HOST_NAME.test(rpId);
  if (!rpIdValid) {
    problems.push(
      `WEBAUTHN_RP_ID must be a host name such as example.com, without scheme or port (got "${rpId}")`,
    );
  }
  for (const origin of origins) {
    let url: URL | undefined;
    try {
      url = new URL(origin);
    } catch {
      url = undefined;
    }
    if (!url || !['http:', 'https:'].includes(url.protocol) || url.origin !== origin) {
      problems.push(
        `WEBAUTHN_ORIGIN must be origins such as https://example.com, comma-separated, with no path (got "${origin}")`,
      );
    } else if (rpIdValid && url.hostname !== rpId && !url.hostname.endsWith(`.${rpId}`)) {
      problems.push(
        `WEBAUTHN_ORIGIN ${origin} is not on WEBAUTHN_RP_ID ${rpId}: its host must be the RP id or a subdomain of it`,
      );
    }
  }
  if (origins.length === 0) problems.push('WEBAUTHN_ORIGIN must name at least one origin');
  return {
    webauthnRpId: rpId,
    webauthnOrigins: origins,
    mfaIssuer: read.string('MFA_ISSUER', 'Tessera'),
  };
}
