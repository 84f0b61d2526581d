import type { ProjectionStatus } from '../../session/api-shapes';
import { h } from '../../ui/dom';
import { formatCount } from '../../ui/format';
import { type Column, dataTable } from '../../ui/table';

const positionColumn = (
  key: string,
  label: string,
  value: (row: ProjectionStatus) => string,
): Column<ProjectionStatus> => ({
  key,
  label,
  value,
  // Positions may pass 2^53: shown grouped from their digits, never through a float.
  format: (raw) => groupDigits(String(raw)),
  numeric: true,
});

function groupDigits(digits: string): string {
  return /^\d+$/.test(digits) ? digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : digits;
}

function progress(row: ProjectionStatus): string {
  const rebuild = row.rebuild;
  if (!rebuild) return '';
  if (rebuild.finished) return `rebuilt (job ${rebuild.jobId})`;
  return `rebuilding: ${groupDigits(rebuild.done)} of ${groupDigits(rebuild.total)} (job ${rebuild.jobId})`;
}

/** Each projection's progress; admins get a rebuild button per row. */
export function projectionsTable(
  projections: readonly ProjectionStatus[],
  onRebuild: ((name: string) => void) | undefined,
): HTMLElement {
  const columns: Column<ProjectionStatus>[] = [
    { key: 'name', label: 'Projection', value: (row) => row.name },
    {
      key: 'state',
      label: 'State',
      value: (row) => row.state,
      format: (value) => String(value).replace(/_/g, ' '),
    },
    positionColumn('position', 'Position', (row) => row.position),
    positionColumn('headPosition', 'Head', (row) => row.headPosition),
    positionColumn('lag', 'Lag', (row) => row.lag),
    {
      key: 'version',
      label: 'Version / generation',
      value: (row) => `${row.version}/${row.generation}`,
    },
    { key: 'rebuild', label: 'Rebuild', value: progress },
    { key: 'error', label: 'Failure', value: (row) => row.error?.message ?? '' },
  ];
  if (onRebuild) {
    columns.push({
      key: 'action',
      label: 'Action',
      value: () => '',
      format: () => '',
      extra: (row) =>
        h(
          'button',
          {
            type: 'button',
            class: 'small',
            id: `rebuild-${row.name}`,
            disabled: row.rebuild !== undefined && !row.rebuild.finished,
            onclick: () => onRebuild(row.name),
          },
          `Rebuild ${row.name}`,
        ),
    });
  }
  return dataTable(columns, projections, {
    caption: `Projections (${formatCount(projections.length)})`,
    rowKey: (row) => row.name,
  });
}
