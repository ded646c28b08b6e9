/** Slack's own Dutch texts (informal "je"): what only Slack's screens show. The core's texts are in src/bot/texts.ts. */
export const slackTexts = {
  sentToDm: 'Ik heb je een privébericht gestuurd; daar gaan we verder.',
  homeUnfinished: 'Je lopende gesprekken',
  homeDialogues: 'Gesprekken',
  homeNone: 'Je hebt geen lopende gesprekken.',
  homeAt: (step: string) => (step ? `bij: ${step}` : ''),
  /** Under a free-text question: Slack has no text box in a message, so a button opens one (a modal). */
  textHint: 'Gebruik de knop, of antwoord met een bericht (in een kanaal: in deze thread, met een vermelding van de bot).',
  answerLabel: 'Je antwoord',
  cancelLabel: 'Annuleer',
} as const;
