import type { ProjectionsReport, ProjectionStatus } from '@chronicle/projections';
import type { FeedConnections } from '../feed/feed-connections';
import { gauge, type MetricFamily, type Sample } from './prometheus-text';

/** The event store's head and each projection's position, lag and state, as a scrape sees them. */
export function projectionFamilies(report: ProjectionsReport): MetricFamily[] {
  const perProjection = (value: (projection: ProjectionStatus) => number): Sample[] =>
    report.projections.map((projection) => ({
      labels: { projection: projection.name },
      value: value(projection),
    }));
  return [
    gauge('chronicle_event_store_head_position', 'Global position of the last stored event.', [
      { value: Number(report.headPosition) },
    ]),
    gauge(
      'chronicle_projection_position',
      'Position each projection has committed.',
      perProjection((projection) => Number(projection.position)),
    ),
    gauge(
      'chronicle_projection_lag',
      'Positions between the head and each projection.',
      perProjection((projection) => Number(projection.lag)),
    ),
    gauge(
      'chronicle_projection_failed',
      '1 when a projection stopped on an error.',
      perProjection((projection) => (projection.state === 'failed' ? 1 : 0)),
    ),
  ];
}

/** Server-Sent Event feed streams: open, stalled on a full socket, bytes not yet taken. */
export function feedFamilies(feeds: FeedConnections): MetricFamily[] {
  const { open, waitingForReader, bufferedBytes } = feeds.figures();
  return [
    gauge('chronicle_feed_streams_open', 'Server-Sent Event feed streams open.', [{ value: open }]),
    gauge(
      'chronicle_feed_streams_waiting_for_reader',
      'Feed streams whose socket is full: they read nothing more until it drains.',
      [{ value: waitingForReader }],
    ),
    gauge(
      'chronicle_feed_streams_buffered_bytes',
      'Bytes written to feed streams and not yet taken by their sockets.',
      [{ value: bufferedBytes }],
    ),
  ];
}

/** Kept beside Node's own `process_resident_memory_bytes` for the dashboards that read it. */
export function residentMemoryFamily(): MetricFamily {
  return gauge('chronicle_process_resident_memory_bytes', 'Resident memory of this process.', [
    { value: process.memoryUsage().rss },
  ]);
}
