/**
 * What a later document said about a recommendation's matter, as a verdict and the one sentence that carries it.
 * Pure: the recommendation's text, the passages of one later document the matcher found on the same matter, and
 * a word weight (the archive's idf) in; a verdict out.
 *
 * How a verdict is reached (docs/architecture.md walks through one by hand):
 *
 * 1. Every candidate passage is cut into sentences (list items count as sentences) and each sentence into clauses
 *    at "but", "however", "although", "while" and semicolons, so "initial health assessments are much improved,
 *    but too many children do not have a timely annual health assessment" is two findings, not one.
 * 2. Each clause is given a subject score: the weight of the recommendation's words it uses, plus half the weight of
 *    those the rest of its sentence uses ("these are not sufficiently specific" borrows "plans" from its sentence),
 *    as a share of the recommendation's whole weight. Words the recommendation names only as examples ("…,
 *    including in the early help pathway") weigh half, and a clause must use two words of the matter itself. A
 *    recommendation for a narrow group of children (NARROW_GROUPS: care leavers, kinship care, …) is judged only by
 *    sentences that name one of its groups, or in a passage that does. A clause that opens with another actor
 *    than the recommendation names ("The capacity of IROs …") does not judge it. A clause that names the previous
 *    inspection counts half as much again: "has not significantly improved since the last inspection" is the
 *    report speaking to the point.
 * 3. Each clause is given a direction from the phrases below (EVALUATIVE), quotations removed: a negation or a
 *    weakness word makes it a concern ("not yet", "remains weak", "too many", "lack of"); otherwise an improvement
 *    phrase ("has improved", "significantly strengthened", "addressed the concerns") or a grade word of a working
 *    service ("timely", "effective", "robust", "well monitored") makes it positive; otherwise it says nothing either
 *    way. A later inspection's own recommendation squarely on the matter is a concern: it is still to be improved.
 * 4. The best evaluative clause is weighed against those judging the other way nearly as strongly
 *    (VERDICT.closeTo), or in its own passage (VERDICT.samePassage): none → improved or still a concern, as it
 *    says; one that could carry a verdict itself → mixed; only weaker ones → "mentioned" (the document is not
 *    clear enough to quote either way). Below VERDICT.minimumSubject nothing is on the subject clearly enough, and
 *    the verdict is only "mentioned". The quoted sentence is the best clause's sentence.
 *
 * A council report is read differently: it either restates the recommendation (a line that uses most of its
 * words), commits to an action (that line or its passage names a date, an owner or what will be done), or does
 * not take it up.
 */
import { VERDICT_KINDS, type DocumentType } from '../../schemas/report.ts';
import { tokenize } from './tokens.ts';

export type VerdictKind = (typeof VERDICT_KINDS)[number];

/** A passage of the later document the matcher linked to the recommendation. */
export interface Candidate {
  /** Anchor id: para-n, ap-k, or rec-n for one of the later document's own recommendations. */
  id: string;
  text: string;
  /** The matcher's score for the pair, 0–1: breaks ties between equally good sentences. */
  score: number;
}

export interface Finding {
  verdict: VerdictKind;
  /** The passage that carries the verdict (for "mentioned", the best match); null when nothing was found. */
  paragraphId: string | null;
  /** The sentence quoted for the verdict, verbatim from the passage; null for "mentioned" and "not addressed". */
  sentence: string | null;
}

export const VERDICT = {
  /** A clause must cover at least this share of the recommendation's word weight to carry a verdict… */
  minimumSubject: 0.35,
  /** …or this much if it speaks of change itself ("has improved", "remains weak", "not yet"). */
  changeSubject: 0.2,
  /** The clauses that decide are those within this fraction of the best one… */
  closeTo: 0.9,
  /** …and, in the best one's own passage, those judging the other way within this fraction. */
  samePassage: 0.4,
  /** Speaking of change makes a clause count this much more… */
  change: 1.25,
  /** …and naming the previous inspection this much. */
  previousInspection: 1.5,
  /** A later inspection's own recommendation says the matter still needs to improve when the matcher scores it this high. */
  laterRecommendation: 0.4,
  /** A word a recommendation names only as a part or example of its matter ("including …") weighs this much. */
  example: 0.5,
  /** A clause (with its sentence) must use at least this many of the words of the recommendation's matter. */
  minimumWords: 2,
  /** A council report line using this share of the recommendation's weight restates it. */
  restates: 0.6,
  /** A council report passage using this share of it, with an action, commits to one. */
  answers: 0.3,
} as const;

/**
 * The evaluative vocabulary, as data. Patterns run on a lower-cased clause; order matters only within the
 * function below (a concern outranks a positive word in the same clause: "not timely" is not timely).
 */
export const EVALUATIVE = {
  /** Positive phrases that survive the negation test because they contain a "no" of their own. */
  positiveDespiteNegation: [/\bno longer (?:inadequate|a concern|an issue|used)\b/],
  /** Negation: the clause reports something absent or insufficient. */
  negation: [
    /\bnot\b/,
    /\bno\b/,
    /\bnever\b/,
    /\bcannot\b/,
    /\black(?:s|ing)?\b/,
    /\binsufficient(?:ly)?\b/,
    /\b(?:very )?little (?:evidence|impact|progress)\b/,
    /\bfew\b(?! of)/,
    /n't\b/,
  ],
  /** Words of weakness or persistence of a problem. */
  concern: [
    /\bweak(?:ness|nesses|er)?\b/,
    /\bpoor(?:ly)?\b/,
    /\binconsistent(?:ly)?\b/,
    /\binconsistency\b/,
    /\bvariable\b/,
    /\bvaries\b/,
    /\bdelay(?:s|ed)?\b/,
    /\bdrift\b/,
    /\btoo (?:many|few|long|slow|high|low|late|often|variable|inconsistent|much)\b/,
    /\bin (?:its|their) infancy\b/,
    /\bunder[- ]?developed\b/,
    /\binadequate\b/,
    /\bdeteriorat/,
    /\bdeclin(?:e|ed|ing)\b/,
    /\bunsuitable\b/,
    /\bunnecessar(?:y|ily)\b/,
    /\b(?:remains?|remained|is still|are still) (?:mixed|a challenge|an area|a concern|low|high|weak|variable|inconsistent|limited|too)\b/,
    /\bstill (?:more|areas|to|not|too|waiting|a need)\b/,
    // "Still" before what carries on: "still having to wait", "still an issue".
    /\bstill (?:having to|have to|has to|rel(?:y|ies) on|requires?|needed|being progressed|in (?:development|progress)|outside|below|above|short of|higher than|lower than|longer than|some way off|an? (?:issue|problem|concern))\b/,
    /\bmore to do\b/,
    /\bneeds? to (?:improve|be improved|be strengthened|strengthen)\b/,
    /\brequires? (?:further )?improvement\b/,
    /\bnot yet\b/,
    /\byet to\b/,
    /\barea for (?:development|improvement)\b/,
    /\bmissed\b/,
    /\bshortfall/,
    /\b(?:is|are|remains?|been) (?:a )?(?:significant |considerable )?challeng(?:e|ing)\b/,
    /\bbeen slow\b/,
    /\bslow to\b/,
  ],
  /** Improvement phrases: the matter got better. */
  improvement: [
    /\b(?:has|have|had|is|are|was|were)(?: now)?(?: also)?(?: been)?(?: significantly| considerably| greatly| much| substantially| markedly| notably| further| recently| well)? (?:improved|strengthened|enhanced|addressed)\b/,
    /\bsignificant(?:ly)? improve/,
    /\bimprov(?:ed|ements?) since\b/,
    /\baddressed the concerns?\b/,
    /\bcontinue[sd]? to improve\b/,
    /\b(?:beginning|starting) to (?:improve|benefit)\b/,
    /\b(?:caseloads?|workloads?|delays?|drift|backlogs?|waiting (?:lists?|times?)|unallocated \w+)\b[^.;]{0,40}\b(?:reduced|decreased|fallen|fell)\b/,
    /\bnow (?:in place|embedded|established|provides?|receives?|has|have|identif(?:y|ies)|benefits?|makes?|offers?)\b/,
    /\bhas progressed\b|\bhave been progressed\b/,
    /\b(?:has|have) successfully (?:reduced|improved|addressed|strengthened|increased|embedded|established)\b/,
  ],
  /** Grade words of a service that works. */
  positive: [
    /\btimely\b/,
    /\bswift(?:ly)?\b/,
    /\bprompt(?:ly)?\b/,
    /\beffective(?:ly)?\b/,
    /\bstrong(?:ly)?\b/,
    /\brobust(?:ly)?\b/,
    /\bgood\b/,
    /\bthorough(?:ly)?\b/,
    /\bcomprehensive(?:ly)?\b/,
    /\brigorous(?:ly)?\b/,
    /\bhigh[- ]quality\b/,
    /\bpersistent\b/,
    /\btenacious\b/,
    /\bwell[- ](?:established|embedded|supported|monitored|understood|attended|considered|coordinated|co-ordinated|managed|targeted|recorded|informed|used)\b/,
    /\b(?:are|is) well\b/,
    /\bbenefits? from\b/,
    /\bconsistent(?:ly)?\b/,
    /\bregular(?:ly)?\b/,
    /\baccurate(?:ly)?\b/,
    /\bimmediate(?:ly)?\b/,
    /\bbetter\b/,
    /\bdetailed\b/,
    /\bmeaningful(?:ly)?\b/,
    /\bskilled\b/,
    /\bput in place\b|\bare in place\b|\bis in place\b/,
  ],
  /** Persistence: the clause says a problem carried on (a concern that speaks of change, as "has improved" does). */
  persistence: [
    /\bremain(?:s|ed)?\b(?! (?:in|with|at|safe|living|together|in their))/,
    /\bstill\b/,
    /\bnot yet\b/,
    /\byet to\b/,
    /\bcontinue[sd]? to (?!improve)/,
    /\bnot (?:significantly |sufficiently |fully )?(?:improved|progressed|addressed)\b/,
    /\bno (?:significant )?(?:improvement|progress)\b/,
  ],
  /**
   * The groups of children a finding can be about. A clause about another group than the recommendation's is not
   * about its matter, however many words they share: advocacy for children on child protection plans says
   * nothing about advocacy for children in care.
   */
  groups: {
    'children-in-care': /\blooked[- ]after\b|\bchildren in care\b|\bchild in care\b|\bcare plans?\b|\bfoster(?:ing|ed)? (?:carers?|placements?)\b/,
    'care-leavers': /\bcare leavers?\b|\bcare[- ]experienced\b|\bleaving care\b|\bpathway plan|\bpersonal advis/,
    'child-protection': /\bchild protection\b|\bchild in need\b|\bstrategy (?:meetings?|discussions?)\b/,
    'early-help': /\bearly help\b/,
    'disabled-children': /\bdisab(?:led|ility|ilities)\b/,
    'private-fostering': /\bprivate(?:ly)? fost/,
    // Children living with relatives or friends: "friends and family" carers or assessments, "connected persons".
    kinship: /\bkinship\b|\bfriends? and family (?:carers?|care|assessments?|foster|placements?|arrangements?)|\bfamily and friends? (?:carers?|care|assessments?|foster|placements?|arrangements?)|\bconnected (?:persons?|carers?)\b/,
    adoption: /\badopt/,
    // Homeless 16- and 17-year-olds, whom Ofsted inspects as a group of their own.
    'homeless-young-people': /\bhomeless(?:ness)?\b/,
  } as Record<string, RegExp>,
  /**
   * Who does the work a finding is about, when the finding opens with them. A clause opening "The capacity of IROs
   * has been strengthened" is about reviewing officers, not about the social workers' caseloads it mentions; it
   * judges a recommendation only if the recommendation names them too.
   */
  actors: {
    'reviewing-officers': /\b(?:iros?|independent reviewing officers?|reviewing officers?|(?:conference|child protection) chairs?)\b/,
    'personal-advisers': /\bpersonal advis[eo]rs?\b|\bpas\b/,
    'foster-carers': /\b(?:foster|kinship) carers?\b/,
    adopters: /\badopters?\b|\badoptive (?:parents|families)\b/,
    police: /\bpolice\b/,
    'virtual-school': /\bvirtual school\b/,
    'designated-officer': /\blado\b|\bdesignated officer\b/,
    board: /\blscb\b|\bsafeguarding (?:children )?board\b|\bsafeguarding partnership\b/,
  } as Record<string, RegExp>,
  /** The clause speaks to the previous inspection's findings. */
  previousInspection: [/\b(?:previous|last) inspection\b/, /\bprevious(?:ly)? (?:concerns|recommendations?)\b/],
} as const;

/** A council report's concrete commitment: a date, an owner, or what will be done. */
const ACTION = [
  /\bby (?:the end of )?(?:\d{1,2}(?:st|nd|rd|th)? )?(?:january|february|march|april|may|june|july|august|september|october|november|december)\b/i,
  /\bby (?:the end of )?(?:\d{4}|spring|summer|autumn|winter)\b/i,
  /\b(?:will|shall) (?:be )?(?:introduc|implement|review|recruit|develop|establish|deliver|launch|commission|appoint|complet|creat|expand|increas|reduc|train|roll|put|procure|replac|upgrad)\w*/i,
  /\b(?:lead officer|responsible officer|action owner|owner:|lead:)\b/i,
];

const matchesAny = (patterns: readonly RegExp[], text: string) => patterns.some((pattern) => pattern.test(text));

/** The actors (EVALUATIVE.actors) a text names. */
function actorsOf(text: string): string[] {
  const lower = text.toLowerCase();
  return Object.entries(EVALUATIVE.actors).flatMap(([actor, pattern]) => (pattern.test(lower) ? [actor] : []));
}

/** How many words open a clause as its subject, for whom it is about. */
const OPENING_WORDS = 6;

/**
 * A group named only to be set aside: "permanence for children whose plan is not adoption", "other than through
 * adoption". Such a text is not about that group.
 */
const SET_ASIDE = /\b(?:not|other than|rather than|except(?: for)?|apart from)(?: through| via| by)? (?:adopt\w*|(?:private )?fost\w*|care leavers?|looked[- ]after|early help|child protection|disab\w*)/g;

/** The groups of children (EVALUATIVE.groups) a text names. */
export function groupsOf(text: string): string[] {
  const lower = text.toLowerCase().replace(SET_ASIDE, '');
  return Object.entries(EVALUATIVE.groups).flatMap(([group, pattern]) => (pattern.test(lower) ? [group] : []));
}

/**
 * Whether a sentence is about other children than the recommendation: it names groups, none of them the
 * recommendation's. A recommendation for all children is not answered by a finding on one group ("more to do for
 * care leavers, particularly management oversight" says little of management oversight across the service).
 */
function otherChildren(recommendationGroups: readonly string[], groups: readonly string[]): boolean {
  const named = groups.filter((group) => recommendationGroups.length > 0 || NARROW_GROUPS.has(group));
  return named.length > 0 && !named.some((group) => recommendationGroups.includes(group));
}

/** The groups a finding about which says nothing of a recommendation for all children (child protection does). */
const NARROW_GROUPS = new Set(['care-leavers', 'disabled-children', 'private-fostering', 'kinship', 'adoption', 'homeless-young-people']);

/**
 * Whether a finding can be about the recommendation's children. Not when it names only other children
 * (otherChildren); and a recommendation for a narrow group (NARROW_GROUPS) is judged only by findings that name
 * that group, in the sentence or its passage: "the quality and timeliness of assessments are good", in a summary of
 * work with all children, says nothing of friends and family assessments, however many words they share.
 */
function aboutItsChildren(recommendationGroups: readonly string[], groups: readonly string[], passageGroups: readonly string[]): boolean {
  if (otherChildren(recommendationGroups, groups)) return false;
  if (!recommendationGroups.some((group) => NARROW_GROUPS.has(group))) return true;
  return [...groups, ...passageGroups].some((group) => recommendationGroups.includes(group));
}

/** Sentences of a passage, list items and table rows as sentences of their own, each verbatim. */
export function sentences(text: string): string[] {
  return text
    .split('\n')
    .flatMap((line) => line.split(/(?<=[.!?])\s+(?=[A-Z0-9‘“'"(])/))
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 0);
}

/**
 * Clauses of a sentence that may judge differently: split at semicolons and at "but", "however", "although",
 * "though", "whereas", "while"/"whilst"; a sentence opening "While …," or "Although …," splits at its first comma.
 */
export function clauses(sentence: string): string[] {
  const opening = /^(?:while|whilst|although|though|despite)\b[^,]*,/i.exec(sentence);
  const parts = opening ? [opening[0], sentence.slice(opening[0].length)] : [sentence];
  return parts
    .flatMap((part) => part.split(/;|,\s*(?=(?:but|however|although|though|whereas|while|whilst)\b)|\s(?=(?:but|however|whereas)\s)/i))
    .map((part) => part.trim())
    .filter((part) => /[a-z]/i.test(part));
}

/**
 * A clause with the phrases that would mislead the direction test removed: "without delay" and "to prevent delay"
 * praise what they seem to blame, and "children who cannot live with their families" names who a service is for,
 * not a failing.
 */
function plain(clause: string): string {
  return clause
    .toLowerCase()
    // What somebody is quoted as saying is their voice, not the inspectors' finding: "‘we don’t let go of them’".
    .replace(QUOTATION, '')
    // Negations that do not negate: "not least because", "not only … but also".
    .replace(/\bnot (?:least|only|just|merely)\b/g, '')
    .replace(/\b(?:without|prevent\w*|avoid\w*|minimis\w*|minimiz\w*)(?: any| unnecessary)* delays?\b/g, '')
    .replace(/\bwho (?:cannot|can't|are unable to|do not|does not) (?:remain|live|return|stay|need|require|meet)\b/g, '')
    // …nor is "when it is not possible for children to remain with their parents" or "if they cannot live at home".
    .replace(/\b(?:when|where|if|because|as) (?:it is|it was|this is) not (?:possible|safe|appropriate)\b/g, '')
    .replace(/\b(?:when|where|if|because|as) (?:children|a child|they|he|she|young people) (?:cannot|can't|are unable to|is unable to|could not) (?:remain|live|return|stay)\b/g, '')
    // Who a finding is about, not what it finds: "children not yet born", "care leavers not in education".
    .replace(/\bnot yet born\b|\bnot in (?:education|employment|school)(?:,? (?:employment|training)(?:,? or training)?)?\b/g, '')
    // Knowing one's weaknesses is a strength: "leaders understand their strengths and weaknesses".
    .replace(/\bstrengths and (?:weaknesses|areas (?:for|of) (?:development|improvement))\b/g, '')
    .replace(/\b(?:to )?address(?:es|ing)? (?:all |the |these |any |identified )*weaknesses\b/g, '')
    .replace(/\bweaknesses (?:are|were|have been|had been|being) (?:addressed|tackled|resolved)\b/g, '')
    .replace(/\bareas? (?:of [a-z ]{0,40})?(?:that|which) (?:require|requires|need|needs) (?:further )?improvement\b/g, '');
}

/** A quotation in curly quotes (an apostrophe inside it, as in "don’t", does not end it) or straight double quotes. */
const QUOTATION = /‘[^‘’]*(?:’(?=[a-z])[^‘’]*)*’(?![a-z])|“[^“”]*”|"[^"]*"/g;

/** +1 positive, −1 a concern, 0 neither, for one clause. */
export function direction(clause: string): -1 | 0 | 1 {
  const text = plain(clause);
  if (matchesAny(EVALUATIVE.positiveDespiteNegation, text)) return 1;
  if (matchesAny(EVALUATIVE.negation, text) || matchesAny(EVALUATIVE.concern, text)) return -1;
  if (matchesAny(EVALUATIVE.improvement, text) || matchesAny(EVALUATIVE.positive, text)) return 1;
  return 0;
}

/**
 * Words that name who a recommendation is for rather than what it asks: "care leavers" in "make sure that all care
 * leavers are aware of their entitlements". Whom a clause is about is checked by EVALUATIVE.groups; its subject is
 * measured on the other words, so a clause on care leavers' accommodation is not taken for one on their entitlements.
 * "Needs" goes with them: every finding is about somebody's needs.
 */
const POPULATION = new Set(tokenize('care leavers looked children child young people person families family needs').map((t) => t.stem));

/** Where a recommendation turns from its matter to parts or examples of it. */
const EXAMPLES = /\b(?:including|particularly|especially|in particular|such as|for example|this should include)\b/i;

/** How many of a recommendation's words (the heaviest) a clause is measured against. */
const SUBJECT_WORDS = 8;

/** What a recommendation is about: its words by stem with their weights, their sum, and the children it names. */
interface Subject {
  weights: Map<string, number>;
  /** The words of its matter itself, before any "including …" or "particularly …". */
  core: Set<string>;
  /** The actors (EVALUATIVE.actors) it names. */
  actors: string[];
  total: number;
  groups: string[];
}

function subjectOf(recommendation: string, weight: (stem: string) => number): Subject {
  const weights = new Map<string, number>();
  // "…at every stage, including in the early help pathway": what a sentence of a recommendation names after
  // "including" or "particularly" is a part or an example of its matter, so a finding on that part alone is half as
  // much on it.
  const parts = sentences(recommendation).map((sentence) => sentence.split(EXAMPLES));
  const core = parts.map(([matter]) => matter ?? '').join(' ');
  for (const token of tokenize(core)) {
    if (token.content && !POPULATION.has(token.stem)) weights.set(token.stem, weight(token.stem));
  }
  for (const token of tokenize(parts.flatMap(([, ...examples]) => examples).join(' '))) {
    if (token.content && !POPULATION.has(token.stem) && !weights.has(token.stem)) weights.set(token.stem, 0.5 * weight(token.stem));
  }
  // A long recommendation asks for several things; a clause that answers one of them fully is on its subject. So a
  // share is taken of the weight of its SUBJECT_WORDS heaviest words at most.
  const heaviest = [...weights.values()].sort((a, b) => b - a).slice(0, SUBJECT_WORDS);
  const total = heaviest.reduce((sum, w) => sum + w, 0);
  const coreStems = new Set(tokenize(core).map((token) => token.stem).filter((stem) => weights.has(stem)));
  return { weights, core: coreStems, actors: actorsOf(recommendation), total, groups: groupsOf(recommendation) };
}

/**
 * Share of the subject's weight some words (distinct stems) use, how many of its words they are, and how many of
 * those are words of its matter itself (not of its examples).
 */
function measure(subject: Subject, stems: readonly string[]): { share: number; words: number; core: number } {
  if (subject.total === 0) return { share: 0, words: 0, core: 0 };
  let sum = 0;
  let words = 0;
  let core = 0;
  for (const stem of stems) {
    const w = subject.weights.get(stem);
    if (w === undefined) continue;
    sum += w;
    words++;
    if (subject.core.has(stem)) core++;
  }
  return { share: Math.min(1, sum / subject.total), words, core };
}

const stemsOf = (text: string) => [...new Set(tokenize(text).map((token) => token.stem))];

/**
 * A passage read once, whatever the recommendation: its sentences and clauses with their words, the children they
 * name and their direction. The linker reads the same later passages for many recommendations, so it keeps these
 * in a ReadingCache.
 */
interface ReadPassage {
  stems: string[];
  groups: string[];
  sentences: {
    text: string;
    /** The sentence's words, with the sentence before when it opens with a pronoun; the children they name. */
    stems: string[];
    groups: string[];
    clauses: { text: string; stems: string[]; direction: -1 | 0 | 1; previous: boolean; change: boolean; actors: string[] }[];
  }[];
}
/** Passages and recommendations read once per linking run: the same ones are judged against many documents. */
export interface ReadingCache {
  passages: Map<string, ReadPassage>;
  subjects: Map<string, Subject>;
}

export const newReadingCache = (): ReadingCache => ({ passages: new Map(), subjects: new Map() });

function read(text: string, cache: ReadingCache): ReadPassage {
  const cached = cache.passages.get(text);
  if (cached) return cached;
  let previousSentence = '';
  const passage: ReadPassage = {
    stems: stemsOf(text),
    groups: groupsOf(text),
    sentences: sentences(text).map((sentence) => {
      // "These are prompt and thorough": a sentence opening with a pronoun is about what the one before named.
      const context = /^(?:these|this|they|it|such|those)\b/i.test(sentence) ? `${previousSentence} ${sentence}` : sentence;
      previousSentence = sentence;
      return {
        text: sentence,
        stems: stemsOf(context),
        groups: groupsOf(context),
        clauses: clauses(sentence).map((part) => {
          const plainText = plain(part);
          const previous = matchesAny(EVALUATIVE.previousInspection, plainText);
          const change = previous || matchesAny(EVALUATIVE.improvement, plainText) || matchesAny(EVALUATIVE.persistence, plainText);
          const opening = part.split(/\s+/).slice(0, OPENING_WORDS).join(' ');
          return { text: part, stems: stemsOf(part), direction: direction(part), previous, change, actors: actorsOf(opening) };
        }),
      };
    }),
  };
  cache.passages.set(text, passage);
  return passage;
}

/** One clause of a candidate passage, as the verdict weighs it. */
export interface Judged {
  candidate: Candidate;
  sentence: string;
  clause: string;
  subject: number;
  direction: -1 | 0 | 1;
  /** Whether the clause speaks of change: an improvement or persistence phrase, or the previous inspection. */
  change: boolean;
}

/** Every clause of the candidates, with its subject score and direction. */
function judgeClauses(subject: Subject, candidates: readonly Candidate[], cache: ReadingCache): Judged[] {
  const judged: Judged[] = [];
  for (const candidate of candidates) {
    const passage = read(candidate.text, cache);
    // A later inspection's recommendation on the matter says it still needs to improve; one the matcher scores
    // lower may be on a neighbouring matter, and says nothing either way.
    if (candidate.id.startsWith('rec-')) {
      const { share, core } = measure(subject, passage.stems);
      const onTheMatter =
        candidate.score >= VERDICT.laterRecommendation &&
        aboutItsChildren(subject.groups, passage.groups, passage.groups) &&
        core >= Math.min(VERDICT.minimumWords, subject.core.size);
      // A recommendation names an area, it reports no change: it must be as squarely on the subject as any finding.
      judged.push({ candidate, sentence: candidate.text, clause: candidate.text, subject: share, direction: onTheMatter ? -1 : 0, change: false });
      continue;
    }
    for (const sentence of passage.sentences) {
      if (!aboutItsChildren(subject.groups, sentence.groups, passage.groups)) continue;
      const whole = measure(subject, sentence.stems);
      // A sentence (with its context) that uses none of the recommendation's words has no clause on its subject.
      if (whole.words === 0) continue;
      for (const clause of sentence.clauses) {
        // A clause is about what it names itself, or (as "these are not specific") half what its sentence names.
        const mine = measure(subject, clause.stems);
        const own = Math.max(mine.share, 0.5 * whole.share);
        const score = own * (clause.previous ? VERDICT.previousInspection : clause.change ? VERDICT.change : 1);
        // One rare word in common ("diverse needs" of children in foster care, for "the diverse needs of children
        // considered in assessments") is a coincidence, not the same matter.
        // Nor is a finding on one of its examples alone ("… including in the early help pathway"): two of the words
        // must be the matter's own.
        const words = Math.max(mine.core, whole.core);
        const enough = words >= Math.min(VERDICT.minimumWords, subject.core.size);
        judged.push({
          candidate,
          sentence: sentence.text,
          clause: clause.text,
          subject: score,
          direction: enough && clause.actors.every((actor) => subject.actors.includes(actor)) ? clause.direction : 0,
          change: clause.change,
        });
      }
    }
  }
  return judged;
}

/** Whether a clause says enough, on the recommendation's subject, to carry a verdict. */
function carries(j: Judged): boolean {
  return j.direction !== 0 && j.subject >= (j.change ? VERDICT.changeSubject : VERDICT.minimumSubject);
}

/** Best subject first, then the matcher's better passage, then document order: the same input, the same verdict. */
function bySubject(a: Judged, b: Judged): number {
  return b.subject - a.subject || b.candidate.score - a.candidate.score;
}

/** The verdict of a later inspection, visit or board review. */
function judgeInspection(subject: Subject, candidates: readonly Candidate[], cache: ReadingCache): Finding {
  const judged = judgeClauses(subject, candidates, cache).sort(bySubject);
  const evaluative = judged.filter(carries);
  const best = evaluative[0];
  if (!best) return { verdict: 'mentioned', paragraphId: candidates[0]?.id ?? null, sentence: null };
  // The clauses that judge the other way and could decide: those nearly as much on the subject as the best, and
  // those of the best one's own passage within VERDICT.samePassage of it ("… are mostly timely. However, … are in
  // their infancy"). When one of them says enough on the subject to carry a verdict of its own, the document finds
  // both: mixed. When none does, the document is not clear enough either way to be quoted: only mentioned.
  const opposite = judged.filter(
    (j) =>
      j.direction !== 0 &&
      j.direction !== best.direction &&
      (j.subject >= VERDICT.closeTo * best.subject || (j.candidate === best.candidate && j.subject >= VERDICT.samePassage * best.subject)),
  );
  if (opposite.length > 0 && !opposite.some(carries)) return { verdict: 'mentioned', paragraphId: best.candidate.id, sentence: null };
  const verdict: VerdictKind = opposite.length > 0 ? 'mixed' : best.direction > 0 ? 'improved' : 'still-a-concern';
  return { verdict, paragraphId: best.candidate.id, sentence: best.sentence };
}

/** The verdict of a council report on a recommendation of the inspection it answers. */
function judgeCouncilReport(subject: Subject, candidates: readonly Candidate[], cache: ReadingCache): Finding {
  let best: { candidate: Candidate; sentence: string; share: number } | undefined;
  for (const candidate of candidates) {
    for (const sentence of read(candidate.text, cache).sentences) {
      const share = measure(subject, stemsOf(sentence.text)).share;
      if (!best || share > best.share) best = { candidate, sentence: sentence.text, share };
    }
  }
  if (!best || best.share < VERDICT.answers) {
    return candidates[0]
      ? { verdict: 'mentioned', paragraphId: candidates[0].id, sentence: null }
      : { verdict: 'not-addressed', paragraphId: null, sentence: null };
  }
  const { candidate, sentence, share } = best;
  // An action is read in the line itself, or in its passage when the passage is about this matter alone.
  const actionText = sentences(candidate.text).length === 1 || share < VERDICT.restates ? candidate.text : sentence;
  if (matchesAny(ACTION, actionText)) return { verdict: 'action-committed', paragraphId: candidate.id, sentence };
  if (share >= VERDICT.restates) return { verdict: 'restated', paragraphId: candidate.id, sentence };
  return { verdict: 'mentioned', paragraphId: candidate.id, sentence: null };
}

/** Every clause of the candidates, best subject first, as the verdict of an inspection weighs them (for reading). */
export function rankClauses(recommendation: string, candidates: readonly Candidate[], weight: (stem: string) => number): Judged[] {
  return judgeClauses(subjectOf(recommendation, weight), candidates, newReadingCache()).sort(bySubject);
}

/**
 * The verdict of one later document on one recommendation. `candidates` are the passages of that document the
 * matcher linked, best first; `weight` gives a word stem's weight (its idf in the archive). A council report with
 * no candidate has not taken the recommendation up. `cache` keeps passages read for other recommendations.
 */
export function judge(
  recommendation: string,
  laterType: DocumentType,
  candidates: readonly Candidate[],
  weight: (stem: string) => number,
  cache: ReadingCache = newReadingCache(),
): Finding {
  let subject = cache.subjects.get(recommendation);
  if (!subject) cache.subjects.set(recommendation, (subject = subjectOf(recommendation, weight)));
  return laterType === 'council-report'
    ? judgeCouncilReport(subject, candidates, cache)
    : judgeInspection(subject, candidates, cache);
}
