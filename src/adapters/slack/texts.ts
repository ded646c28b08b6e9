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
  /** The modal for a free-text answer (a modal title has at most 24 characters). */
  answerModalTitle: 'Beantwoord de vraag',
  answerInputLabel: (max: number) => `Je antwoord (maximaal ${max} tekens)`,
  /** The content team's modal for a written answer. */
  expertModalTitle: 'Antwoord aan de vrager',
  expertInputLabel: 'Je antwoord',
  expertInputHint: 'De vrager krijgt dit antwoord in een eigen chat met de bot. Wat je hier schrijft, kan later een voorstel voor de kennis worden.',
  /** Under the content team's concept list, when not every concept fits in one message. */
  conceptHint: (shown: number, more: number) =>
    `Hier staan de ${shown} begrippen die het best passen, en nog ${more} niet. Staat het begrip er niet bij? Typ de naam in het vak hieronder.`,
  conceptTermLabel: 'Of typ de naam van een begrip',
  conceptTermPlaceholder: 'Bijvoorbeeld: buurtteam',
  /** Where a list is cut: "… en nog 28 antwoorden". */
  more: (n: number, one: string, many: string) => `… en nog ${n} ${n === 1 ? one : many}`,
  answersOne: 'antwoord',
  answersMany: 'antwoorden',
  tallyMore: 'Alle antwoorden komen in de samenvatting.',
  summaryMore: 'Gebruik *Exporteer* voor alles.',
  dialoguesOne: 'gesprek',
  dialoguesMany: 'gesprekken',
  /** Bar charts in a summary: "5 van 10". */
  ofRespondents: (n: number) => `${n} ${n === 1 ? 'antwoord' : 'antwoorden'}`,
  exportComment: 'Je export als Markdown-bestand:',
  exportFailed: 'Het bestand kon ik niet in Slack zetten. Hieronder staat de tekst, zodat je die kunt kopiëren.',
  shareFailed:
    'Ik kan niet in deze thread schrijven. Misschien ben ik geen lid van dit kanaal: voeg me toe met */invite @Routeplanner* en probeer het opnieuw.',
  /** `/routeplanner help`: the subcommands, then the core's help for typed messages. */
  slashHelp:
    'Met */routeplanner* kun je:\n' +
    '• */routeplanner <vraag>*: zoek een begrip op (alleen jij ziet het antwoord), ook als */routeplanner zoek <vraag>*\n' +
    '• */routeplanner start <gesprek>*: begin een begeleid gesprek in je privéberichten met mij\n' +
    '• */routeplanner start <gesprek> kanaal*: begin een groepsgesprek in dit kanaal; met *kanaal met namen* staan de namen in de samenvatting\n' +
    '• */routeplanner verder* en */routeplanner stop*: ga verder met een gesprek, of stop ermee\n' +
    '• */routeplanner vergeet mij*: wis alles wat ik over jou heb opgeslagen\n' +
    '• Op elk bericht: *Leg uit met Routeplanner* (in het menu met de drie puntjes) legt de begrippen in dat bericht uit',
  slashAdminHelp:
    'Voor beheerders:\n' +
    '• */routeplanner herlaad*, */routeplanner status* en */routeplanner onbeantwoord*\n' +
    '• */routeplanner experts hier*: maak dit kanaal het kanaal van de kennisredactie',
  slashTyped: 'In een privébericht aan mij (of met een vermelding van de bot in een kanaal) kun je ook gewoon typen.',
} as const;
