import { Controller, Get, HttpCode, HttpStatus, Inject, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ProjectorRuntime, type ProjectionsReport } from '@chronicle/projections';
import { Roles } from '@chronicle/platform';
import { PROJECTION_REBUILDS, type ProjectionRebuilds } from '@chronicle/scheduling';

@ApiTags('admin')
@Controller('admin/projections')
export class ProjectionsController {
  constructor(
    @Inject(ProjectorRuntime) private readonly runtime: ProjectorRuntime,
    // A BullMQ job when Redis is configured, else the runtime's own in-process rebuild.
    @Inject(PROJECTION_REBUILDS) private readonly rebuilds: ProjectionRebuilds,
  ) {}

  @Roles('admin')
  @Get()
  @ApiOperation({ summary: "Each projection's position, lag, state, failure and rebuild progress" })
  @ApiOkResponse({ description: '{ projections: [...], headPosition }' })
  status(): Promise<ProjectionsReport> {
    return this.runtime.status();
  }

  /** Starts a rebuild into a new generation; the current one serves until the switch. */
  @Roles('admin')
  @Post(':name/rebuild')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Rebuild a projection from position 0; progress in GET' })
  @ApiAcceptedResponse({ description: '{ jobId }' })
  rebuild(@Param('name') name: string): Promise<{ jobId: string }> {
    return this.rebuilds.request(name);
  }
}
