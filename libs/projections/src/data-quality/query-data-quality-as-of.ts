import { ChronicleError } from '@chronicle/platform';
import { compareBusinessTime, type Fact, factAsEvent, factsAsOf } from '../shared/business-time';
import { applyToQuality } from './apply-quality';
import { InMemoryWork } from './in-memory-work';
import type { QualityContact } from './quality-contact';
import { presenceOfFact } from './quality-facts';
import {
  DUPLICATES_TOTAL_ID,
  type DuplicatesTotal,
  QUALITY_CONTACTS,
  QUALITY_TOTALS,
} from './quality-ledger';
import {
  type DataQualityReadModel,
  dataQualityOfContacts,
  type DataQualityView,
} from './query-data-quality';

/**
 * `GET /views/data-quality?validAt=`: the view as it stood at that business moment. Every
 * contact's facts that had happened by `validAt` are folded again, all contacts together in
 * business-time order (ties by position), with the live projection's own applyToQuality, so
 * registrations, presence, suspicions, merges, erasures and activity count exactly as a
 * projection fed only those events would count them; staleness is then judged at `validAt`.
 * Merges and suspicions tie contacts together, which is why the fold is over all of them at once
 * rather than one contact at a time. It reads every contact document: a cost that grows with
 * the whole history, unlike the live answer's day summaries.
 */
export async function queryDataQualityAsOf(
  model: DataQualityReadModel,
  staleDays: number,
  validAt: string,
): Promise<DataQualityView> {
  const documents = (await model.readStore.find(model.contacts, {})) as QualityContact[];
  // Every event naming a contact leaves a fact on it, registration first; a registered contact
  // without facts was written by an older version, still serving while the new one is built.
  if (documents.some((contact) => contact.registered && contact.facts === undefined)) {
    throw new ChronicleError(
      'UNAVAILABLE',
      'The data-quality read model is being rebuilt to answer validAt; retry once it serves',
    );
  }
  const facts = documents.flatMap((contact) => factsAsOf(contact.facts ?? [], validAt));
  facts.sort(compareBusinessTime);
  const work = await foldQuality(facts);
  const contacts = work.all(QUALITY_CONTACTS) as QualityContact[];
  const total = await work.get(QUALITY_TOTALS, DUPLICATES_TOTAL_ID);
  const openPairs = (total as DuplicatesTotal | undefined)?.openPairs ?? 0;
  return dataQualityOfContacts(contacts, openPairs, staleDays, validAt, model.position);
}

async function foldQuality(facts: readonly Fact[]): Promise<InMemoryWork> {
  const work = new InMemoryWork();
  for (const fact of facts) {
    await applyToQuality(factAsEvent(fact), work, presenceOfFact(fact.data));
  }
  return work;
}
