import { createHash } from 'node:crypto';
import { END, dialogueSchema, type Conclusion, type Condition, type Dialogue, type Step } from './dialogue-schema.js';
import type { Problem } from './problems.js';
import { fieldOf, issueProblem } from './validate-concepts.js';
import type { PathSegment, YamlFile } from './yaml-file.js';
import { foldText } from './normalize.js';
import { dutchIssue } from './messages.js';

export interface ValidDialogue {
  readonly dialogue: Dialogue;
  /** Hash of this dialogue's definition: a session pinned to it notices when it changed. */
  readonly hash: string;
}

export interface DialogueValidation {
  readonly dialogues: readonly ValidDialogue[];
  readonly problems: readonly Problem[];
}

type Report = (path: readonly PathSegment[], message: string) => void;

/** Validates every dialogue file: the schema, then the step graph and every reference, all in one pass. */
export function validateDialogues(files: readonly YamlFile[], conceptIds: ReadonlySet<string>): DialogueValidation {
  const problems: Problem[] = [];
  const dialogues: ValidDialogue[] = [];
  const names = new Map<string, string>();

  for (const yaml of files) {
    const parsed = dialogueSchema.safeParse(yaml.data, { error: dutchIssue });
    const label = dialogueLabel(yaml.data, yaml.file);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push(issueProblem(yaml, label, issue));
      continue;
    }
    const dialogue = parsed.data;
    const before = problems.length;
    const report: Report = (path, message) => problems.push(yaml.problemAt(path, fieldOf(dialogue.id, path), message));
    checkSteps(dialogue, conceptIds, report);
    checkGraph(dialogue, report);
    checkConclusions(dialogue, report);
    for (const [i, name] of [dialogue.id, dialogue.title, ...dialogue.aliases].entries()) {
      const key = foldText(name);
      const other = names.get(key);
      const path = i === 0 ? ['id'] : i === 1 ? ['title'] : ['aliases', i - 2];
      if (other && other !== dialogue.id) report(path, `"${name}" is ook een naam van gesprek "${other}"; een naam mag bij maar één gesprek horen`);
      else names.set(key, dialogue.id);
    }
    if (problems.length === before) dialogues.push({ dialogue, hash: hashOf(dialogue) });
  }
  return { dialogues, problems };
}

function dialogueLabel(raw: unknown, file: string): string {
  const id = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>)['id'] : undefined;
  return typeof id === 'string' && id ? id : file.replace(/^.*\//, '').replace(/\.ya?ml$/i, '');
}

function checkSteps(dialogue: Dialogue, conceptIds: ReadonlySet<string>, report: Report): void {
  const seen = new Map<string, number>();
  dialogue.steps.forEach((step, i) => {
    if (step.id === END) report(['steps', i, 'id'], `"${END}" is gereserveerd voor het einde van het gesprek; kies een andere id voor deze stap`);
    if (seen.has(step.id)) report(['steps', i, 'id'], `de id "${step.id}" wordt al gebruikt door stap ${seen.get(step.id)! + 1}`);
    else seen.set(step.id, i);
    if (step.kind === 'choice' || step.kind === 'multi') {
      const choiceIds = new Set<string>();
      step.choices.forEach((c, j) => {
        if (choiceIds.has(c.id)) report(['steps', i, 'choices', j, 'id'], `de keuze "${c.id}" staat twee keer in deze stap`);
        choiceIds.add(c.id);
        if (c.next !== undefined && step.kind === 'multi') report(['steps', i, 'choices', j, 'next'], 'alleen een choice-stap kan per antwoord een "next" hebben; gebruik "branches" bij een multi-stap');
        if (c.exclusive && step.kind === 'choice') report(['steps', i, 'choices', j, 'exclusive'], '"exclusive" werkt alleen bij een multi-stap; bij een choice-stap kiest iemand altijd één antwoord');
      });
    }
    step.concepts.forEach((id, j) => {
      if (!conceptIds.has(id)) report(['steps', i, 'concepts', j], `er is geen begrip met id "${id}"`);
    });
  });
  dialogue.concepts.forEach((id, j) => {
    if (!conceptIds.has(id)) report(['concepts', j], `er is geen begrip met id "${id}"`);
  });
}

/** Every target a step can lead to, with the YAML path that names it. */
export function stepTargets(dialogue: Dialogue, index: number): Array<{ target: string; path: PathSegment[] }> {
  const step = dialogue.steps[index]!;
  const targets: Array<{ target: string; path: PathSegment[] }> = [];
  step.branches.forEach((b, j) => targets.push({ target: b.next, path: ['steps', index, 'branches', j, 'next'] }));
  if (step.kind === 'choice') step.choices.forEach((c, j) => c.next && targets.push({ target: c.next, path: ['steps', index, 'choices', j, 'next'] }));
  targets.push({ target: defaultNext(dialogue, index), path: ['steps', index, step.next ? 'next' : 'id'] });
  return targets;
}

export function defaultNext(dialogue: Dialogue, index: number): string {
  return dialogue.steps[index]!.next ?? dialogue.steps[index + 1]?.id ?? END;
}

function checkGraph(dialogue: Dialogue, report: Report): void {
  const indexOf = new Map(dialogue.steps.map((s, i) => [s.id, i]));
  const edges = new Map<string, string[]>();
  dialogue.steps.forEach((step, i) => {
    const valid: string[] = [];
    for (const { target, path } of stepTargets(dialogue, i)) {
      if (target === END || indexOf.has(target)) valid.push(target);
      else report(path, `er is geen stap met id "${target}" (gebruik "${END}" om het gesprek te beëindigen)`);
    }
    edges.set(step.id, valid);
    step.branches.forEach((b, j) => b.when.forEach((c, k) => checkCondition(dialogue, indexOf, c, i, ['steps', i, 'branches', j, 'when', k], report)));
  });

  const reached = walk(dialogue.steps[0]!.id, (id) => edges.get(id) ?? []);
  const reverse = new Map<string, string[]>();
  for (const [from, tos] of edges) for (const to of tos) reverse.set(to, [...(reverse.get(to) ?? []), from]);
  const canEnd = walk(END, (id) => reverse.get(id) ?? []);
  dialogue.steps.forEach((step, i) => {
    if (!reached.has(step.id)) report(['steps', i, 'id'], `stap "${step.id}" is vanaf de eerste stap nooit te bereiken; laat een "next" of "branches" ernaar leiden, of haal de stap weg`);
    else if (!canEnd.has(step.id)) report(['steps', i, 'id'], `stap "${step.id}" zit in een lus die nooit bij het einde uitkomt; laat een van de stappen in de lus verder leiden`);
  });
}

function walk(start: string, next: (id: string) => readonly string[]): Set<string> {
  const seen = new Set<string>([start]);
  const queue = [start];
  while (queue.length > 0) {
    for (const n of next(queue.shift()!)) {
      if (seen.has(n)) continue;
      seen.add(n);
      queue.push(n);
    }
  }
  return seen;
}

function checkCondition(
  dialogue: Dialogue,
  indexOf: ReadonlyMap<string, number>,
  c: Condition,
  from: number,
  path: PathSegment[],
  report: Report,
): void {
  const target = indexOf.get(c.step);
  if (target === undefined) return report([...path, 'step'], `er is geen stap met id "${c.step}"`);
  const step: Step = dialogue.steps[target]!;
  if (from >= 0 && target > from) report([...path, 'step'], `stap "${c.step}" komt later in de lijst, dus daar is nog geen antwoord op`);
  if (step.kind === 'info') report([...path, 'step'], `stap "${c.step}" is een info-stap en heeft geen antwoord`);
  if (c.in) {
    if (step.kind !== 'choice' && step.kind !== 'multi') report([...path, 'in'], `"in" werkt alleen bij choice- en multi-stappen; "${c.step}" is een ${step.kind}-stap`);
    else c.in.forEach((id, j) => {
      if (!step.choices.some((ch) => ch.id === id)) report([...path, 'in', j], `stap "${c.step}" heeft geen keuze "${id}"`);
    });
  }
  if ((c.min !== undefined || c.max !== undefined) && step.kind !== 'scale') report([...path, c.min !== undefined ? 'min' : 'max'], `"min" en "max" werken alleen bij scale-stappen; "${c.step}" is een ${step.kind}-stap`);
}

function checkConclusions(dialogue: Dialogue, report: Report): void {
  const indexOf = new Map(dialogue.steps.map((s, i) => [s.id, i]));
  dialogue.conclusions.forEach((conclusion, i) => {
    const at = (...path: PathSegment[]): PathSegment[] => ['conclusions', i, ...path];
    checkPlaceholders(conclusion, (field, message) => report(at(field), message));
    if (conclusion.kind === 'rule') {
      conclusion.when.forEach((c, k) => checkCondition(dialogue, indexOf, c, -1, at('when', k), report));
      conclusion.unless.forEach((c, k) => checkCondition(dialogue, indexOf, c, -1, at('unless', k), report));
      return;
    }
    conclusion.steps.forEach((id, j) => {
      const step = dialogue.steps[indexOf.get(id) ?? -1];
      if (!step) report(at('steps', j), `er is geen stap met id "${id}"`);
      else if (step.kind !== 'scale') report(at('steps', j), `"${id}" is een ${step.kind}-stap; "${conclusion.kind}" werkt alleen met scale-stappen`);
    });
    const steps = new Set(conclusion.steps).size;
    if (conclusion.minAnswered !== undefined && conclusion.minAnswered > steps) report(at('minAnswered'), `"minAnswered" is ${conclusion.minAnswered}, maar de conclusie kijkt naar ${steps} ${steps === 1 ? 'stap' : 'stappen'}; zo verschijnt ze nooit`);
    if (conclusion.kind === 'count' && conclusion.atLeast > steps) report(at('atLeast'), `"atLeast" is ${conclusion.atLeast}, maar de conclusie telt ${steps} ${steps === 1 ? 'stap' : 'stappen'}; zo verschijnt "text" nooit`);
    if (conclusion.kind === 'lowest' && (conclusion.highFrom === undefined) !== (conclusion.allHigh === undefined)) {
      report(at(conclusion.highFrom === undefined ? 'allHigh' : 'highFrom'), '"highFrom" en "allHigh" horen bij elkaar: geef de score vanaf waar alles hoog is én de tekst die de bot dan zegt');
    }
  });
}

/** The `{...}` placeholders each text of a conclusion may use; any other would reach the user unfilled. */
function placeholdersOf(conclusion: Conclusion): Record<string, readonly string[]> {
  switch (conclusion.kind) {
    case 'rule':
      return { text: [] };
    case 'lowest':
      return { text: ['title', 'score'], tied: ['title', 'score'], allHigh: ['score'], tooFew: [] };
    case 'count':
      return { text: ['title'], otherwise: [], tooFew: [] };
  }
}

function checkPlaceholders(conclusion: Conclusion, report: (field: string, message: string) => void): void {
  for (const [field, allowed] of Object.entries(placeholdersOf(conclusion))) {
    const value = (conclusion as Record<string, unknown>)[field];
    if (typeof value !== 'string') continue;
    for (const [, name] of value.matchAll(/\{([^{}\s]*)\}/g)) {
      if (allowed.includes(name!)) continue;
      report(field, allowed.length > 0 ? `"{${name}}" wordt hier niet ingevuld; gebruik ${allowed.map((n) => `{${n}}`).join(' of ')}` : `"{${name}}" wordt hier niet ingevuld; in deze tekst vult de bot niets in`);
    }
  }
}

function hashOf(dialogue: Dialogue): string {
  return createHash('sha256').update(JSON.stringify(dialogue)).digest('hex').slice(0, 12);
}
