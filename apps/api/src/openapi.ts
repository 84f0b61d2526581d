import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** Serves the OpenAPI document at `/docs` (UI) and `/docs-json`. */
export function setUpOpenApi(app: INestApplication): void {
  const document = new DocumentBuilder()
    .setTitle('Chronicle')
    .setDescription('Event-sourced customer relationship data: commands, views, audit.')
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'An API key' })
    .addSecurityRequirements('bearer')
    .build();
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, document));
}
