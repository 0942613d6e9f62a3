import { TesseraClient, TesseraError } from '@tessera/client';

/** One client for the whole process: it keeps its connections to Tessera alive. */
export function tesseraClient(env: Record<string, string | undefined> = process.env) {
  return new TesseraClient({
    baseUrl: env.TESSERA_URL ?? 'http://localhost:3000',
    token: env.TESSERA_TOKEN ?? '', // an API token holding tokens:verify
    timeoutMs: 2000,
    cacheSeconds: Number(env.TESSERA_CACHE_SECONDS ?? 0),
  });
}

/** May this credential read projects? Without an answer from Tessera: no. */
export async function mayReadProjects(
  client: TesseraClient,
  credential: string,
  clientIp: string,
): Promise<boolean> {
  try {
    const answer = await client.verify(credential, { scopes: ['projects:read'], clientIp });
    if (!answer.valid) console.info(`refused: ${answer.code}`); // REVOKED, RATE_LIMITED, …
    return answer.valid;
  } catch (error) {
    if (error instanceof TesseraError) return false;
    throw error;
  }
}
