import type { Abbreviation } from '../abbreviations.js';
import type { Concept } from '../schema.js';
import type { Dialogue } from '../dialogue-schema.js';
import { compareProblems, type Problem } from '../problems.js';
import type { YamlFile } from '../yaml-file.js';
import { abbreviationWarnings } from './abbreviations-rule.js';
import { conceptAnswers, dialogueEntries } from './content-input.js';
import { CONTENT_RULES, type ContentReport, type ContentRule } from './content-report.js';
import { duplicateSentenceWarnings } from './duplicate-sentences-rule.js';
import { plainLanguageWarnings } from './plain-language-rule.js';
import { combinedFigures, createReadabilityTally } from './readability.js';
import { sourceWarnings } from './sources-rule.js';
import { teamAddressWarnings } from './team-address-rule.js';

export interface ContentInput {
  /** The parsed files, to point at a line; the concepts and dialogues that passed validation, to check. */
  readonly conceptFiles: readonly YamlFile[];
  readonly concepts: readonly Concept[];
  readonly dialogueFiles: readonly YamlFile[];
  readonly dialogues: readonly Dialogue[];
  readonly abbreviations: readonly Abbreviation[];
}

/** Runs every content rule over the valid concepts and dialogues and measures the readability totals. */
export function checkContent(input: ContentInput): ContentReport {
  const tallies = { short: createReadabilityTally(), explanation: createReadabilityTally() };
  const answers = conceptAnswers(input.conceptFiles, input.concepts, tallies);
  const found: Record<ContentRule, Problem[]> = {
    sources: sourceWarnings(answers),
    readability: plainLanguageWarnings(answers),
    abbreviations: abbreviationWarnings(answers, input.abbreviations),
    'team-address': teamAddressWarnings(dialogueEntries(input.dialogueFiles, input.dialogues)),
    'duplicate-sentences': duplicateSentenceWarnings(answers),
  };
  return {
    warnings: CONTENT_RULES.flatMap((rule) => found[rule].map((p) => ({ ...p, rule }))).sort(compareProblems),
    warningsPerRule: Object.fromEntries(CONTENT_RULES.map((rule) => [rule, found[rule].length])) as Record<ContentRule, number>,
    readability: { short: tallies.short.figures(), explanation: tallies.explanation.figures(), all: combinedFigures([tallies.short, tallies.explanation]) },
  };
}
