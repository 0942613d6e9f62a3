import { Global, Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { DataSourceOptions } from 'typeorm';
import { AppConfig } from '../common/config/app-config.js';
import { DatabaseHealth } from './database-health.js';
import { dataSourceOptions } from './data-source-options.js';
import { TablePurger } from './purge.js';
import { UnitOfWork } from './unit-of-work.js';

/** The data source, the unit of work every mutating use case runs in, and the health ping. */
@Global()
@Module({})
export class DatabaseModule {
  /** `entities`: the application's (`src/entities.ts`). */
  static forRoot(entities: NonNullable<DataSourceOptions['entities']>): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => {
            if (!config.databaseUrl)
              throw new Error('The database URL must be resolved before the app starts');
            return dataSourceOptions(config.databaseUrl, 10, entities);
          },
        }),
      ],
      providers: [UnitOfWork, DatabaseHealth, TablePurger],
      exports: [UnitOfWork, DatabaseHealth, TablePurger],
    };
  }
}
