/** The log's four priorities and Chronicle's, most urgent first. */
export const PRIORITY_BY_SOURCE: Readonly<Record<string, string>> = {
  '1 - Critical': 'urgent',
  '2 - High': 'high',
  '3 - Moderate': 'normal',
  '4 - Low': 'low',
};

/** Chronicle's priority for a source priority; unknown values read as `normal`, the commonest. */
export function chroniclePriority(sourcePriority: string | undefined): string {
  return PRIORITY_BY_SOURCE[sourcePriority ?? ''] ?? 'normal';
}

/**
 * The policies the import defines, backdated before the first incident: the default policies
 * (docs/views-service-sales.md).
 * The log's own `made_sla` cannot be reproduced by any fixed target (see docs/datasets.md), so the
 * import states Chronicle's defaults explicitly instead of depending on whatever is configured.
 */
export const INCIDENT_SLA_POLICIES = [
  { priority: 'urgent', firstResponseSeconds: 3_600, resolutionSeconds: 4 * 3_600 },
  { priority: 'high', firstResponseSeconds: 4 * 3_600, resolutionSeconds: 24 * 3_600 },
  { priority: 'normal', firstResponseSeconds: 8 * 3_600, resolutionSeconds: 72 * 3_600 },
  { priority: 'low', firstResponseSeconds: 24 * 3_600, resolutionSeconds: 120 * 3_600 },
] as const;

/** When the policies take effect: before the log's first incident (2016-02-29). */
export const INCIDENT_SLA_EFFECTIVE_AT = '2016-01-01T00:00:00Z';
