import { plainFragment as p } from './plain.js';

/**
 * Every Dutch sentence the core says lives here (informal "je"). Markup: *vet* only, renderers adapt it.
 * Texts only one platform shows live in its adapter (src/adapters/slack/texts.ts).
 */
export const texts = {
  lookup: {
    suggest: 'Dat weet ik niet zeker. Bedoelde je een van deze begrippen?',
    none:
      'Daar heb ik geen antwoord op. Ik ken begrippen rond betaalbare sociale kwaliteit, de sociale basis ' +
      'en het sociaal domein. Probeer het met een ander woord, of typ *help* om te zien wat ik kan.',
    empty: 'Je bericht is leeg. Stel een vraag, bijvoorbeeld: *wat is de sociale basis?*',
    unverified: 'Let op: dit is algemene vakkennis die we nog niet met een bron hebben gecontroleerd.',
    readMore: 'Lees meer',
    sources: 'Bronnen',
    related: 'Zie ook',
    unknownConcept: 'Dat begrip ken ik niet (meer). Stel je vraag gerust opnieuw.',
    tooLong: (max: number) => `Je bericht is te lang (meer dan ${max} tekens). Stel je vraag korter.`,
  },
  menu: {
    welcome:
      'Hoi! Ik ben de Routeplanner-bot. Ik help je met de kennis uit *Op weg naar betaalbare sociale kwaliteit*, ' +
      'het *Gespreksmodel sociale basis* en de vijf knoppen uit *Het kan anders en beter*. Stel een vraag over een ' +
      'begrip, bijvoorbeeld *wat is de sociale basis?*, of start een van de gesprekken hieronder.',
    help:
      'Dit kun je doen:\n' +
      '• Stel een vraag over een begrip, bijvoorbeeld *wat is de sociale basis?* (of *zoek <vraag>*)\n' +
      '• *start <gesprek>*: begin een begeleid gesprek; in een kanaal of groep doet iedereen mee\n' +
      '• *verder*: ga verder waar je was gebleven\n' +
      '• *terug*, *sla over*, *opnieuw*, *stop*: tijdens een gesprek\n' +
      '• *samenvatting* en *exporteer*: je antwoorden op een rij, of als Markdown voor een notitie\n' +
      '• *vergeet mij*: wis alles wat ik over jou heb opgeslagen',
    adminHelp:
      'Voor beheerders:\n' +
      '• *herlaad kennis*: lees de kennisbestanden opnieuw in (de huidige versie blijft actief als er een fout in zit)\n' +
      '• *status*: de actieve kennisversie en de laatste herlaadpogingen\n' +
      '• *onbeantwoord*: de vragen waar ik het vaakst geen zeker antwoord op had\n' +
      '• *experts hier*: maak dit kanaal het kanaal van de kennisredactie (daar komen vragen van gebruikers binnen)',
    dialoguesHeading: 'Gesprekken:',
    startLabel: (title: string) => `Start: ${title}`,
    startGroupLabel: (title: string) => `Start met de groep: ${title}`,
    helpLabel: 'Help',
    unknownDialogue: (name: string) => `Ik ken geen gesprek dat "${p(name)}" heet. Deze zijn er:`,
    whichDialogue: 'Welk gesprek wil je starten?',
    noDialogues: 'Er zijn op dit moment geen gesprekken beschikbaar.',
  },
  dialogue: {
    started: (title: string) => `We beginnen met *${title}*.`,
    resumed: (title: string) => `We gaan verder met *${title}*.`,
    replacedRun: (oldTitle: string) => `Je gesprek *${oldTitle}* staat op pauze; met *verder* kom je daar niet meer terug, want je bent nu een nieuw gesprek begonnen.`,
    nothingToResume: 'Je hebt geen gesprek dat nog loopt. Start er een:',
    stopped: (title: string) => `Gestopt met *${title}*. Je antwoorden blijven bewaard: typ *verder* om later door te gaan of *opnieuw* om opnieuw te beginnen.`,
    noActive: 'Er loopt nu geen gesprek. Start er een:',
    cannotGoBack: 'Dit is de eerste vraag; verder terug kan niet.',
    notSkippable: 'Deze vraag kun je niet overslaan.',
    waiting: 'Het gesprek wacht op je bij de vraag hierboven.',
    goOn: 'Ga verder met het gesprek',
    stale: 'Die knop hoort bij een vraag die al voorbij is. Hier is de vraag waar je nu bent:',
    staleGone: 'Die knop hoort bij een gesprek dat al is afgelopen.',
    invalidChoice: 'Dat antwoord past niet bij deze vraag. Kies een van de knoppen, of typ het nummer van je keuze.',
    pickAtLeastOne: 'Kies minstens één optie en klik dan op *Klaar*.',
    textTooLong: (length: number, max: number) => `Je antwoord is ${length} tekens; hier passen er maximaal ${max}. Maak het wat korter en stuur het opnieuw.`,
    emptyText: 'Typ je antwoord als bericht, of gebruik *sla over*.',
    emptyInBox: 'Typ je antwoord in het vak en klik op *Verstuur*.',
    changed: 'Dit gesprek is bijgewerkt sinds je begon. Je antwoorden die nog passen, zijn bewaard; we gaan verder bij de eerste open vraag.',
    removed: (title: string) => `Het gesprek *${title}* bestaat niet meer. Hieronder staan je antwoorden tot nu toe.`,
    done: 'Klaar! Hier is de samenvatting van je antwoorden.',
    nothingToSummarise: 'Er is nog geen gesprek om samen te vatten. Start er een:',
    noAnswers: 'geen antwoorden',
    exportedOn: 'Geëxporteerd op',
    incomplete: 'nog niet afgerond',
    answersHeading: 'Antwoorden',
    // conclusions are the bot's own reading of the answers, not the publishers' advice: the heading says so everywhere
    conclusionsHeading: 'Suggesties van de bot (geen advies uit de bronnen)',
    readMoreHeading: 'Meer lezen',
    questionNumber: (n: number) => `Vraag ${n}`,
    continueLabel: 'Verder',
    doneLabel: 'Klaar',
    sendLabel: 'Verstuur',
    skipLabel: 'Sla over',
    backLabel: 'Terug',
    stopLabel: 'Stop',
    restartLabel: 'Opnieuw',
    summaryLabel: 'Samenvatting',
    exportLabel: 'Exporteer',
    typeAnswer: (max: number) => `Typ je antwoord (maximaal ${max} tekens).`,
    truncated: 'Dit bericht is ingekort omdat het te lang werd. Gebruik *exporteer* voor alles.',
    multiHint: 'Typ de nummers van je keuzes, gescheiden door komma’s (bijvoorbeeld 1, 3), of gebruik de knoppen.',
    optionsAre: (options: string) => `Je kunt kiezen uit: ${options}.`,
    oneAnswer: 'Bij deze vraag kies je één antwoord.',
    scaleRange: (low: string, high: string) => `Dat antwoord past niet bij deze vraag. Typ een cijfer van 1 (${low}) tot en met 5 (${high}), of kies een van de knoppen.`,
    exclusive: (label: string) => `"${label}" kun je niet combineren met andere keuzes. Kies alleen "${label}", of kies de andere zonder "${label}".`,
    answerOrQuestion: (title: string) => `Is dit je antwoord op de vraag *${title}*? Of is het een vraag aan mij?`,
    itIsMyAnswer: 'Dit is mijn antwoord',
    itIsAQuestion: 'Het is een vraag',
    keptGone: 'Ik weet niet meer welk bericht je bedoelt. Typ het nog een keer.',
    questionOver: 'Deze vraag is voorbij.',
    yourAnswer: (answer: string) => `Jouw antwoord: ${answer}`,
  },
  group: {
    started: (title: string, lead: string, named: boolean) =>
      `${p(lead)} start het groepsgesprek *${title}*. Iedereen kan antwoorden met de knoppen; je kunt je antwoord wijzigen ` +
      `tot ${p(lead)} doorgaat naar de volgende vraag. ${named ? 'Namen staan in de samenvatting.' : 'De samenvatting is anoniem.'}`,
    alreadyRunning: (title: string, lead: string) => `Hier loopt al een groepsgesprek: *${title}*, geleid door ${p(lead)}. Het moet eerst worden afgesloten.`,
    onlyLead: (lead: string) => `Alleen ${p(lead)} (de gespreksleider) of een beheerder kan het gesprek verder zetten of afsluiten.`,
    nextLabel: 'Volgende vraag',
    closeLabel: 'Afsluiten',
    tallyTitle: (title: string) => `Stand: ${title}`,
    closed: 'Het groepsgesprek is afgesloten. Hier is de samenvatting.',
    noSession: 'Er loopt hier geen groepsgesprek. Start er een:',
    personalOnly: 'Dat kan alleen in een persoonlijk gesprek met mij.',
    channelOnly: 'Een groepsgesprek start je in een kanaal of groepschat.',
    recorded: 'Je antwoord is genoteerd.',
    notInGroupStep: 'Deze vraag is al voorbij; je antwoord telt niet meer mee.',
    infoStep: 'Dit is een toelichting; de gespreksleider gaat verder wanneer iedereen het gelezen heeft.',
    justChanged: 'Dit gesprek is net bijgewerkt. Probeer het nog een keer.',
  },
  privacy: {
    confirm: 'Weet je het zeker? Ik wis dan al je opgeslagen antwoorden en gesprekken, ook je antwoorden in groepsgesprekken, je vragen aan de kennisredactie en je stemmen op antwoorden. Dat kan niet ongedaan worden gemaakt.',
    confirmLabel: 'Ja, wis alles',
    cancelLabel: 'Nee, toch niet',
    erased: (n: number) => `Klaar: ik heb ${n === 1 ? '1 opgeslagen item' : `${n} opgeslagen items`} over jou gewist.`,
    cancelled: 'Oké, ik heb niets gewist.',
    retention: (days: number) => `Antwoorden bewaar ik ${days} dagen na je laatste activiteit.`,
  },
  admin: {
    notAllowed: 'Dat mag alleen een beheerder van de bot. Je verzoek is niet uitgevoerd.',
    unavailable: 'Beheeropdrachten zijn hier niet beschikbaar.',
    reloaded: (version: string, previous: string) => `Kennis herladen: versie *${version}* is nu actief (was ${previous}).`,
    unchanged: (version: string) => `De kennisbestanden zijn niet veranderd: versie *${version}* blijft actief.`,
    counts: (concepts: number, dialogues: number) => `${concepts} begrippen en ${dialogues} gesprekken.`,
    changes: (what: 'Begrippen' | 'Gesprekken', added: string, changed: string, removed: string) =>
      `${what}: nieuw ${added}; gewijzigd ${changed}; verwijderd ${removed}.`,
    noIds: 'geen',
    moreIds: (n: number) => `en ${n} meer`,
    warnings: (n: number) => (n === 1 ? '1 waarschuwing:' : `${n} waarschuwingen:`),
    failed: (n: number, active: string) =>
      `Herladen is niet gelukt: ${n === 1 ? '1 fout' : `${n} fouten`} in de kennisbestanden. De vorige versie (*${active}*) blijft actief; gebruikers merken niets.`,
    moreProblems: (n: number) => `… en nog ${n}. Controleer alles met: npm run routeplanner -- validate`,
    took: (ms: number) => `Duur: ${ms} ms.`,
    status: (version: string, concepts: number, dialogues: number) =>
      `Actieve kennisversie: *${version}* (${concepts} begrippen, ${dialogues} gesprekken).`,
    loaded: (at: string, by: string, via: string) => `Geladen op ${at} door ${p(by)} (${via}).`,
    attemptsHeading: 'Laatste pogingen:',
    noAttempts: 'Er zijn nog geen pogingen vastgelegd.',
    attempt: (at: string, via: string, by: string, ok: boolean, version: string, count: number) =>
      ok
        ? `${at}, ${via}, door ${p(by)}: gelukt, versie ${version}${count > 0 ? ` (${count} ${count === 1 ? 'wijziging' : 'wijzigingen'})` : ''}`
        : `${at}, ${via}, door ${p(by)}: mislukt (${count === 1 ? '1 fout' : `${count} fouten`}), versie ${version} bleef actief`,
    via: { start: 'bij het starten', chat: 'via de chat', http: 'via HTTP', signal: 'via SIGHUP', watch: 'na een bestandswijziging', peer: 'via een andere instantie', sync: 'bijgewerkt bij controle', cli: 'via de opdrachtregel' },
    unansweredHeading: (n: number) => `De ${n === 1 ? 'vraag' : `${n} vragen`} die het vaakst zonder zeker antwoord bleven:`,
    unansweredLine: (query: string, count: number, last: string, outcome: 'suggest' | 'none') =>
      `"${p(query)}": ${count}×, laatst ${last} (${outcome === 'suggest' ? 'bedoelde je…' : 'geen antwoord'})`,
    unansweredNone: 'Er zijn nog geen onbeantwoorde vragen geteld.',
    unansweredHint: 'Tip: voeg een begrip toe of zet de vraag als alias bij een bestaand begrip, en herlaad de kennis.',
  },
  errors: {
    storeDown: 'Ik kan je antwoord nu niet opslaan door een storing. Er is niets verloren gegaan: probeer het over een paar minuten opnieuw.',
    storeCorrupt: 'Er is een probleem met de opgeslagen gegevens van dit gesprek. Ik heb niets overschreven; de beheerder kan het herstellen. Vragen over begrippen kun je gewoon blijven stellen.',
    unexpected: 'Er ging iets mis aan mijn kant. Je gesprek is bewaard: probeer het nog eens, of typ *verder*.',
    unknownAction: 'Die knop ken ik niet (meer). Typ *help* voor wat ik kan.',
  },
} as const;
