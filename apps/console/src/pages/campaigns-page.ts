import type { PageContext } from '../shell/page-context';
import type { CampaignListView, CampaignView, ChannelBreakdown } from '../session/api-shapes';
import { PALETTE } from '../ui/charts';
import { type Child, h } from '../ui/dom';
import { figureList } from '../ui/figures';
import { formatAmount, formatCount, formatRatio } from '../ui/format';
import { type Column, dataTable, numberColumn, tableCsv } from '../ui/table';
import { viewPage } from './view-page';

const API_PATH = '/views/campaigns';

const COLUMNS: Column<CampaignView>[] = [
  { key: 'campaignId', label: 'Campaign', value: (row) => row.campaignId },
  { key: 'name', label: 'Name', value: (row) => row.name },
  { key: 'channel', label: 'Channel', value: (row) => row.channel },
  { key: 'status', label: 'Status', value: (row) => row.status },
  numberColumn('budget', 'Budget', (row) => row.budget, formatAmount),
  numberColumn('reached', 'Reached', (row) => row.reached, formatCount),
  numberColumn('leads', 'Leads', (row) => row.leads, formatAmount),
  numberColumn('mqls', 'MQLs', (row) => row.mqls, formatAmount),
  numberColumn('sqls', 'SQLs', (row) => row.sqls, formatAmount),
  numberColumn('opportunities', 'Opportunities', (row) => row.opportunities, formatAmount),
  numberColumn('customers', 'Customers', (row) => row.customers, formatAmount),
  numberColumn('dealsWon', 'Deals won', (row) => row.dealsWon, formatAmount),
  numberColumn('revenue', 'Revenue', (row) => row.revenue, formatAmount),
  numberColumn('conversionRate', 'Conversion', (row) => row.conversionRate, formatRatio),
  numberColumn(
    'costPerAcquisition',
    'Cost per customer',
    (r) => r.costPerAcquisition,
    formatAmount,
  ),
  numberColumn('roi', 'ROI', (row) => row.roi, formatRatio),
];

type Channel = ChannelBreakdown['channels'][number];

const CHANNEL_COLUMNS: Column<Channel>[] = [
  { key: 'channel', label: 'Channel', value: (row) => row.channel },
  numberColumn('campaigns', 'Campaigns', (row) => row.campaigns, formatCount),
  numberColumn('budget', 'Budget', (row) => row.budget, formatAmount),
  numberColumn('reached', 'Reached', (row) => row.reached, formatCount),
  numberColumn('customers', 'Customers', (row) => row.customers, formatAmount),
  numberColumn('revenue', 'Revenue', (row) => row.revenue, formatAmount),
  numberColumn('conversionRate', 'Conversion', (row) => row.conversionRate, formatRatio),
  numberColumn('roi', 'ROI', (row) => row.roi, formatRatio),
];

interface CampaignsData extends CampaignListView {
  model: string;
  /** Present when the API breaks campaigns down by channel. */
  channels?: ChannelBreakdown['channels'];
}

/** `/console/campaigns`: every campaign's reach, attributed stages and returns. */
export function campaignsPage(context: PageContext): Promise<void> {
  const byChannel = context.capabilities.choices(API_PATH, 'groupBy').includes('channel');
  return viewPage<CampaignsData>(context, {
    title: 'Campaigns',
    intro:
      'Campaigns launched in the window. Leads to customers are the contacts attributed to each ' +
      'campaign under the attribution model; revenue comes from their won deals.',
    apiPath: API_PATH,
    fields: [
      { name: 'from', label: 'Starting from', kind: 'date' },
      { name: 'to', label: 'Starting before', kind: 'date' },
      { name: 'model', label: 'Attribution model', kind: 'choice' },
    ],
    load: async ({ api }, query) => {
      const [list, channels] = await Promise.all([
        api.get<CampaignListView>(API_PATH, query),
        byChannel ? api.get<ChannelBreakdown>(API_PATH, { ...query, groupBy: 'channel' }) : null,
      ]);
      const model = query.model ?? list.campaigns[0]?.model ?? 'first_touch';
      return { ...list, model, channels: channels?.channels };
    },
    render: (data, board) => {
      const campaigns = data.campaigns;
      const sections: Child[] = [
        figureList('Campaigns', [
          {
            key: 'campaigns',
            label: 'Campaigns',
            value: campaigns.length,
            text: formatCount(campaigns.length),
          },
          { key: 'model', label: 'Attribution', value: data.model, text: modelLabel(data.model) },
        ]),
      ];
      if (campaigns.length > 0) {
        const labels = campaigns.map((campaign) => campaign.name || campaign.campaignId);
        sections.push(
          h(
            'div',
            { class: 'chart-row' },
            board.figure('Reach and attributed customers', {
              description: campaigns
                .map((c) => `${c.campaignId}: ${c.reached} reached, ${c.customers} customers`)
                .join('; '),
              labels,
              series: [
                { label: 'Reached', values: campaigns.map((c) => c.reached), color: PALETTE.blue },
                { label: 'Leads', values: campaigns.map((c) => c.leads), color: PALETTE.teal },
                {
                  label: 'Customers',
                  values: campaigns.map((c) => c.customers),
                  color: PALETTE.orange,
                },
              ],
            }),
            board.figure('Budget and revenue', {
              description: campaigns
                .map((c) => `${c.campaignId}: budget ${c.budget ?? 0}, revenue ${c.revenue}`)
                .join('; '),
              labels,
              series: [
                { label: 'Budget', values: campaigns.map((c) => c.budget), color: PALETTE.grey },
                { label: 'Revenue', values: campaigns.map((c) => c.revenue), color: PALETTE.green },
              ],
            }),
          ),
        );
      }
      sections.push(
        h('h2', {}, 'All campaigns'),
        dataTable(COLUMNS, campaigns, {
          caption: `Campaigns, ${modelLabel(data.model)} attribution`,
          rowKey: (row) => row.campaignId,
          empty: 'No campaign started in this window.',
        }),
      );
      if (data.channels) {
        sections.push(
          h('h2', {}, 'By channel'),
          dataTable(CHANNEL_COLUMNS, data.channels, {
            caption: 'Campaigns by channel',
            rowKey: (row) => row.channel ?? '',
            empty: 'No channel in this window.',
          }),
        );
      }
      return sections;
    },
    downloads: (data) => [
      { label: 'campaigns', filename: 'campaigns.csv', text: tableCsv(COLUMNS, data.campaigns) },
      ...(data.channels
        ? [
            {
              label: 'channels',
              filename: 'campaigns-by-channel.csv',
              text: tableCsv(CHANNEL_COLUMNS, data.channels),
            },
          ]
        : []),
    ],
  });
}

function modelLabel(model: string): string {
  return model.replace(/_/g, ' ');
}
