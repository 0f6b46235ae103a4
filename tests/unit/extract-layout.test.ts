/** The pure layout functions of the PDF extractor, on small synthetic runs and lines. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  symbolFontAsciiToAscii,
  dropPageNumbers,
  dropRepeatedPageFurniture,
  findGradeColumns,
  isGradeText,
  isListMarker,
  joinHyphenatedWords,
  layOutLines,
  linesToText,
  rebuildJudgementTables,
  tidyBlankLines,
} from '../../src/lib/extract/layout.ts';
import type { Fragment } from '../../src/lib/extract/layout.ts';

/** Helvetica-ish: half an em per character is close enough for gap arithmetic. */
const run = (text: string, x: number, y: number, size = 12): Fragment => ({
  text,
  x,
  y,
  size,
  width: text.length * size * 0.5,
});

/** What the page's runs read as, tables rebuilt, as text lines. */
const read = (fragments: Fragment[]) => linesToText(rebuildJudgementTables(layOutLines(fragments)));

describe('layOutLines', () => {
  test('orders lines top to bottom and runs left to right, whatever order the PDF drew them in', () => {
    assert.deepEqual(read([run('second line', 72, 700), run('first', 72, 714), run('line', 110, 714)]), [
      'first line',
      'second line',
    ]);
  });

  test('joins pieces of one word, puts a space between words, and a TAB at a column gap', () => {
    const welfa = run('the welfa', 72, 700);
    const rest = run('re of children', welfa.x + welfa.width, 700);
    const page = run('12', 480, 700);
    assert.deepEqual(read([welfa, rest, page]), ['the welfare of children\t12']);
  });

  test('keeps a list marker and its hanging indent together', () => {
    assert.deepEqual(read([run('12.', 72, 700), run('Leaders know their services.', 100, 700)]), [
      '12. Leaders know their services.',
    ]);
  });

  test('drops a footnote mark after a word but keeps the number opening the footnote', () => {
    const board = run('Review of the Board', 72, 700, 14);
    const mark = run('1', board.x + board.width, 705, 8);
    const footnoteMark = run('1', 72, 103, 6.5);
    const footnote = run('Ofsted produces this report', 77, 100, 9);
    assert.deepEqual(read([board, mark, footnoteMark, footnote]), [
      'Review of the Board',
      '',
      '1 Ofsted produces this report',
    ]);
  });

  test('joins an ordinal suffix set as a superscript to its number', () => {
    const text = run('before their 18', 72, 700);
    const suffix = run('th', text.x + text.width, 704, 8);
    const next = run('birthday', suffix.x + suffix.width + 5, 700);
    assert.deepEqual(read([text, suffix, next]), ['before their 18th birthday']);
  });

  test('turns a symbol-font bullet into a real one', () => {
    assert.deepEqual(read([run('\uF0B7', 72, 700), run('Approximately 49,000 children', 90, 700)]), [
      '• Approximately 49,000 children',
    ]);
  });

  test('starts a paragraph where the gap between lines is wider than line spacing', () => {
    assert.deepEqual(read([run('one', 72, 700), run('two', 72, 685), run('three', 72, 650)]), ['one', 'two', '', 'three']);
  });
});

describe('rebuildJudgementTables', () => {
  test('ILACS: area and grade both wrapping over two lines make one row each', () => {
    const lines = read([
      run('Judgement', 79, 532, 11),
      run('Grade', 430, 532, 11),
      run('The impact of leaders on social work practice with children', 79, 496, 11),
      run('and families', 79, 483, 11),
      run('Requires improvement', 430, 496, 11),
      run('to be good', 430, 483, 11),
      run('Overall effectiveness', 79, 361, 11),
      run('Requires improvement', 430, 368, 11),
      run('to be good', 430, 354, 11),
    ]);
    assert.deepEqual(lines, [
      'Judgement\tGrade',
      'The impact of leaders on social work practice with children and families\tRequires improvement to be good',
      'Overall effectiveness\tRequires improvement to be good',
    ]);
  });

  test('2014 SIF: grade words above and below the area line still belong to its row', () => {
    const lines = read([
      run('Requires', 409, 426),
      run('1.', 71, 417),
      run('Children who need help and protection', 89, 417),
      run('improvement', 409, 412),
      run('Requires', 409, 386),
      run('2.', 71, 376),
      run('Children looked after and achieving permanence', 89, 376),
      run('improvement', 409, 372),
      run('2.1', 126, 336),
      run('Adoption performance', 154, 336),
      run('Good', 409, 336),
    ]);
    assert.deepEqual(lines, [
      '1. Children who need help and protection\tRequires improvement',
      '2. Children looked after and achieving permanence\tRequires improvement',
      '2.1 Adoption performance\tGood',
    ]);
  });

  test('a grade alone between the two lines of its area', () => {
    const lines = read([
      run('The experiences and progress of', 77, 729, 14),
      run('Good', 374, 720, 14),
      run('children who need help and protection', 77, 713, 14),
      run('Summary', 77, 691, 12),
    ]);
    assert.deepEqual(lines, ['The experiences and progress of children who need help and protection\tGood', '', 'Summary']);
  });

  test('a grade set close to an area that runs long, less than an em away', () => {
    const first = run('The experiences and progress of', 71, 728, 14);
    const second = run('children who need help and protection', 71, 712, 14);
    const gradeX = second.x + second.width + 10;
    const lines = read([first, run('Requires', gradeX, 728, 14), second, run('improvement', gradeX, 712, 14)]);
    assert.deepEqual(lines, ['The experiences and progress of children who need help and protection\tRequires improvement']);
  });

  test('leaves prose alone, grade words in it included', () => {
    const prose = [
      run('The overall judgement is', 71, 547, 14),
      run('requires improvement', 71 + 24 * 7 + 4, 547, 14),
      run('Services are good and improving.', 71, 520),
    ];
    assert.deepEqual(findGradeColumns(layOutLines(prose)), []);
    assert.deepEqual(read(prose), ['The overall judgement is requires improvement', '', 'Services are good and improving.']);
  });
});

describe('isGradeText and isListMarker', () => {
  test('grade cells and their wrapped pieces, not sentences', () => {
    for (const text of ['Good', 'Requires improvement to be good', 'to be good', 'Requires', 'improvement to be', 'Grade']) {
      assert.ok(isGradeText(text), text);
    }
    for (const text of ['to be', 'Good.', 'good progress', 'Judgement']) assert.ok(!isGradeText(text), text);
  });

  test('paragraph numbers and bullets, not numbers in tables', () => {
    for (const text of ['1.', '12.', '2.1', '◼', '•', '\uF0B7']) assert.ok(isListMarker(text), text);
    for (const text of ['1,251', 'Good', '2014']) assert.ok(!isListMarker(text), text);
  });
});

describe('dropRepeatedPageFurniture', () => {
  const page = (n: number, body: string) => [body, '', `Inspection of Testshire children's services`, `20 to 24 January 2025\t${n}`];

  test('drops headers and footers that recur on most pages, page numbers and all', () => {
    const bodies = ['Leaders know their services.', 'Children are seen alone.', 'Plans are reviewed.', 'Care leavers thrive.'];
    const pages = bodies.map((body, i) => page(i + 1, body));
    assert.deepEqual(dropRepeatedPageFurniture(pages), bodies.map((body) => [body, '']));
  });

  test('keeps lines that recur on fewer than half the pages, or on fewer than three', () => {
    const pages = [['Summary', 'a'], ['Summary', 'b'], ['c'], ['d'], ['e']];
    assert.deepEqual(dropRepeatedPageFurniture(pages), pages);
    const short = [['Title', 'x'], ['Title', 'y']];
    assert.deepEqual(dropRepeatedPageFurniture(short), short);
  });

  test('keeps the title at the top of page 1 when the footer of every page repeats it', () => {
    const title = 'Inspection of Testshire local authority children’s services';
    const pages = [
      ['Testshire', title, 'Inspection dates: 20 to 24 January 2025', 'Judgement\tGrade', 'Summary of the inspection.'],
      ...['Leaders know their services.', 'Children are seen alone.', 'Plans are reviewed.', 'Care leavers thrive.'].map(
        (body) => ['What needs to improve', body, 'More text on the page.', 'And more.', title],
      ),
    ];
    const kept = dropRepeatedPageFurniture(pages);
    assert.equal(kept[0]![1], title);
    assert.ok(kept.slice(1).every((page) => !page.includes(title)));
  });
});

describe('dropPageNumbers', () => {
  test('drops a number alone at the top or bottom of a page', () => {
    assert.deepEqual(dropPageNumbers(['3', 'text', '', '4']), ['text', '']);
    assert.deepEqual(dropPageNumbers(['text', 'Page 7 of 12']), ['text']);
  });

  test('keeps numbers inside the page and lines that only start with one', () => {
    assert.deepEqual(dropPageNumbers(['text', '42', 'more']), ['text', '42', 'more']);
    assert.deepEqual(dropPageNumbers(['12. Leaders know']), ['12. Leaders know']);
  });
});

describe('joinHyphenatedWords', () => {
  test('moves the rest of a compound broken at a line end up to its first half', () => {
    assert.deepEqual(joinHyphenatedWords(['work with a multi-', 'agency team today']), [
      'work with a multi-agency',
      'team today',
    ]);
    assert.deepEqual(joinHyphenatedWords(['a well-', 'informed']), ['a well-informed']);
  });

  test('leaves dashes, capitalised next lines and table rows alone', () => {
    for (const lines of [
      ['as follows -', 'three things'],
      ['the Anglo-', 'Saxon period'],
      ['Area name-', 'rest\tGood'],
    ]) {
      assert.deepEqual(joinHyphenatedWords(lines), lines);
    }
  });
});

describe('tidyBlankLines', () => {
  test('no blank lines at the edges of a page nor two in a row', () => {
    assert.deepEqual(tidyBlankLines(['', 'a', '', '', 'b', '']), ['a', '', 'b']);
  });
});

test('characters Symbol fonts keep in the private-use area come back as ASCII (Shropshire 2017: "2016–17")', () => {
  assert.equal(symbolFontAsciiToAscii('2016\uF02D17'), '2016-17');
  assert.equal(symbolFontAsciiToAscii('\uF0B7 bullet'), '\uF0B7 bullet');
});
