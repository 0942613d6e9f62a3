import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AddressInfo } from 'node:net';
import type { TesseraClient } from '@tessera/client';
import { projectsApi as expressApi } from '../../packages/client/examples/express-app.js';
import { projectsApi as fastifyApi } from '../../packages/client/examples/fastify-app.js';
import { projectsModule } from '../../packages/client/examples/nest-app.js';

/** One of the example apps of packages/client/examples, listening on loopback. */
export interface RunningApp {
  name: string;
  baseUrl: string;
  close(): Promise<void>;
}

export async function startExpress(client: TesseraClient): Promise<RunningApp> {
  const server = expressApi(client).listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    name: 'Express',
    baseUrl: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export async function startFastify(client: TesseraClient): Promise<RunningApp> {
  const app = await fastifyApi(client);
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return { name: 'Fastify', baseUrl: address, close: () => app.close() };
}

export async function startNest(client: TesseraClient): Promise<RunningApp> {
  const app = await NestFactory.create<NestFastifyApplication>(
    projectsModule(client),
    new FastifyAdapter(),
    { logger: false },
  );
  await app.listen(0, '127.0.0.1');
  const baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return { name: 'NestJS', baseUrl, close: () => app.close() };
}

export const startExampleApps = (client: TesseraClient) =>
  Promise.all([startExpress(client), startFastify(client), startNest(client)]);
