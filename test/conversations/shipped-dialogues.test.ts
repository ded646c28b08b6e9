import { createFakeChannel } from '../helpers/fake-channel.js';
import { loadSnapshot, SHIPPED_KNOWLEDGE } from '../helpers/snapshot.js';
import { stepTargets } from '../../src/knowledge/validate-dialogues.js';
import { END, type Dialogue, type Step } from '../../src/knowledge/dialogue-schema.js';
import type { KnowledgeSnapshot } from '../../src/knowledge/snapshot.js';
import type { QuestionReply, Reply, SummaryReply } from '../../src/bot/replies.js';
import { encodeAction } from '../../src/bot/actions.js';
import { nextStepId, parseAnswer, type AnswerValue } from '../../src/bot/dialogues/answers.js';
import { texts } from '../../src/bot/texts.js';

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

});

/** Scripted answers by step id: a choice id, a score, several choice ids, a text, or a skip. */
type Scripted = string | readonly string[] | { text: string } | 'skip';

/**
 * Walks a shipped dialogue the way a user does, by pressing the buttons they see, and returns the summary.
 * Steps not in the script are skipped where they can be, and get their first answer where they cannot.
 */
async function summaryAfter(dialogueId: string, script: Record<string, Scripted>): Promise<SummaryReply> {
  const dialogue = snapshot.dialoguesById.get(dialogueId)!.dialogue;
  const chat = createFakeChannel({ snapshot: () => snapshot });
  let replies: Reply[] = await chat.action(encodeAction({ a: 'start', d: dialogue.id }));
  for (let guard = 0; guard < 100; guard++) {
    const summary = replies.find((r): r is SummaryReply => r.kind === 'summary');
    if (summary) return summary;
    const question = replies.find((r): r is QuestionReply => r.kind === 'question');
    if (!question) throw new Error(`no question or summary in: ${JSON.stringify(replies).slice(0, 400)}`);
    const step = dialogue.steps.find((s) => s.id === stepIdOf(question))!;
    const given = script[step.id] ?? (step.skippable ? 'skip' : undefined);
    if (step.kind === 'info') replies = await chat.click(texts.dialogue.continueLabel);
    else if (given === 'skip') replies = await chat.click(texts.dialogue.skipLabel);
    else if (step.kind === 'multi') replies = await chat.click(texts.dialogue.doneLabel, 'anna', { values: Array.isArray(given) ? [...given] : [step.choices[0]!.id] });
    else if (step.kind === 'text') replies = await chat.click(texts.dialogue.sendLabel, 'anna', { text: typeof given === 'object' && 'text' in given ? given.text : 'Een antwoord.' });
    else if (step.kind === 'scale') replies = await chat.click(typeof given === 'string' ? given : '1');
    else replies = await chat.click(step.choices.find((c) => c.id === given)?.label ?? step.choices[0]!.label);
  }
  throw new Error('dialogue did not end within 100 answers');
}

const knobs = (...scores: Array<number | 'skip'>): Record<string, Scripted> =>
  Object.fromEntries(scores.map((s, i) => [`k${i + 1}-score`, typeof s === 'number' ? String(s) : s]));

describe('shipped dialogues: the summary\'s suggestions follow the answers', () => {
  test.each<[string, string, Record<string, Scripted>, string[]]>([
    ['one knob scored 2, nothing else answered: no verdict', 'vijf-knoppen-scan', knobs(2), [
      'Niet elke knop heeft een score. Daarom wijst de bot geen knop aan om mee te beginnen.',
    ]],
    ['scores 1,1,4,4,4: two knobs tied, in the plural, and no fine-tuning', 'vijf-knoppen-scan', knobs(1, 1, 4, 4, 4), [
      'De knoppen *Visie en Informele steunnetwerken* scoren even laag (1). Kies samen met welke knop jullie beginnen.',
      'Een stevige draai past mogelijk bij elke knop met 2 of lager: *Visie en Informele steunnetwerken*.',
    ]],
    ['scores 3,2,4,4,5: one knob lowest, in the singular', 'vijf-knoppen-scan', knobs(3, 2, 4, 4, 5), [
      'De knop *Informele steunnetwerken* scoort het laagst (2). Die knop vraagt waarschijnlijk het eerst aandacht.',
      'Een stevige draai past mogelijk bij elke knop met 2 of lager: *Informele steunnetwerken*.',
    ]],
    ['every score 5: true words, no knob to win on', 'vijf-knoppen-scan', knobs(5, 5, 5, 5, 5), [
      'Alle knoppen scoren 4 of hoger. Geen knop blijft duidelijk achter. Ga wel na of partners en inwoners dat beeld delen.',
      'Geen knop scoort 2 of lager. Dan ligt fijnafstelling meer voor de hand dan een stevige draai.',
    ]],
    ['every score 3, with the follow-up answers that call for a suggestion', 'vijf-knoppen-scan', { ...knobs(3, 3, 3, 3, 3), 'k1-extra': 'nee', 'k2-extra': 'ja', 'k3-extra': 'nee', 'k4-extra': 'ingrijpend', 'k5-extra': 'verantwoorden' }, [
      'De knoppen *Visie, Informele steunnetwerken, Formele sociale infrastructuur, Gemeentelijke organisatie en Lerend vermogen* scoren even laag (3). Kies samen met welke knop jullie beginnen.',
      'Geen knop scoort 2 of lager. Dan ligt fijnafstelling meer voor de hand dan een stevige draai.',
      'De eerste stappen voor deze collegeperiode liggen nog niet vast. Spreek af welke stappen jullie in elk geval zetten. Zo blijft de visie niet alleen op papier.',
      'Jullie zien grote verschillen in zelfredzaamheid. Vraag dan niet overal hetzelfde van inwoners en hun netwerk. Houd steun achter de hand voor wie weinig mensen om zich heen heeft.',
      'Nieuwe partijen krijgen weinig ruimte. Kijk of de regels voor subsidie en inkoop hen onbedoeld buitensluiten.',
      'Jullie verwachten dat er veel moet veranderen in de eigen organisatie. Volgens de handreiking past daarbij bescheidenheid én lef. Gooi dus niet alles tegelijk om, maar laat ook niet alles bij het oude.',
      'Jullie rapportages dienen vooral om verantwoording af te leggen. Bespreek de cijfers ook met uitvoerders en sociaal werkers. Dan helpen ze ook bij leren en bijsturen.',
    ]],
    ['only "Niemand meer" still to invite', 'routeplanner-visie', { betrekken: ['niemand'] }, [
      'Volgens jullie hoeft er niemand meer aan tafel. Ga toch na of uitvoerders en bewoners de visie herkennen. De routeplanner gaat uit van een visie die de gemeente samen met hen vormt.',
    ]],
    ['residents still to invite', 'routeplanner-visie', { betrekken: ['bewoners'] }, [
      'Jullie willen nog anderen aan tafel. Betrek hen voordat de visie vastligt, en niet pas daarna.',
    ]],
    ['a cut, with activities that rest on experience: the soft side, not "visieloos"', 'routeplanner-visie', { aanleiding: 'bezuiniging', opgave: ['toegang-wmo'], onderbouwing: 'ervaring' }, [
      'Jullie denken aan strengere toegang tot hulp uit de Wet maatschappelijke ondersteuning (Wmo). Dat kan alleen binnen de wet. Na een melding moet de gemeente binnen zes weken onderzoek doen (Wmo 2015, artikel 2.3.2). De wet maakt daarbij geen uitzondering voor een leeg budget.',
      'Er ligt een bezuiniging, en jullie activiteiten steunen vooral op ervaring. Die ervaring van uitvoerders en bewoners telt mee: het is de zachte kant naast de cijfers. Schrijf per activiteit op wat inwoners kwijtraken als die stopt.',
    ]],
    ['figures and knowledge of what works: both sides', 'routeplanner-visie', { cijfers: 'monitor', inhoud: 'evaluaties' }, [
      'Jullie hebben zowel cijfers als kennis over de inhoud. Leg die twee naast elkaar. Dat is de harde én de zachte kant waar de routeplanner naar kijkt.',
    ]],
    ['"Nergens over" in doubt: agreed, and no question why', 'gespreksmodel-sociale-basis', { twijfel: ['nergens'] }, [
      'Jullie twijfelen over geen enkel onderdeel. Leg de afbakening vast en deel haar met partners die niet aan tafel zaten.',
    ]],
    ['a doubt about the wijkteam', 'gespreksmodel-sociale-basis', { twijfel: ['wijkteam'], 'twijfel-waarom': { text: 'Betaald werk.' } }, [
      'Over een of meer onderdelen twijfelen jullie nog. Maak per onderdeel een keuze en schrijf op waarom. Dan weten partners waar ze aan toe zijn.',
    ]],
    ['costs weigh most, without a case, and the role not yet discussed', 'gespreksmodel-sociale-basis', { 'doelen-rangorde': 'kosten', 'doel-kosten': 'nee', 'rol-gemeente': ['onbesproken'] }, [
      'Zorgkosten beperken weegt voor jullie het zwaarst. Dat effect is onzeker en vaak pas na jaren te zien. Laat daarom ook zien wat de sociale basis op zich oplevert, en wat ze voorkomt.',
      'Jullie verwachten dat de sociale basis zorgkosten bespaart, maar die verwachting is nog niet goed onderbouwd. Werk de beleidstheorie uit: welke activiteit leidt via welke stappen tot lagere kosten?',
      'De rol van de gemeente is nog niet besproken. Spreek af wat de gemeente zelf doet, wat ze betaalt en waar ze vooral ruimte geeft.',
    ]],
  ])('%s (%s)', async (_name, dialogueId, script, expected) => {
    const summary = await summaryAfter(dialogueId, script);
    expect(summary.complete).toBe(true);
    expect(summary.conclusions).toEqual(expected);
  });

  test('a group where one member says "Niemand meer" and another "Bewoners" gets no contradicting suggestions', async () => {
    const chat = createFakeChannel({ snapshot: () => snapshot, conversation: { key: 'team-kanaal', scope: 'channel' } });
    await chat.say('start visiegesprek', 'lead');
    for (let guard = 0; guard < 30 && !chat.text('lead').includes('Wie moet er nog aan tafel?'); guard++) await chat.click(texts.group.nextLabel, 'lead');
    await chat.click(texts.dialogue.doneLabel, 'bram', { from: 'lead', values: ['niemand'] });
    await chat.click(texts.dialogue.doneLabel, 'chris', { from: 'lead', values: ['bewoners'] });
    await chat.click(texts.group.closeLabel, 'lead');
    const summary = chat.last('lead').find((r): r is SummaryReply => r.kind === 'summary')!;
    expect(summary.items.at(-1)).toMatchObject({ title: 'Wie nog aan tafel moet', lines: ['2 antwoorden', 'Bewoners: 1', 'Niemand meer: 1'] });
    expect(summary.conclusions).toEqual(['Jullie willen nog anderen aan tafel. Betrek hen voordat de visie vastligt, en niet pas daarna.']);
  });

  test('"Nergens over" leads past the question what makes a doubt hard; a doubt leads to it', async () => {
    const titles = async (twijfel: readonly string[]) => (await summaryAfter('gespreksmodel-sociale-basis', { twijfel })).items.map((i) => i.title);
    expect(await titles(['nergens'])).not.toContain('Wat het lastig maakt');
    expect(await titles(['amw'])).toContain('Wat het lastig maakt');
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
