import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './src/database/data-source-options.js';
import { ENTITIES } from './src/entities.js';

// The data source of the TypeORM CLI (`npm run migration:run`, `migration:generate`).
// `npm start` migrates by itself, the embedded database included; this is for a server of your own.
const url = process.env.DATABASE_URL;
if (!url) {
  throw new Error('Set DATABASE_URL to run the TypeORM CLI against a database');
}

export default new DataSource(dataSourceOptions(url, 10, ENTITIES));
