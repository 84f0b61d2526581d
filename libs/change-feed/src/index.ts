export { type EventDataReader, type FeedEvent, toFeedEvent } from './feed-event';
export { type FeedFilter, matchesFeedFilter, toStoreFilter } from './feed-filter';
export { PositionBeyondHeadError } from './feed-errors';
export { assertWithinHead, type FeedPage, type FeedPageRequest, readFeedPage } from './feed-page';
