/** Dutch texts only the Teams cards show (informal "je"); the core's texts are in src/bot/texts.ts. */
export const teamsTexts = {
  conceptsToggle: 'Begrippen bij deze vraag',
  conceptsHint: 'Klik op een begrip voor uitleg.',
  scoresTitle: 'Je scores (1 tot en met 5)',
  /** The last line of a list cut short. */
  more: (n: number) => `… en nog ${n}`,
  answersCount: (n: number) => `${n} ${n === 1 ? 'antwoord' : 'antwoorden'}`,
  copyHint: 'Kopieer de tekst hieronder naar je notitie of verslag.',
  fileDescription: (name: string) => `De samenvatting als Markdown-bestand (${name}). Klik op Toestaan om het in je OneDrive op te slaan.`,
  fileSaved: 'Het bestand staat nu in je OneDrive, in de map Microsoft Teams Chat Files.',
  fileDeclined: 'Oké, ik heb geen bestand opgeslagen. Typ *exporteer* als je het later toch wilt.',
  fileExpired: 'Dit bestand kan ik niet meer maken. Typ *exporteer* om het opnieuw te proberen.',
  fileFailed: 'Het opslaan van het bestand is niet gelukt. Probeer het later nog eens met *exporteer*.',
} as const;
