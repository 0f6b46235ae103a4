/**
 * Deterministic synthetic reports for the scale benchmark, made from real paragraphs so that the text the parser,
 * linker and search index handle has the length, vocabulary and punctuation of real Ofsted prose.
 *
 * Each document is an ILACS-style text source (the same format as the bundled Gloucestershire 2022 report) that
 * goes through the real ingest: a judgement table with grades drawn from the real distribution, a "What needs to
 * improve?" list, and numbered paragraphs under the three judgement headings. Authorities are synthetic
 * ("Benchmark Borough 017"), each inspected once a year or so, so follow-up linking has histories to work on.
 */
import type { Grade } from '../../src/schemas/report.ts';
import { seededRandom } from './seeded-random.ts';
import { formatDate } from '../../src/lib/dates.ts';


const GRADES: Grade[] = ['Outstanding', 'Good', 'Good', 'Requires improvement to be good', 'Requires improvement to be good', 'Inadequate'];
const AREAS = [
  'The impact of leaders on social work practice with children and families',
  'The experiences and progress of children who need help and protection',
  'The experiences and progress of children in care and care leavers',
];
const SECTION_AREAS = [1, 2, 0];

export interface SyntheticDocument {
  /** File name without extension: `<authority>-<published>-inspection`. */
  name: string;
  text: string;
  sidecar: { published: string };
}

export interface CorpusOptions {
  count: number;
  paragraphsPerDocument: number;
  recommendationsPerDocument: number;
  authorities: number;
  seed: number;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const FIRST_DAY = '2014-01-01';
const TWELVE_YEARS_OF_DAYS = 4380;

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}


/** Sentences short enough to be "What needs to improve" items: the first sentence of a real paragraph. */
function firstSentence(paragraph: string): string {
  const match = paragraph.match(/^.{30,200}?[.](?=\s|$)/);
  return match ? match[0] : `${paragraph.slice(0, 160).replace(/\s+\S*$/, '')}.`;
}

export function generateCorpus(paragraphPool: readonly string[], options: CorpusOptions): SyntheticDocument[] {
  if (paragraphPool.length < options.paragraphsPerDocument) {
    throw new Error(`the paragraph pool has ${paragraphPool.length} paragraphs; at least ${options.paragraphsPerDocument} are needed`);
  }
  const random = seededRandom(options.seed);
  const pick = <T,>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const documents: SyntheticDocument[] = [];
  for (let i = 0; i < options.count; i++) {
    const authority = `Benchmark Borough ${pad((i % options.authorities) + 1, 3)}`;
    // Documents are spread evenly over twelve years in order, so each authority's come a year or so apart.
    const published = addDays(FIRST_DAY, Math.floor((i * TWELVE_YEARS_OF_DAYS) / options.count));
    const start = addDays(published, -70);
    const end = addDays(published, -59);
    const grades = AREAS.map(() => pick(GRADES));
    const overall = grades.includes('Inadequate') ? 'Inadequate' : pick(grades);
    const paragraphs = Array.from({ length: options.paragraphsPerDocument }, () => pick(paragraphPool));
    const recommendations = Array.from({ length: options.recommendationsPerDocument }, () => firstSentence(pick(paragraphPool)));
    const perSection = Math.ceil(paragraphs.length / 3);

    const lines = [
      `# Inspection of ${authority} local authority children's services`,
      '',
      `**Inspection dates:** ${formatDate(start)} to ${formatDate(end)}`,
      '',
      `**Lead inspector:** Inspector ${pad((i % 40) + 1)}, His Majesty's Inspector`,
      '',
      '<b>Judgement</b>\t<b>Grade</b>',
      ...AREAS.map((area, a) => `${area}\t${grades[a]}`),
      `Overall effectiveness\t${overall}`,
      '',
      pick(paragraphPool),
      '',
      '## What needs to improve?',
      '',
      ...recommendations.map((r) => `- ${r}`),
      '',
    ];
    SECTION_AREAS.forEach((area, s) => {
      lines.push(`## ${AREAS[area]}: ${grades[area]!.toLowerCase()}`, '');
      paragraphs.slice(s * perSection, (s + 1) * perSection).forEach((text, k) => lines.push(`${s * perSection + k + 1}. ${text}`));
      lines.push('');
    });
    documents.push({
      name: `${authority.toLowerCase().replace(/\s+/g, '-')}-${published}-inspection`,
      text: lines.join('\n'),
      sidecar: { published },
    });
  }
  return documents;
}
