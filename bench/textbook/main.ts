/**
 * The textbook way to guard a NestJS route with API tokens, for comparison in `npm run bench`:
 * `@nestjs/passport` + `passport-http-bearer` behind `AuthGuard('bearer')`, a TypeORM repository
 * looking the token up by its SHA-256 and writing `last_used_at` on every request, as tutorials
 * and most hand-rolled token tables do. Its own table (`textbook_tokens`, made by TypeORM's
 * `synchronize`), the same Fastify adapter and PostgreSQL as Tessera, nothing tuned.
 *
 * Environment: DATABASE_URL, PORT (the bench starts it; it is not part of the service).
 */
import 'reflect-metadata';
import {
  Controller,
  Get,
  Injectable,
  Module,
  Req,
  UnauthorizedException,
  UseGuards,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AuthGuard, PassportModule, PassportStrategy } from '@nestjs/passport';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { InjectRepository, TypeOrmModule } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { Strategy } from 'passport-http-bearer';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  type Repository,
} from 'typeorm';

@Entity('textbook_tokens')
export class TextbookToken {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Index({ unique: true })
  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash: string;

  @Column({ type: 'text', array: true })
  scopes: string[];

  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

@Injectable()
class BearerStrategy extends PassportStrategy(Strategy) {
  constructor(@InjectRepository(TextbookToken) private readonly tokens: Repository<TextbookToken>) {
    super();
  }

  async validate(token: string): Promise<TextbookToken> {
    const tokenHash = createHash('sha256').update(token).digest('hex');
    const found = await this.tokens.findOne({ where: { tokenHash } });
    if (!found) throw new UnauthorizedException();
    found.lastUsedAt = new Date();
    await this.tokens.update(found.id, { lastUsedAt: found.lastUsedAt });
    return found;
  }
}

@Controller('tokens')
class TokensController {
  @Get('current')
  @UseGuards(AuthGuard('bearer'))
  current(@Req() request: { user: TextbookToken }) {
    const { id, name, scopes, lastUsedAt, createdAt } = request.user;
    return { id, name, scopes, lastUsedAt, createdAt };
  }
}

@Module({
  imports: [
    PassportModule,
    TypeOrmModule.forRoot({
      type: 'postgres',
      url: process.env.DATABASE_URL,
      entities: [TextbookToken],
      synchronize: true,
    }),
    TypeOrmModule.forFeature([TextbookToken]),
  ],
  controllers: [TokensController],
  providers: [BearerStrategy],
})
class TextbookModule {}

const app = await NestFactory.create<NestFastifyApplication>(TextbookModule, new FastifyAdapter(), {
  logger: ['error', 'warn'],
});
await app.listen({ port: Number(process.env.PORT ?? 4399), host: '127.0.0.1' });
