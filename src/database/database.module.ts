import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../common/config/app-config.js';
import { dataSourceOptions } from './data-source-options.js';

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => {
        if (!config.databaseUrl)
          throw new Error('The database URL must be resolved before the app starts');
        return dataSourceOptions(config.databaseUrl);
      },
    }),
  ],
})
export class DatabaseModule {}
