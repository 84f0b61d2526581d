import { Module } from '@nestjs/common';
import {
  ApplicationModule,
  KEY_STORE,
  type KeyStore,
  PersonalDataCipher,
  UpcastingReader,
} from '@chronicle/application';
import { FeedConnections } from './feed-connections';
import { FeedStreamController } from './feed-stream.controller';
import { FeedController } from './feed.controller';
import { FeedService } from './feed.service';

/** The change feed for internal services (docs/feed.md): pages, long-polls and SSE streams. */
@Module({
  // Every event read goes through the key store, so erased subjects read `[erased]`.
  imports: [ApplicationModule],
  controllers: [FeedController, FeedStreamController],
  providers: [
    {
      provide: UpcastingReader,
      inject: [PersonalDataCipher, KEY_STORE],
      useFactory: (cipher: PersonalDataCipher, keys: KeyStore) => new UpcastingReader(cipher, keys),
    },
    FeedService,
    FeedConnections,
  ],
  exports: [FeedConnections, FeedService],
})
export class FeedModule {}
