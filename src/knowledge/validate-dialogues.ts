import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { END, dialogueSchema, type Condition, type Dialogue, type Step } from './dialogue-schema.js';
import type { Problem } from './problems.js';
import { fieldOf } from './validate-concepts.js';
import type { PathSegment, YamlFile } from './yaml-file.js';
import { foldText } from './normalize.js';

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
    const parsed = dialogueSchema.safeParse(yaml.data);
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
      if (other && other !== dialogue.id) report(path, `"${name}" is also a name of dialogue "${other}"`);
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

function issueProblem(yaml: YamlFile, label: string, issue: z.core.$ZodIssue): Problem {
  const path = issue.path.filter((p): p is PathSegment => typeof p !== 'symbol');
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    return yaml.problemAt([...path, key], fieldOf(label, [...path, key]), `unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')} (check the spelling)`);
  }
  const message = issue.code === 'invalid_type' && issue.input === undefined ? `the field "${String(path.at(-1) ?? '')}" is missing` : issue.message;
  return yaml.problemAt(path, fieldOf(label, path), message);
}

function checkSteps(dialogue: Dialogue, conceptIds: ReadonlySet<string>, report: Report): void {
  const seen = new Map<string, number>();
  dialogue.steps.forEach((step, i) => {
    if (step.id === END) report(['steps', i, 'id'], `"${END}" is reserved for the end of the dialogue; choose another step id`);
    if (seen.has(step.id)) report(['steps', i, 'id'], `the step id "${step.id}" is already used by step ${seen.get(step.id)! + 1}`);
    else seen.set(step.id, i);
    if (step.kind === 'choice' || step.kind === 'multi') {
      const choiceIds = new Set<string>();
      step.choices.forEach((c, j) => {
        if (choiceIds.has(c.id)) report(['steps', i, 'choices', j, 'id'], `the choice id "${c.id}" appears twice in this step`);
        choiceIds.add(c.id);
        if (c.next !== undefined && step.kind === 'multi') report(['steps', i, 'choices', j, 'next'], 'only choice steps can have a next per answer; use branches on a multi step');
      });
    }
    step.concepts.forEach((id, j) => {
      if (!conceptIds.has(id)) report(['steps', i, 'concepts', j], `there is no concept with id "${id}"`);
    });
  });
  dialogue.concepts.forEach((id, j) => {
    if (!conceptIds.has(id)) report(['concepts', j], `there is no concept with id "${id}"`);
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
      else report(path, `there is no step with id "${target}" (use "${END}" to end the dialogue)`);
    }
    edges.set(step.id, valid);
    step.branches.forEach((b, j) => b.when.forEach((c, k) => checkCondition(dialogue, indexOf, c, i, ['steps', i, 'branches', j, 'when', k], report)));
  });

  const reached = walk(dialogue.steps[0]!.id, (id) => edges.get(id) ?? []);
  const reverse = new Map<string, string[]>();
  for (const [from, tos] of edges) for (const to of tos) reverse.set(to, [...(reverse.get(to) ?? []), from]);
  const canEnd = walk(END, (id) => reverse.get(id) ?? []);
  dialogue.steps.forEach((step, i) => {
    if (!reached.has(step.id)) report(['steps', i, 'id'], `step "${step.id}" can never be reached from the first step`);
    else if (!canEnd.has(step.id)) report(['steps', i, 'id'], `step "${step.id}" is in a loop that never reaches the end`);
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
  if (target === undefined) return report([...path, 'step'], `there is no step with id "${c.step}"`);
  const step: Step = dialogue.steps[target]!;
  if (from >= 0 && target > from) report([...path, 'step'], `step "${c.step}" comes later in the list, so it has no answer yet`);
  if (step.kind === 'info') report([...path, 'step'], `step "${c.step}" is an info step and has no answer`);
  if (c.in) {
    if (step.kind !== 'choice' && step.kind !== 'multi') report([...path, 'in'], `"in" only works on choice and multi steps; "${c.step}" is a ${step.kind} step`);
    else c.in.forEach((id, j) => {
      if (!step.choices.some((ch) => ch.id === id)) report([...path, 'in', j], `step "${c.step}" has no choice "${id}"`);
    });
  }
  if ((c.min !== undefined || c.max !== undefined) && step.kind !== 'scale') report([...path, c.min !== undefined ? 'min' : 'max'], `min and max only work on scale steps; "${c.step}" is a ${step.kind} step`);
}

function checkConclusions(dialogue: Dialogue, report: Report): void {
  const indexOf = new Map(dialogue.steps.map((s, i) => [s.id, i]));
  dialogue.conclusions.forEach((conclusion, i) => {
    if (conclusion.kind === 'rule') {
      conclusion.when.forEach((c, k) => checkCondition(dialogue, indexOf, c, -1, ['conclusions', i, 'when', k], report));
      return;
    }
    conclusion.steps.forEach((id, j) => {
      const step = dialogue.steps[indexOf.get(id) ?? -1];
      if (!step) report(['conclusions', i, 'steps', j], `there is no step with id "${id}"`);
      else if (step.kind !== 'scale') report(['conclusions', i, 'steps', j], `"${id}" is a ${step.kind} step; ${conclusion.kind} works on scale steps`);
    });
  });
}

function hashOf(dialogue: Dialogue): string {
  return createHash('sha256').update(JSON.stringify(dialogue)).digest('hex').slice(0, 12);
}
