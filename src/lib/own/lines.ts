/**
 * The line of the file each CSV record starts on, so a rejection names the line a spreadsheet
 * shows. DuckDB's reader numbers nothing and skips empty lines; this scan follows the dialect its
 * sniffer found (quote, escape, rows skipped, header) and skips what it skips, and the caller checks
 * that both counted the same records before trusting the numbers.
 */

export interface CsvDialectFound {
  /** '' when the file quotes nothing. */
  quote: string;
  /** '' when none; the quote itself when a doubled quote stands for one. */
  escape: string;
  skipRows: number;
  header: boolean;
}

/** sniff_csv writes an empty setting as '(empty)'. */
export function sniffedText(value: string | null | undefined): string {
  return value === null || value === undefined || value === '(empty)' ? '' : value;
}

/** The 1-based line each data record starts on, in file order. */
export function recordLines(text: string, d: CsvDialectFound): Int32Array {
  const starts: number[] = [];
  let line = 0;
  let inQuote = false;
  let recordStart = 0;
  let skipped = 0;
  let headerSeen = !d.header;
  let pos = 0;
  const quote = d.quote;
  const escapeOther = d.escape !== '' && d.escape !== quote ? d.escape : '';
  while (pos <= text.length) {
    let end = text.indexOf('\n', pos);
    if (end === -1) end = text.length;
    line++;
    const raw = text.slice(pos, end);
    const content = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (!inQuote) recordStart = line;
    if (quote) {
      for (let i = 0; i < content.length; i++) {
        const ch = content[i];
        if (escapeOther && ch === escapeOther && inQuote) i++;
        else if (ch === quote) inQuote = !inQuote;
      }
    }
    const lastLine = end >= text.length;
    if (!inQuote || lastLine) {
      // A whole record ends on this line.
      const empty = recordStart === line && content === '';
      if (!empty) {
        if (skipped < d.skipRows) skipped++;
        else if (!headerSeen) headerSeen = true;
        else starts.push(recordStart);
      }
      inQuote = false;
    }
    if (lastLine) break;
    pos = end + 1;
  }
  return Int32Array.from(starts);
}
