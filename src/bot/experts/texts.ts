import { plainFragment as p } from '../plain.js';

/**
 * Every Dutch sentence of the content team's loop: questions to the kennisredactie, their answers, feedback on
 * answers and knowledge in other chats. Informal "je", plain language (B1). Markup: *vet* only.
 */
export const expertTexts = {
  ask: {
    label: 'Vraag het de kennisredactie',
    consent: (days: number, personal = true) =>
      'Wil je deze vraag aan de kennisredactie stellen? De kennisredactie is een groep collega’s die de kennis in deze bot bijhoudt. ' +
      `Ik stuur je vraag naar hun kanaal. Hun antwoord krijg je ${personal ? 'hier in je eigen chat' : 'in je eigen chat met mij'}. ` +
      `Ik bewaar je vraag en het antwoord ${days} dagen. Met *vergeet mij* wis je ze eerder. ` +
      'Mogen de experts je naam zien? Zonder naam zien ze alleen je vraag.',
    inputLabel: 'Je vraag',
    inputPlaceholder: 'Typ hier je vraag aan de kennisredactie',
    withName: 'Stuur mijn vraag met mijn naam',
    withoutName: 'Stuur zonder naam',
    cancel: 'Toch niet',
    cancelled: 'Oké, ik heb je vraag niet gestuurd en niets bewaard.',
    empty: 'Je vraag is leeg. Typ je vraag in het vak en kies dan een van de knoppen.',
    tooLong: (max: number) => `Je vraag is te lang (meer dan ${max} tekens). Maak hem wat korter.`,
    sent: (days: number, personal = true) =>
      `Je vraag is naar de kennisredactie gestuurd. Hun antwoord krijg je ${personal ? 'hier in deze chat' : 'in je eigen chat met mij'}. Ik bewaar je vraag ${days} dagen.`,
    noChannel:
      'Er is nog geen kanaal van de kennisredactie ingesteld. Je vraag is niet gestuurd en niet bewaard. ' +
      'Vraag je beheerder om het kanaal in te stellen.',
    unavailable: 'Vragen aan de kennisredactie kunnen hier (nog) niet. Je vraag is niet gestuurd en niet bewaard.',
    needPersonalChat:
      'Vanuit hier kan ik je het antwoord later niet sturen. Stel je vraag in een persoonlijk gesprek met mij; dan komt het antwoord daar.',
    sendFailed: 'Het kanaal van de kennisredactie is nu niet bereikbaar. Je vraag is niet gestuurd en niet bewaard. Probeer het later nog eens.',
  },
  card: {
    heading: 'Vraag voor de kennisredactie',
    askedBy: (name: string, when: string) => `Gesteld door ${p(name)} op ${when}.`,
    askedAnonymous: (when: string) => `Gesteld op ${when}. De vrager wil anoniem blijven.`,
    about: (term: string) => `Gesteld bij het antwoord over *${term}*.`,
    answerLabel: 'Antwoord',
    answerPlaceholder: 'Typ je antwoord, of een begrip om de vraag aan te koppelen',
    answer: 'Beantwoorden',
    conceptLabel: 'Of koppel aan een bestaand begrip',
    conceptPlaceholder: 'Kies een begrip',
    link: 'Koppel aan begrip',
    decline: 'Geen antwoord',
    retry: 'Opnieuw bezorgen',
    answered: (name: string) => `Beantwoord door ${p(name)}.`,
    linked: (name: string, term: string) => `Gekoppeld aan *${term}* door ${p(name)}.`,
    declined: (name: string) => `${p(name)} heeft aangegeven dat er geen antwoord is. De vrager heeft bericht gekregen.`,
    delivered: 'Het antwoord is bezorgd bij de vrager.',
    notDelivered: 'Bezorgen bij de vrager is niet gelukt. Probeer het opnieuw.',
    erased: 'Deze vraag is gewist op verzoek van de vrager.',
  },
  expert: {
    notAllowed: 'Alleen de kennisredactie kan vragen beantwoorden. Er is niets veranderd.',
    gone: 'Deze vraag bestaat niet meer. Hij is verlopen of gewist op verzoek van de vrager.',
    alreadyDone: 'Deze vraag is al afgehandeld. Hieronder zie je hoe.',
    emptyAnswer: 'Typ eerst je antwoord in het vak. Klik daarna op *Beantwoorden*.',
    answerTooLong: (max: number) => `Je antwoord is te lang (meer dan ${max} tekens). Maak het wat korter.`,
    chooseConcept: 'Kies een begrip in de lijst, of typ een begrip in het vak. Klik daarna op *Koppel aan begrip*.',
    whichConcept: 'Welk begrip bedoel je? Kies er een om de vraag aan te koppelen.',
    noConcept: (term: string) => `Ik vind geen begrip bij "${p(term)}". Kies er een in de lijst, of typ een andere naam.`,
    linkTo: (term: string) => `Koppel aan: ${term}`,
    nothingToRetry: 'Er is niets opnieuw te bezorgen: de vrager heeft het antwoord al, of de vraag is nog open.',
  },
  delivery: {
    heading: 'Antwoord van de kennisredactie',
    byline: (name: string) => `Beantwoord door ${p(name)} van de kennisredactie.`,
    linked: (term: string) => `De kennisredactie heeft je vraag gekoppeld aan het begrip *${term}*. Hieronder staat de uitleg.`,
    declined: 'De kennisredactie heeft naar je vraag gekeken, maar kan er nu geen antwoord op geven. Je vraag helpt wel om de kennis in deze bot te verbeteren.',
    yourQuestion: (question: string) => `Je vraag: “${question}”`,
  },
  channel: {
    set: (platform: string) =>
      `Dit kanaal is nu het kanaal van de kennisredactie (${platform}). Vragen die gebruikers met hun toestemming sturen, komen hier binnen. ` +
      'Alleen experts (EXPERT_IDS) en beheerders kunnen ze beantwoorden.',
    notAdmin: 'Alleen een beheerder kan het kanaal van de kennisredactie instellen. Er is niets veranderd.',
    personal: 'Typ *experts hier* in het kanaal van de kennisredactie, niet in een persoonlijk gesprek.',
    noAddress: 'Dat kan hier (nog) niet: ik kan vanuit dit kanaal later geen berichten sturen.',
  },
  feedback: {
    prompt: 'Nuttig?',
    yes: 'ja',
    no: 'nee',
    thanksYes: 'Dank je! Fijn dat het antwoord je hielp.',
    thanksNo: 'Dank je voor je reactie. Wil je je vraag aan de kennisredactie stellen? Dan kunnen zij het antwoord verbeteren.',
    same: 'Je stem staat al zo genoteerd.',
  },
  share: {
    label: 'Deel in de thread',
    none: 'Ik vind in dit bericht geen begrippen die ik ken.',
  },
} as const;
