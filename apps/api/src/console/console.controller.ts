import { Controller, Get, Headers, Param, Res, StreamableFile } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@chronicle/platform';
import { CONSOLE_HEADERS } from './console-headers';
import { type ConsoleFile, ConsoleFiles, consoleFolder } from './console-files';

/** What both Express's response and Fastify's reply offer; nothing adapter-specific is used. */
interface Reply {
  header(name: string, value: string): unknown;
  status(code: number): unknown;
}

/**
 * The console's static files (docs/console/README.md), public because they hold no data: every page
 * route answers the same `index.html`, whose script reads the path and asks the API with the
 * user's key. Plain Nest routes and `StreamableFile`, so the HTTP adapter can change under them.
 */
@Public()
@ApiExcludeController()
@Controller('console')
export class ConsoleController {
  private readonly files = new ConsoleFiles(consoleFolder());

  @Get([
    '',
    'funnel',
    'campaigns',
    'sla',
    'pipeline',
    'customers',
    'customers/:contactId',
    'operations',
  ])
  page(
    @Headers('accept-encoding') acceptEncoding: string | undefined,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) reply: Reply,
  ): StreamableFile | undefined {
    return send(this.files.page(acceptEncoding), ifNoneMatch, reply);
  }

  @Get('assets/:name')
  asset(
    @Param('name') name: string,
    @Headers('accept-encoding') acceptEncoding: string | undefined,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) reply: Reply,
  ): StreamableFile | undefined {
    return send(this.files.asset(name, acceptEncoding), ifNoneMatch, reply);
  }
}

function send(file: ConsoleFile, ifNoneMatch: string | undefined, reply: Reply) {
  for (const [name, value] of CONSOLE_HEADERS) reply.header(name, value);
  reply.header('ETag', file.etag);
  if (ifNoneMatch !== undefined && ifNoneMatch.split(/\s*,\s*/).includes(file.etag)) {
    reply.status(304);
    return undefined;
  }
  if (file.encoding) reply.header('Content-Encoding', file.encoding);
  return new StreamableFile(file.open(), { type: file.type, length: file.length });
}
