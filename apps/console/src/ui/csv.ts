export type CsvValue = string | number | boolean | null | undefined;

/**
 * RFC 4180 text (CRLF lines, quotes doubled). A text cell that a spreadsheet would run as a
 * formula (starting with =, +, -, @, tab or CR) is prefixed with `'`: ids and names come from
 * outside. Numbers are written as they are, negative ones included.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Saves `text` as a file through a temporary object URL (no request leaves the page). */
export function downloadCsv(filename: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Released after the click has handed the blob to the download.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
