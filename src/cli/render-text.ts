import { assertNever, type Action, type ExpertAnswerReply, type ExpertConsentReply, type ExpertQuestionReply, type Reply } from '../bot/replies.js';
import { texts } from '../bot/texts.js';

export interface RenderedText {
  readonly text: string;
  /** Buttons in the order of their letters (a, b, c ...): typing the letter clicks the button. */
  readonly buttons: readonly Action[];
}

/**
 * Replies as plain text for the terminal. Answer options of a question are numbered (typing the number
 * answers, as in chat); every other button gets a letter.
 */
export function renderText(replies: readonly Reply[]): RenderedText {
  const out: string[] = [];
  const buttons: Action[] = [];
  const button = (a: Action): string => {
    buttons.push(a);
    return `[${String.fromCharCode(96 + buttons.length)}] ${a.label}`;
  };
  const buttonLine = (actions: readonly Action[]): void => {
    if (actions.length > 0) out.push(actions.map(button).join('   '));
  };
  for (const reply of replies) {
    switch (reply.kind) {
      case 'answer':
        out.push(`== ${reply.term} ==`, reply.short, '', reply.explanation.trim());
        if (!reply.verified) out.push('', texts.lookup.unverified);
        if (reply.sources.length > 0) out.push('', `${texts.lookup.sources}:`, ...reply.sources.map((s) => `  - ${s.title}${s.url ? ` <${s.url}>` : ''}`));
        if (reply.related.length > 0) out.push('', `${texts.lookup.related}:`);
        buttonLine(reply.related);
        if (reply.feedback) out.push(`${reply.feedback.prompt} ${[reply.feedback.yes, reply.feedback.no].map(button).join('   ')}`);
        buttonLine(reply.actions);
        break;
      case 'suggestions':
        out.push(reply.text);
        buttonLine(reply.options);
        buttonLine(reply.actions);
        break;
      case 'notice':
        out.push(reply.text, ...(reply.details ?? []));
        buttonLine(reply.actions);
        break;
      case 'question':
        renderQuestion(reply, out, buttonLine);
        break;
      case 'tally':
        out.push(`-- ${reply.title} (${reply.respondents}) --`, ...reply.counts.map((c) => `  ${c.label}: ${'#'.repeat(c.count)} ${c.count}`), ...reply.texts.map((t) => `  “${t}”`));
        buttonLine(reply.actions);
        break;
      case 'summary':
        out.push(`== ${reply.dialogueTitle}: ${texts.dialogue.summaryLabel.toLowerCase()} ==`);
        for (const item of reply.items) out.push(`${item.title}: ${item.lines.join(' | ')}`);
        if (reply.conclusions.length > 0) out.push('', `${texts.dialogue.conclusionsHeading}:`, ...reply.conclusions.map((c) => `  * ${c}`));
        buttonLine(reply.concepts);
        buttonLine(reply.actions);
        break;
      case 'export':
        out.push(`--- ${reply.filename} ---`, reply.markdown, '---');
        break;
      case 'expert-consent':
      case 'expert-question':
      case 'expert-answer':
        renderExperts(reply, out, buttonLine);
        break;
      default:
        assertNever(reply);
    }
    out.push('');
  }
  return { text: `${out.join('\n').trimEnd()}\n`, buttons };
}

function renderQuestion(reply: Extract<Reply, { kind: 'question' }>, out: string[], buttonLine: (a: readonly Action[]) => void): void {
  out.push(`[${reply.dialogueTitle}] ${texts.dialogue.questionNumber(reply.number)}: ${reply.title}`);
  if (reply.prompt) out.push(reply.prompt);
  const input = reply.input;
  switch (input.kind) {
    case 'choice':
      out.push(...input.options.map((o, i) => `  ${i + 1}. ${o.label}`));
      break;
    case 'scale':
      out.push(`  1 (${input.low}) .. 5 (${input.high}): typ een cijfer`);
      break;
    case 'multi':
      out.push(...input.options.map((o, i) => `  ${i + 1}. ${o.label}`), `  ${texts.dialogue.multiHint}`);
      break;
    case 'text':
      out.push(`  ${texts.dialogue.typeAnswer(input.maxLength)}`);
      break;
    case 'info':
      out.push(input.text);
      break;
    default:
      assertNever(input);
  }
  buttonLine(reply.concepts);
  buttonLine(reply.actions);
}

/** The content team's replies: typed text is quoted, inputs are shown with their label. */
function renderExperts(reply: ExpertConsentReply | ExpertQuestionReply | ExpertAnswerReply, out: string[], buttonLine: (a: readonly Action[]) => void): void {
  switch (reply.kind) {
    case 'expert-consent':
      out.push(reply.text, `  ${reply.field.label}: “${reply.field.value}”`);
      buttonLine(reply.actions);
      break;
    case 'expert-question': {
      out.push(`== ${reply.heading} ==`, ...(reply.question ? [`“${reply.question}”`] : []), ...reply.lines, ...(reply.answer ? [reply.answer] : []));
      const { answerInput, conceptInput } = reply;
      if (conceptInput) out.push(`  ${conceptInput.label}: ${conceptInput.options.slice(0, 5).map((o) => o.label).join(', ')}${conceptInput.options.length > 5 ? ', …' : ''}`);
      buttonLine([...(answerInput ? [answerInput.submit] : []), ...(conceptInput ? [conceptInput.submit] : []), ...reply.actions]);
      break;
    }
    case 'expert-answer':
      out.push(`== ${reply.heading} ==`, `“${reply.question}”`, '', reply.answer, '', reply.byline);
      buttonLine(reply.actions);
      break;
    default:
      assertNever(reply);
  }
}
