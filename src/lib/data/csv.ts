/** A minimal RFC 4180 CSV reader that keeps the line number of every record, for error messages. */

export interface CsvRecord {
  /** 1-based line number in the file where the record starts. */
  line: number;
  cells: string[];
}

export interface CsvParseResult {
  header: string[];
  records: CsvRecord[];
  /** Structural problems (unterminated quotes, wrong cell count), each with its line. */
  problems: { line: number; message: string }[];
}

/** `delimiter` is `,` for the curated tables; a researcher's own file may use `;` (Flemish spreadsheets). */
export function parseCsv(text: string, delimiter = ','): CsvParseResult {
  const rows: CsvRecord[] = [];
  const problems: CsvParseResult['problems'] = [];
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let line = 1;
  let recordLine = 1;
  let cells: string[] = [];
  let cell = '';
  let inQuotes = false;
  let quoteStartLine = 1;
  let i = 0;

  const endRecord = () => {
    cells.push(cell);
    const blank = cells.length === 1 && cells[0].trim() === '';
    if (!blank) rows.push({ line: recordLine, cells });
    cells = [];
    cell = '';
  };

  while (i < src.length) {
    const ch = src[i];
    if (inQuotes) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
        i++;
        continue;
      }
      if (ch === '\n') line++;
      cell += ch;
      i++;
      continue;
    }
    if (ch === '"' && cell === '') {
      inQuotes = true;
      quoteStartLine = line;
      i++;
    } else if (ch === delimiter) {
      cells.push(cell);
      cell = '';
      i++;
    } else if (ch === '\r' && src[i + 1] === '\n') {
      i++;
    } else if (ch === '\n') {
      endRecord();
      line++;
      recordLine = line;
      i++;
    } else {
      cell += ch;
      i++;
    }
  }
  if (inQuotes) problems.push({ line: quoteStartLine, message: 'a quoted cell is never closed' });
  if (cell !== '' || cells.length > 0) endRecord();

  const [head, ...records] = rows;
  const header = head ? head.cells.map((c) => c.trim()) : [];
  for (const r of records) {
    if (r.cells.length !== header.length) {
      problems.push({
        line: r.line,
        message: `has ${r.cells.length} cells where the header has ${header.length}`,
      });
    }
  }
  return { header, records, problems };
}

/** Quote a cell for CSV output when it needs it. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const s = String(value);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
