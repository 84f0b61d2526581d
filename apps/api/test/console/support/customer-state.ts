import type { Page } from 'puppeteer-core';
import { KEYS, type ConsoleServer } from './console-server';
import { shownFacts } from './page-reading';

export interface CustomerStateAnswer {
  position: string;
  lastName: string | null;
  company: string | null;
  lifecycleStage: string;
  deals: { open: number; won: number; lost: number };
  openTickets: number;
}

/** A Maven account with won deals: its state before and after them differs. */
export async function customerWithWonDeals(server: ConsoleServer): Promise<string> {
  for (const contactId of server.contactIds.filter((id) => id.startsWith('maven-account-'))) {
    const state = await server.api<CustomerStateAnswer>(
      `/audit/customers/${contactId}/state`,
      KEYS.auditor,
    );
    if (state.deals.won > 0) return contactId;
  }
  throw new Error('no imported Maven account has a won deal');
}

/** The state panel shows the API's customer as it stood at the answer's position. */
export async function expectStateShown(page: Page, state: unknown): Promise<void> {
  const customer = state as CustomerStateAnswer;
  expect(
    await page.$eval('section.state', (panel: { getAttribute(n: string): string | null }) =>
      panel.getAttribute('data-position'),
    ),
  ).toBe(customer.position);
  const facts = await shownFacts(page);
  expect(facts.lastName?.text).toBe(customer.lastName ?? '—');
  expect(facts.company?.text).toBe(customer.company ?? '—');
  expect(facts.lifecycleStage?.text).toBe(customer.lifecycleStage);
  expect(facts['deals.open']?.value).toBe(String(customer.deals.open));
  expect(facts['deals.won']?.value).toBe(String(customer.deals.won));
  expect(facts['deals.lost']?.value).toBe(String(customer.deals.lost));
  expect(facts.openTickets?.value).toBe(String(customer.openTickets));
}
