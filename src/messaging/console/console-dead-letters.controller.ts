import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  NotFoundException,
  Param,
  Post,
  Query,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { DeadLetterNotFoundError } from '../dead-letters/dead-letter-not-found.error';
import { DeadLetterReplayer } from '../dead-letters/dead-letter.replayer';
import { DeadLetterStore } from '../dead-letters/dead-letter.store';
import { ConsoleDeadLetterFilter, ConsoleDeadLetterSearch } from './console-dead-letter.search';
import { ConsoleLoginFilter } from './console-login.filter';
import { ConsoleReplayDto } from './console-replay.dto';
import { ConsoleReplayJobs } from './console-replay.jobs';
import { ConsoleSessionGuard } from './console-session.guard';
import { deadLetterPage } from './dead-letter.page';
import { deadLettersPage } from './dead-letters.page';
import { replayJobPage } from './replay-job.page';

type Next = { location: string };
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

@ApiExcludeController()
@UseGuards(ConsoleSessionGuard)
@UseFilters(ConsoleLoginFilter)
@Controller('console')
export class ConsoleDeadLettersController {
  constructor(
    private readonly store: DeadLetterStore,
    private readonly search: ConsoleDeadLetterSearch,
    private readonly replayer: DeadLetterReplayer,
    private readonly jobs: ConsoleReplayJobs,
  ) {}

  @Get('dead-letters')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  async list(@Query() q: Record<string, unknown>): Promise<string> {
    const status = str(q.status);
    const f: ConsoleDeadLetterFilter = {
      queue: str(q.queue),
      type: str(q.type),
      reason: str(q.reason),
      status: status === 'PARKED' || status === 'REPLAYED' ? status : undefined,
    };
    const { items, total } = await this.search.find(f);
    return deadLettersPage(f, items.slice(0, 200), total);
  }

  @Get('dead-letters/:id')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  async one(@Param('id') id: string): Promise<string> {
    const record = await this.store.get(id);
    if (!record) throw new DeadLetterNotFoundError(id);
    return deadLetterPage(record);
  }

  @Post('dead-letters/replay')
  @HttpCode(200)
  async replayMany(@Body() body: ConsoleReplayDto): Promise<Next> {
    const ids =
      body.scope === 'all'
        ? (await this.search.find({ ...body, status: 'PARKED' })).items.map((r) => r.id)
        : (body.ids ?? []);
    return { location: `/console/replays/${this.jobs.start(ids).id}` };
  }

  @Post('dead-letters/:id/replay')
  @HttpCode(200)
  async replay(@Param('id') id: string): Promise<Next> {
    await this.replayer.replay(id);
    return { location: `/console/dead-letters/${encodeURIComponent(id)}` };
  }

  @Post('dead-letters/:id/delete')
  @HttpCode(200)
  async remove(@Param('id') id: string): Promise<Next> {
    if (!(await this.store.delete(id))) throw new DeadLetterNotFoundError(id);
    return { location: '/console/dead-letters' };
  }

  @Get('replays/:id')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  progress(@Param('id') id: string): string {
    const job = this.jobs.get(id);
    if (!job) throw new NotFoundException('No such replay in this process');
    return replayJobPage(job);
  }
}
