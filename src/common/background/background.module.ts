import { Module } from '@nestjs/common';
import { BackgroundTasks } from './background-tasks.js';

/** One tracker of after-the-answer work for the whole application, drained at shutdown. */
@Module({ providers: [BackgroundTasks], exports: [BackgroundTasks] })
export class BackgroundModule {}
