import type { KnowledgeSnapshot } from '../knowledge/snapshot.js';
import type { Store } from '../storage/port.js';
import { encodeAction } from './actions.js';
import { stepById } from './dialogues/answers.js';
import type { PersonalState } from './dialogues/personal.js';
import type { Actor } from './events.js';
import { userPrefix } from './keys.js';
import type { HomeView } from './replies.js';
import { texts } from './texts.js';

/** The dialogues to start and the user's unfinished runs, newest first. */
export async function homeView(actor: Actor, snapshot: KnowledgeSnapshot, store: Store): Promise<HomeView> {
  const unfinished: Array<HomeView['unfinished'][number]> = [];
  for (const key of await store.list(userPrefix(actor))) {
    const run = (await store.get<PersonalState>(key))?.active;
    if (!run) continue;
    const dialogue = snapshot.dialoguesById.get(run.dialogueId)?.dialogue;
    unfinished.push({ dialogueTitle: run.dialogueTitle, stepTitle: (dialogue && stepById(dialogue, run.stepId)?.title) ?? '', updatedAt: run.updatedAt });
  }
  unfinished.sort((a, b) => b.updatedAt - a.updatedAt);
  return {
    intro: texts.menu.welcome,
    dialogues: snapshot.dialogues.map((d) => ({ label: texts.menu.startLabel(d.title), payload: encodeAction({ a: 'start', d: d.id }) })),
    unfinished,
    ...(unfinished.length > 0 ? { resume: { label: texts.dialogue.goOn, payload: encodeAction({ a: 'cmd', c: 'resume' }), style: 'primary' as const } } : {}),
  };
}
