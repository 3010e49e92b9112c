import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AdminOnly } from '../../common/http/admin-only.decorator';
import { BulkReplayDto } from './bulk-replay.dto';
import { DeadLetterNotFoundError } from './dead-letter-not-found.error';
import { DeadLetterQueryDto } from './dead-letter-query.dto';
import { DeadLetterReplayer } from './dead-letter.replayer';
import { DeadLetterStore } from './dead-letter.store';
import { BulkReplayView } from './bulk-replay.view';
import { DeadLetterPage } from './dead-letter-page.view';
import { DeadLetterView } from './dead-letter.view';

@ApiTags('dead-letters')
@AdminOnly()
@Controller('dead-letters')
export class DeadLettersController {
  constructor(
    private readonly store: DeadLetterStore,
    private readonly replayer: DeadLetterReplayer,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List parked messages, newest first' })
  @ApiOkResponse({ type: DeadLetterPage })
  @ApiBadRequestResponse({ description: 'A filter or paging value out of range' })
  async list(@Query() q: DeadLetterQueryDto): Promise<DeadLetterPage> {
    const filter = {
      queue: q.queue,
      type: q.type,
      status: q.status,
      since: q.since ? new Date(q.since) : undefined,
    };
    const page = await this.store.list(filter, q.offset, q.limit);
    return {
      items: page.items.map(DeadLetterView.of),
      total: page.total,
      offset: q.offset,
      limit: q.limit,
    };
  }

  @Get(':id')
  @ApiOkResponse({ type: DeadLetterView })
  @ApiNotFoundResponse({ description: 'No such dead letter (code DEAD_LETTERS.NOT_FOUND)' })
  async get(@Param('id') id: string): Promise<DeadLetterView> {
    const record = await this.store.get(id);
    if (!record) throw new DeadLetterNotFoundError(id);
    return DeadLetterView.of(record);
  }

  @Post('replay')
  @HttpCode(200)
  @ApiOperation({ summary: 'Replay parked messages matching a filter, throttled' })
  @ApiOkResponse({ type: BulkReplayView })
  @ApiBadRequestResponse({ description: 'limit or ratePerSecond missing or out of range' })
  replayMany(@Body() body: BulkReplayDto): Promise<BulkReplayView> {
    return this.replayer.replayMany(
      { queue: body.queue, type: body.type },
      body.limit,
      body.ratePerSecond,
    );
  }

  @Post(':id/replay')
  @HttpCode(200)
  @ApiOperation({ summary: 'Put one message back into the queue it failed in' })
  @ApiOkResponse({ type: DeadLetterView })
  @ApiNotFoundResponse({ description: 'No such dead letter (code DEAD_LETTERS.NOT_FOUND)' })
  @ApiConflictResponse({ description: 'Already replayed (code DEAD_LETTERS.NOT_PARKED)' })
  async replay(@Param('id') id: string): Promise<DeadLetterView> {
    return DeadLetterView.of(await this.replayer.replay(id));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiNotFoundResponse({ description: 'No such dead letter (code DEAD_LETTERS.NOT_FOUND)' })
  async remove(@Param('id') id: string): Promise<void> {
    if (!(await this.store.delete(id))) throw new DeadLetterNotFoundError(id);
  }
}
