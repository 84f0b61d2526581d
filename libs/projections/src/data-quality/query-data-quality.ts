import type { ReadStore } from '@chronicle/read-store';
import { ALL_SLICE, type DaySummaryDocument, dayOf } from '../shared/day-summaries';
import {
  type QualityContact,
  qualityAlgebra,
  qualityContribution,
  type QualitySummary,
} from './quality-contact';
import { DUPLICATES_TOTAL_ID, type DuplicatesTotal } from './quality-ledger';

/** The answer of `GET /views/data-quality`. */
export interface DataQualityView {
  /** Contacts neither erased nor merged away. */
  contacts: number;
  /** Among those contacts: no first or last name, no e-mail, no phone, no owner. */
  missing: { name: number; email: number; phone: number; owner: number };
  /** Suspected pairs no merge of the two settled, and the live contacts in them. */
  duplicatesSuspected: { open: number; contacts: number };
  /** Live contacts with no event on any of their streams within `staleDays` before the time asked. */
  stale: number;
  erased: number;
  merged: number;
  position: string;
}

/** Physical names of the collections the view reads, and the projection's position. */
export interface DataQualityReadModel {
  readStore: ReadStore;
  contacts: string;
  days: string;
  totals: string;
  position: string;
}

const DAY_MS = 86_400_000;

/**
 * `GET /views/data-quality` at `at` (UTC ISO; the views' clock): the totals
 * from every day summary; `stale` from the summaries of the days before the cut-off day and the
 * contacts whose latest activity falls on that day before the cut-off.
 */
export async function queryDataQuality(
  model: DataQualityReadModel,
  staleDays: number,
  at: string,
): Promise<DataQualityView> {
  const cutoff = new Date(Date.parse(at) - staleDays * DAY_MS).toISOString();
  const cutoffDay = dayOf(cutoff);
  const summary = qualityAlgebra.empty();
  let stale = 0;
  for (const document of await model.readStore.find(model.days, { slice: ALL_SLICE })) {
    const day = document as DaySummaryDocument<QualitySummary>;
    qualityAlgebra.add(summary, day.summary, 1);
    if (day.day < cutoffDay) stale += day.summary.live;
  }
  const lastActivityAt = { $gte: `${cutoffDay}T00:00:00.000Z`, $lt: cutoff };
  for (const document of await model.readStore.find(model.contacts, { lastActivityAt })) {
    const contact = document as QualityContact;
    if (contact.registered) stale += qualityContribution(contact).live;
  }
  const total = await model.readStore.get(model.totals, DUPLICATES_TOTAL_ID);
  const openPairs = (total as DuplicatesTotal | undefined)?.openPairs ?? 0;
  return qualityView(summary, openPairs, stale, model.position);
}

/** The same answer from every contact: the reference the summaries must agree with. */
export async function queryDataQualityByContacts(
  model: DataQualityReadModel,
  staleDays: number,
  at: string,
): Promise<DataQualityView> {
  const contacts = (await model.readStore.find(model.contacts, {})) as QualityContact[];
  const total = await model.readStore.get(model.totals, DUPLICATES_TOTAL_ID);
  const openPairs = (total as DuplicatesTotal | undefined)?.openPairs ?? 0;
  return dataQualityOfContacts(contacts, openPairs, staleDays, at, model.position);
}

/** The answer from every contact document and the count of open pairs, judged at `at`. */
export function dataQualityOfContacts(
  contacts: Iterable<QualityContact>,
  openPairs: number,
  staleDays: number,
  at: string,
  position: string,
): DataQualityView {
  const cutoff = new Date(Date.parse(at) - staleDays * DAY_MS).toISOString();
  const summary = qualityAlgebra.empty();
  let stale = 0;
  for (const contact of contacts) {
    if (!contact.registered) continue;
    const contribution = qualityContribution(contact);
    qualityAlgebra.add(summary, contribution, 1);
    if (contact.lastActivityAt !== null && contact.lastActivityAt < cutoff) {
      stale += contribution.live;
    }
  }
  return qualityView(summary, openPairs, stale, position);
}

function qualityView(
  summary: QualitySummary,
  openPairs: number,
  stale: number,
  position: string,
): DataQualityView {
  return {
    contacts: summary.live,
    missing: {
      name: summary.missingName,
      email: summary.missingEmail,
      phone: summary.missingPhone,
      owner: summary.missingOwner,
    },
    duplicatesSuspected: { open: openPairs, contacts: summary.inOpenPairs },
    stale,
    erased: summary.erased,
    merged: summary.merged,
    position,
  };
}
