import { createFakeChannel } from '../helpers/fake-channel.js';
import { loadSnapshot, SHIPPED_KNOWLEDGE } from '../helpers/snapshot.js';
import { stepTargets } from '../../src/knowledge/validate-dialogues.js';
import { END, type Dialogue, type Step } from '../../src/knowledge/dialogue-schema.js';
import type { KnowledgeSnapshot } from '../../src/knowledge/snapshot.js';
import type { QuestionReply, Reply, SummaryReply } from '../../src/bot/replies.js';
import { encodeAction } from '../../src/bot/actions.js';
import { nextStepId, parseAnswer, type AnswerValue } from '../../src/bot/dialogues/answers.js';

/**
 * Every shipped dialogue walked to its summary along each branch: one walk per answer variant of every step
 * (each choice, scale 1/3/5, each single option of a multi), default answers elsewhere. Together the walks
 * must cover every edge of the dialogue's step graph.
 */

let snapshot: KnowledgeSnapshot;
beforeAll(async () => {
  snapshot = await loadSnapshot(SHIPPED_KNOWLEDGE);
});

type Answer = { value?: string; values?: string[]; text?: string };

function variants(step: Step): Answer[] {
  switch (step.kind) {
    case 'choice':
      return step.choices.map((c) => ({ value: c.id }));
    case 'multi':
      return step.choices.map((c) => ({ values: [c.id] }));
    case 'scale':
      return [{ value: '1' }, { value: '3' }, { value: '5' }];
    case 'text':
      return [{ text: `Antwoord bij ${step.title}` }];
    case 'info':
      return [{}];
  }
}

function stepIdOf(q: QuestionReply): string {
  const payload = q.input.kind === 'choice' || q.input.kind === 'scale' ? q.input.options[0]!.payload : q.input.kind === 'multi' || q.input.kind === 'text' ? q.input.submit.payload : q.actions[0]!.payload;
  return (JSON.parse(payload) as { s: string }).s;
}

/** Walks a dialogue, answering `override` at step `at` and the first variant elsewhere. Returns the edges taken and the summary. */
async function walk(dialogue: Dialogue, at?: string, override?: Answer): Promise<{ edges: string[]; summary: SummaryReply; answered: string[] }> {
  const chat = createFakeChannel({ snapshot: () => snapshot });
  let replies: Reply[] = await chat.action(encodeAction({ a: 'start', d: dialogue.id }));
  const edges: string[] = [];
  const answered: string[] = [];
  const given = new Map<string, AnswerValue>();
  for (let guard = 0; guard < 200; guard++) {
    const summary = replies.find((r): r is SummaryReply => r.kind === 'summary');
    if (summary) return { edges, summary, answered };
    const question = replies.find((r): r is QuestionReply => r.kind === 'question');
    if (!question) throw new Error(`no question or summary in: ${JSON.stringify(replies).slice(0, 400)}`);
    const id = stepIdOf(question);
    const step = dialogue.steps.find((s) => s.id === id)!;
    const answer = id === at && override ? override : steer(dialogue, step, given, at) ?? variants(step)[0]!;
    const value = parseAnswer(step, answer);
    if (value) given.set(id, value);
    if (step.kind !== 'info') answered.push(id);
    replies = await chat.action(encodeAction({ a: 'ans', r: 'id1', s: id, ...(answer.value !== undefined ? { v: answer.value } : {}) }), 'anna', { values: answer.values, text: answer.text });
    const next = replies.find((r): r is QuestionReply => r.kind === 'question');
    edges.push(`${id}->${next ? stepIdOf(next) : END}`);
  }
  throw new Error('dialogue did not end within 200 answers');
}

describe('shipped dialogues', () => {
  test('there are at least three dialogues of at least eight steps, with every step kind between them', () => {
    expect(snapshot.dialogues.length).toBeGreaterThanOrEqual(3);
    for (const d of snapshot.dialogues) expect(d.steps.length).toBeGreaterThanOrEqual(8);
    const kinds = new Set(snapshot.dialogues.flatMap((d) => d.steps.map((s) => s.kind)));
    expect([...kinds].sort()).toEqual(['choice', 'info', 'multi', 'scale', 'text']);
  });

  test.each(['routeplanner-visie', 'gespreksmodel-sociale-basis', 'vijf-knoppen-scan'])('%s: walks along every branch reach a summary, covering every edge', async (id) => {
    const dialogue = snapshot.dialoguesById.get(id)!.dialogue;
    expect(dialogue).toBeDefined();
    const covered = new Set<string>();
    const walks = [await walk(dialogue), ...(await Promise.all(dialogue.steps.flatMap((s) => variants(s).slice(1).map((v) => walk(dialogue, s.id, v)))))];
    for (const w of walks) {
      w.edges.forEach((e) => covered.add(e));
      expect(w.summary.complete).toBe(true);
      // every answer given appears in the summary, in the order given
      expect(w.summary.items.map((i) => i.title)).toEqual(w.answered.map((sid) => dialogue.steps.find((s) => s.id === sid)!.title));
    }
    const all = dialogue.steps.flatMap((s, i) => stepTargets(dialogue, i).map((t) => `${s.id}->${t.target}`));
    // a default edge that no answer can take (every choice has its own next) is not a real branch
    const reachable = all.filter((e) => !isShadowedDefault(dialogue, e));
    expect(reachable.filter((e) => !covered.has(e))).toEqual([]);
  });

  test('vijf-knoppen-scan concludes with the knob to turn first and stevige draai or fijnafstelling', async () => {
    const d = snapshot.dialoguesById.get('vijf-knoppen-scan')!.dialogue;
    const low = await walk(d); // default answers: every scale 1
    expect(low.summary.conclusions.join('\n')).toMatch(/Begin hier: de knop \*Visie, Informele steunnetwerken, Formele sociale infrastructuur, Gemeentelijke organisatie en Lerend vermogen\* scoort het laagst \(1\)/);
    expect(low.summary.conclusions.join('\n')).toContain('Een stevige draai past');
    const one = await walk(d, 'k3-score', { value: '5' });
    expect(one.summary.conclusions.join('\n')).toContain('Een stevige draai past');
  });
});

/** Before the step under test is reached, the first answer variant from which the engine's own branching still leads there. */
function steer(dialogue: Dialogue, step: Step, given: ReadonlyMap<string, AnswerValue>, target: string | undefined): Answer | undefined {
  if (!target || given.has(target) || step.id === target) return undefined;
  const budget = { calls: 0 };
  for (const v of variants(step)) {
    const answers = withAnswer(given, step, v);
    if (visits(dialogue, nextStepId(dialogue, step.id, (id) => answers.get(id)), answers, target, budget)) return v;
  }
  return undefined;
}

function withAnswer(given: ReadonlyMap<string, AnswerValue>, step: Step, v: Answer): Map<string, AnswerValue> {
  const answers = new Map(given);
  const value = parseAnswer(step, v);
  if (value) answers.set(step.id, value);
  return answers;
}

/** Depth-first: can some sequence of answer variants from `stepId` reach `target`, following the real branching? */
function visits(dialogue: Dialogue, stepId: string, given: ReadonlyMap<string, AnswerValue>, target: string, budget: { calls: number }): boolean {
  if (stepId === target) return true;
  if (stepId === END || ++budget.calls > 20_000) return false;
  const step = dialogue.steps.find((s) => s.id === stepId)!;
  return variants(step).some((v) => {
    const answers = withAnswer(given, step, v);
    return visits(dialogue, nextStepId(dialogue, step.id, (id) => answers.get(id)), answers, target, budget);
  });
}

/** A step's default edge when the step is a choice whose every choice has its own next. */
function isShadowedDefault(dialogue: Dialogue, edge: string): boolean {
  const [from, to] = edge.split('->');
  const step = dialogue.steps.find((s) => s.id === from)!;
  if (step.kind !== 'choice' || !step.choices.every((c) => c.next)) return false;
  if (step.choices.some((c) => c.next === to) || step.branches.some((b) => b.next === to)) return false;
  // skipping still takes the default edge: only shadowed when the step cannot be skipped
  return !step.skippable;
}
