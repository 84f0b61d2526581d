import type { FastifyReply } from 'fastify';
import { acceptsCsv } from './accepts-csv';
import { type CsvTable, toCsv } from './csv-table';

/**
 * The view's answer as the client asked for it: the JSON object as it is, or with
 * `Accept: text/csv` its table as `text/csv; charset=utf-8` and the answer's position in the
 * `Chronicle-Position` header (a CSV row has no place for it).
 */
export function answerAs<View extends { position: string }>(
  accept: string | undefined,
  reply: FastifyReply,
  view: View,
  table: (view: View) => CsvTable,
): View | string {
  reply.header('Vary', 'Accept');
  if (!acceptsCsv(accept)) return view;
  reply.header('Content-Type', 'text/csv; charset=utf-8');
  reply.header('Chronicle-Position', view.position);
  return toCsv(table(view));
}
