/**
 * The template for a researcher's own file: long format, Dutch header, `;` between cells and a
 * decimal comma, as Flemish spreadsheets open and save it. Its rows are synthetic examples, and
 * say so in every row: the indicator is named as an example and the note repeats it.
 */
import { csvText } from '../export/figure-csv';

export const OWN_TEMPLATE_FILE = 'herkomstkloof-sjabloon.csv';

/** The template's columns: the five a file needs, then the optional ones. */
export const OWN_TEMPLATE_HEADER = ['indicator', 'plaats', 'periode', 'groep', 'waarde', 'geslacht', 'leeftijd', 'opmerking'] as const;

const EXAMPLE = 'Voorbeeld (synthetisch)';
const NOTE = 'voorbeeld (synthetisch): vervang door je eigen cijfers';

/** Places by NIS code or by name, a year and a school year, groups by label, a decimal comma. */
const EXAMPLE_ROWS: string[][] = [
  [EXAMPLE, '44021', '2020', 'Belgische herkomst', '10,5', 'T', '20-64', NOTE],
  [EXAMPLE, '44021', '2020', 'Buitenlandse herkomst', '20,5', 'T', '20-64', NOTE],
  [EXAMPLE, 'Antwerpen', '2020-2021', 'Belgische herkomst', '30,5', 'V', '', NOTE],
  [EXAMPLE, 'Antwerpen', '2020-2021', 'Buitenlandse herkomst', '40,5', 'V', '', NOTE],
];

/** The template as CSV text (UTF-8 with BOM, `;`, CRLF). */
export function ownTemplateCsv(): string {
  return csvText([...OWN_TEMPLATE_HEADER], EXAMPLE_ROWS, 'excel-nl');
}
