import { campaignsPage } from '../pages/campaigns-page';
import { customerPage } from '../pages/customer-page';
import { funnelPage } from '../pages/funnel-page';
import { operationsPage } from '../pages/operations-page';
import { pipelinePage } from '../pages/pipeline-page';
import { slaPage } from '../pages/sla-page';
import type { Page } from './page-context';

export interface Route {
  /** The segment after `/console/`. */
  path: string;
  label: string;
  /** The role its API routes need (admin may read everything). */
  role: 'analyst' | 'auditor' | 'admin';
  summary: string;
  page: Page;
}

/** The console's pages (docs/console/README.md lists them with the API routes each reads). */
export const ROUTES: readonly Route[] = [
  {
    path: 'funnel',
    label: 'Funnel',
    role: 'analyst',
    summary: 'Contacts by lifecycle stage, conversion between stages, median time in stage.',
    page: funnelPage,
  },
  {
    path: 'campaigns',
    label: 'Campaigns',
    role: 'analyst',
    summary: 'Reach, attributed leads and customers, revenue and return of each campaign.',
    page: campaignsPage,
  },
  {
    path: 'sla',
    label: 'Service SLA',
    role: 'analyst',
    summary: 'First response and resolution met, breached or pending, by priority and team.',
    page: slaPage,
  },
  {
    path: 'pipeline',
    label: 'Pipeline',
    role: 'analyst',
    summary: 'Open deals by stage with weighted amounts, win rate, revenue and breakdowns.',
    page: pipelinePage,
  },
  {
    path: 'customers',
    label: 'Customers',
    role: 'auditor',
    summary: "A customer's every event, its state at any point, and the proof of integrity.",
    page: customerPage,
  },
  {
    path: 'operations',
    label: 'Operations',
    role: 'admin',
    summary: 'Health, projections with their lag and rebuilds, webhooks.',
    page: operationsPage,
  },
];
