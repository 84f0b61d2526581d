import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@chronicle/platform';
import { BusinessMomentQuery } from '../query/business-moment.query';
import { ValidQuery } from '../query/valid-query.decorator';
import { tagWithRevision } from './entity-revision';
import { type CustomerAnswer, CustomerRead } from './handlers/customer.handler';
import { ApiErrors } from '../openapi/api-errors';
import { ApiAnswer } from '../openapi/api-answers';
import { CustomerAnswer as CustomerAnswerSchema } from './responses/customer.response';

@ApiTags('views')
@ApiErrors(400, 401, 403, 404, 429, 500, 503)
@Controller('views')
export class CustomersController {
  constructor(@Inject(QueryBus) private readonly queryBus: QueryBus) {}

  @Roles('analyst', 'service')
  @Get('customers/:contactId')
  @ApiAnswer(CustomerAnswerSchema)
  @ApiOperation({
    summary:
      'The customer 360, personal fields decrypted now, with the contact stream revision (also the ETag); a merged-away contact names mergedInto; ?validAt= answers for the world at that business time',
  })
  async customer(
    @Param('contactId') contactId: string,
    @ValidQuery(BusinessMomentQuery) query: BusinessMomentQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CustomerAnswer> {
    const customer = await this.queryBus.execute(new CustomerRead(contactId, query));
    tagWithRevision(reply, customer.revision);
    return customer;
  }
}
