import { Controller, Get, HttpCode, HttpStatus, Inject, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ProjectorRuntime, type ProjectionsReport } from '@chronicle/projections';
import { Roles } from '@chronicle/platform';
import { PROJECTION_REBUILDS, type ProjectionRebuilds } from '@chronicle/scheduling';
import { ApiErrors } from '../openapi/api-errors';
import { ApiAnswer } from '../openapi/api-answers';
import { JobAnswer, ProjectionsAnswer } from './admin.response';

@ApiTags('admin')
@ApiErrors(400, 401, 403, 500, 503)
@Controller('admin/projections')
export class ProjectionsController {
  constructor(
    @Inject(ProjectorRuntime) private readonly runtime: ProjectorRuntime,
    // A BullMQ job when Redis is configured, else the runtime's own in-process rebuild.
    @Inject(PROJECTION_REBUILDS) private readonly rebuilds: ProjectionRebuilds,
  ) {}

  @Roles('admin')
  @Get()
  @ApiAnswer(ProjectionsAnswer)
  @ApiOperation({ summary: "Each projection's position, lag, state, failure and rebuild progress" })
  status(): Promise<ProjectionsReport> {
    return this.runtime.status();
  }

  /** Starts a rebuild into a new generation; the current one serves until the switch. */
  @Roles('admin')
  @Post(':name/rebuild')
  @ApiErrors(404)
  @ApiAnswer(JobAnswer, {
    status: 202,
    description: 'The rebuild was started; GET /admin/projections shows its progress',
  })
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Rebuild a projection from position 0; progress in GET' })
  rebuild(@Param('name') name: string): Promise<{ jobId: string }> {
    return this.rebuilds.request(name);
  }
}
