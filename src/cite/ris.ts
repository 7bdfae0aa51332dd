/**
 * RIS export (RIS 2011 tags, as Zotero and EndNote write them): citation-js's RIS table gives the tags, and the gaps
 * it leaves are filled here: `TY  - NEWS` for a newspaper article (with its authors and full date, which the table
 * leaves out for NEWS), `ELEC` for a web page with the site in `T2`, dates zero-padded (`2020/03/15/`), the access
 * date in `Y2` (the table writes `M1` for ELEC), every value on one line.
 */
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-ris';
import type { CslDate, CslItem } from './csl-item';

type RisRecord = Record<string, string | string[]>;

/** `YYYY/MM/DD/` (RIS date: year, zero-padded month and day, free text after the last slash), `YYYY///` year only. */
export function risDate(date: CslDate): string {
  const [y, m, d] = date['date-parts'][0];
  const two = (n: number | undefined) => (n ? String(n).padStart(2, '0') : '');
  return `${String(y).padStart(4, '0')}/${two(m)}/${two(d)}/`;
}

/** The name as RIS `AU` writes it: a literal as is, Latin names `Family, Given`. */
function risName(n: NonNullable<CslItem['author']>[number]): string {
  return 'literal' in n ? n.literal : n.given ? `${n.family}, ${n.given}` : n.family;
}

/** Fill what citation-js's table leaves out (see the module comment). */
function completeRecord(rec: RisRecord, item: CslItem): RisRecord {
  const out: RisRecord = { ...rec };
  delete out.M1; // the access date, written as M1 for ELEC; Y2 below
  if (item.author?.length) out.AU = item.author.map(risName);
  if (item.issued) {
    out.DA = risDate(item.issued);
    out.PY = String(item.issued['date-parts'][0][0]);
  }
  out.Y2 = risDate(item.accessed);
  if (item['container-title']) out.T2 = item['container-title'];
  if (item.publisher) out.PB = item.publisher;
  return out;
}

/** Tag order of the record: TY first and ER last (the RIS rule), the rest in a fixed readable order. */
const ORDER = ['TY', 'ID', 'AU', 'TI', 'T2', 'PB', 'PY', 'DA', 'Y2', 'SP', 'LA', 'UR'];

/** One RIS record, lines `TAG  - value`, ending with `ER  - `. */
export function risRecord(item: CslItem): string {
  const [rec] = new Cite([item]).format('ris', { format: 'object' }) as unknown as RisRecord[];
  const full = completeRecord(rec, item);
  const tags = [...ORDER.filter((t) => t in full), ...Object.keys(full).filter((t) => !ORDER.includes(t))];
  const lines = tags.flatMap((t) => ([] as string[]).concat(full[t]).map((v) => `${t}  - ${v.replace(/\s+/g, ' ')}`));
  return [...lines, 'ER  - '].join('\n');
}
