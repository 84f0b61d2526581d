import type {
  CampaignChannelsView,
  CampaignListView,
  CampaignView,
  DataQualityView,
  ForecastView,
  LifecycleFunnelView,
  PipelineView,
  ServiceSlaView,
} from '@chronicle/projections';
import type { CsvTable } from './csv-table';

// How each aggregate view's JSON answer reads as CSV rows (docs/api.md, "CSV answers"). Every
// figure of the JSON is in some row; `position` travels as the Chronicle-Position header.

export function funnelTable({ stages, total, other }: LifecycleFunnelView): CsvTable {
  return {
    sections: [
      { section: 'stage', rows: stages },
      { section: 'cohort', rows: [{ total, other }] },
    ],
  };
}

export function campaignListTable(view: CampaignListView | CampaignChannelsView): CsvTable {
  if ('channels' in view) return { sections: [{ section: 'channel', rows: view.channels }] };
  return { sections: [{ section: 'campaign', rows: view.campaigns }] };
}

export function campaignTable({ position: _position, ...campaign }: CampaignView): CsvTable {
  return { sections: [{ section: 'campaign', rows: [campaign] }] };
}

export function serviceSlaTable(view: ServiceSlaView): CsvTable {
  const { byPriority, byTeam, position: _position, ...all } = view;
  return {
    keyColumns: ['priority', 'teamId'],
    sections: [
      { section: 'all', rows: [all] },
      { section: 'priority', rows: byPriority },
      { section: 'team', rows: byTeam },
    ],
  };
}

export function pipelineTable(view: PipelineView): CsvTable {
  const { stages, groups, position: _position, ...closed } = view;
  return {
    keyColumns: ['stage', 'key'],
    sections: [
      { section: 'stage', rows: stages },
      { section: 'closed', rows: [closed] },
      ...(groups === undefined ? [] : [{ section: 'group', rows: groups }]),
    ],
  };
}

export function forecastTable({ months, noCloseDate, currencies }: ForecastView): CsvTable {
  return {
    keyColumns: ['month'],
    sections: [
      { section: 'month', rows: months },
      { section: 'noCloseDate', rows: [{ open: noCloseDate, currencies }] },
    ],
  };
}

export function dataQualityTable({ position: _position, ...figures }: DataQualityView): CsvTable {
  return { sections: [{ section: 'contacts', rows: [figures] }] };
}
