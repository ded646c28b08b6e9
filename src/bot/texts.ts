/** Every Dutch sentence the bot says lives here (informal "je"). */
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
  },
} as const;
