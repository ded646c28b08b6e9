import { END, type Dialogue, type Step } from '../../knowledge/dialogue-schema.js';
import type { TallyCount } from '../replies.js';
import { answerFits, displayAnswer, nextStepId, stepById, type AnswerValue } from './answers.js';

/** A group dialogue in a channel or group chat: everyone answers, the lead moves on. Plain JSON. */
export interface GroupSession {
  readonly id: string;
  readonly dialogueId: string;
  readonly dialogueTitle: string;
  readonly hash: string;
  readonly leadId: string;
  readonly leadName: string;
  /** The lead chose to show names in the summary. */
  readonly named: boolean;
  readonly stepId: string;
  readonly history: readonly string[];
  /** step id -> member id -> answer. One answer per member, changeable until the lead moves on. */
  readonly votes: Readonly<Record<string, Readonly<Record<string, Vote>>>>;
  /** Title and prompt of every step shown, so the summary survives a changed dialogue. */
  readonly shown: Readonly<Record<string, { title: string; prompt: string }>>;
  readonly closed: boolean;
  /** Grows with every change, so a renderer can drop a tally update that arrives after a newer one. */
  readonly seq: number;
  readonly startedAt: number;
  readonly updatedAt: number;
}

export interface Vote {
  readonly name: string;
  readonly value: AnswerValue;
  /** The answer as shown when given, so a summary survives a removed dialogue. */
  readonly display: string;
}

export function startSession(dialogue: Dialogue, hash: string, id: string, lead: { id: string; name: string }, named: boolean, now: number): GroupSession {
  const first = dialogue.steps[0]!;
  return {
    id, dialogueId: dialogue.id, dialogueTitle: dialogue.title, hash, leadId: lead.id, leadName: lead.name, named,
    stepId: first.id, history: [], votes: {}, shown: { [first.id]: shownOf(first) }, closed: false, seq: 0, startedAt: now, updatedAt: now,
  };
}

function shownOf(step: Step): { title: string; prompt: string } {
  return { title: step.title, prompt: 'prompt' in step ? step.prompt : step.text };
}

export function vote(session: GroupSession, step: Step, member: { id: string; name: string }, value: AnswerValue, now: number): GroupSession {
  const entry: Vote = { name: member.name, value, display: displayAnswer(step, value) };
  const votes = { ...session.votes, [step.id]: { ...(session.votes[step.id] ?? {}), [member.id]: entry } };
  return { ...session, votes, seq: session.seq + 1, updatedAt: now };
}

/** The group's answer to a step, for branches and conclusions: most chosen choice, all chosen options, lower median score. */
export function groupAnswer(session: GroupSession, step: Step | undefined): AnswerValue | undefined {
  if (!step) return undefined;
  const values = Object.values(session.votes[step.id] ?? {}).map((v) => v.value).filter((v) => v.kind !== 'skipped');
  if (values.length === 0) return session.history.includes(step.id) ? { kind: 'skipped' } : undefined;
  switch (step.kind) {
    case 'choice': {
      const counts = step.choices.map((c) => ({ id: c.id, n: values.filter((v) => v.kind === 'choice' && v.id === c.id).length }));
      const best = counts.reduce((a, b) => (b.n > a.n ? b : a));
      return { kind: 'choice', id: best.id };
    }
    case 'multi':
      return { kind: 'multi', ids: step.choices.filter((c) => values.some((v) => v.kind === 'multi' && v.ids.includes(c.id))).map((c) => c.id) };
    case 'scale': {
      const scores = values.flatMap((v) => (v.kind === 'scale' ? [v.score] : [])).sort((a, b) => a - b);
      return { kind: 'scale', score: scores[Math.floor((scores.length - 1) / 2)]! };
    }
    case 'text':
      return values[0];
    case 'info':
      return undefined;
  }
}

export function advanceSession(session: GroupSession, dialogue: Dialogue, now: number): GroupSession {
  const stepId = nextStepId(dialogue, session.stepId, (id) => groupAnswer(session, stepById(dialogue, id)));
  const next = stepById(dialogue, stepId);
  return {
    ...session,
    stepId,
    history: [...session.history, session.stepId],
    shown: next ? { ...session.shown, [next.id]: shownOf(next) } : session.shown,
    closed: stepId === END,
    seq: session.seq + 1,
    updatedAt: now,
  };
}

export function closeSession(session: GroupSession, now: number): GroupSession {
  return { ...session, closed: true, history: session.stepId === END ? session.history : [...session.history, session.stepId], seq: session.seq + 1, updatedAt: now };
}

/** Counts per option (choice, multi), per score (scale); free-text answers listed, named only if chosen. */
export function tallyOf(session: GroupSession, step: Step): { counts: TallyCount[]; texts: string[]; respondents: number } {
  const votes = Object.values(session.votes[step.id] ?? {});
  const texts = votes.flatMap((v) => (v.value.kind === 'text' ? [session.named ? `${v.name}: ${v.value.text}` : v.value.text] : []));
  let counts: TallyCount[] = [];
  if (step.kind === 'choice' || step.kind === 'multi') {
    counts = step.choices.map((c) => ({
      label: c.label,
      count: votes.filter((v) => (v.value.kind === 'choice' && v.value.id === c.id) || (v.value.kind === 'multi' && v.value.ids.includes(c.id))).length,
    }));
  } else if (step.kind === 'scale') {
    counts = [1, 2, 3, 4, 5].map((n) => ({ label: String(n), count: votes.filter((v) => v.value.kind === 'scale' && v.value.score === n).length }));
  }
  const skipped = votes.filter((v) => v.value.kind === 'skipped').length;
  if (skipped > 0) counts.push({ label: 'overgeslagen', count: skipped });
  return { counts, texts, respondents: votes.length };
}

/** Moves a session onto a changed definition of its dialogue: votes that no longer fit are dropped. */
export function migrateSession(session: GroupSession, dialogue: Dialogue, hash: string, now: number): GroupSession {
  const votes: Record<string, Record<string, Vote>> = {};
  for (const [stepId, byMember] of Object.entries(session.votes)) {
    const step = stepById(dialogue, stepId);
    if (!step) continue;
    const kept = Object.entries(byMember).filter(([, v]) => answerFits(step, v.value));
    if (kept.length > 0) votes[stepId] = Object.fromEntries(kept.map(([id, v]) => [id, { ...v, display: displayAnswer(step, v.value) }]));
  }
  const history = session.history.filter((id) => stepById(dialogue, id));
  let stepId = session.stepId;
  if (stepId !== END && !stepById(dialogue, stepId)) {
    const last = history.at(-1);
    const moved = { ...session, votes };
    stepId = last === undefined ? dialogue.steps[0]!.id : nextStepId(dialogue, last, (id) => groupAnswer(moved, stepById(dialogue, id)));
  }
  const current = stepById(dialogue, stepId);
  const shown = current ? { ...session.shown, [current.id]: shownOf(current) } : session.shown;
  return { ...session, dialogueTitle: dialogue.title, hash, votes, history, stepId, shown, closed: session.closed || stepId === END, seq: session.seq + 1, updatedAt: now };
}
