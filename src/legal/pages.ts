/**
 * The privacy statement (`GET /privacy`) and terms of use (`GET /voorwaarden`) that the Teams app links to:
 * what the bot stores, for how long, how to erase it and whom to ask. Dutch at B1 level, as the users read
 * it; the facts follow the code (src/bot/privacy.ts, src/ops/unanswered.ts, the adapters' message
 * references), so a change there changes these sentences too. Plain text only: html.ts escapes all of it.
 */
export interface LegalPage {
  readonly title: string;
  /** Shown above the text when a setting the page needs is missing. */
  readonly notice?: string;
  readonly intro: string;
  readonly sections: readonly Section[];
}

export interface Section {
  readonly heading: string;
  readonly paragraphs?: readonly string[];
  readonly list?: readonly string[];
}

export interface LegalPageParams {
  /** ORGANISATION_NAME */
  readonly organisation?: string;
  /** PRIVACY_CONTACT: an e-mail address, phone number or web address, shown as text. */
  readonly contact?: string;
  readonly retentionDays: number;
}

export type LegalPageName = 'privacy' | 'voorwaarden';

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
const days = (n: number): string => `${n} ${n === 1 ? 'dag' : 'dagen'}`;

export function legalPage(name: LegalPageName, params: LegalPageParams): LegalPage {
  return name === 'privacy' ? privacyPage(params) : termsPage(params);
}

function organisationOf(params: LegalPageParams) {
  const org = params.organisation ?? 'de aanbieder van de bot';
  const missing = [params.organisation ? undefined : 'de naam van de organisatie (ORGANISATION_NAME)', params.contact ? undefined : 'een contactadres (PRIVACY_CONTACT)'].filter(Boolean);
  return {
    org,
    Org: capitalise(org),
    notice: missing.length ? `Let op: de beheerder van deze bot heeft ${missing.join(' en ')} nog niet ingevuld.` : undefined,
    contact: params.contact
      ? `Neem contact op met ${org}: ${params.contact}.`
      : 'Er is nog geen contactadres ingevuld. Vraag het aan de beheerder van de bot, of aan de functionaris voor gegevensbescherming van je organisatie.',
  };
}

function privacyPage(params: LegalPageParams): LegalPage {
  const { org, Org, notice, contact } = organisationOf(params);
  return {
    title: 'Privacyverklaring Routeplanner-bot',
    ...(notice ? { notice } : {}),
    intro: `De Routeplanner-bot beantwoordt vragen over het sociaal domein en helpt je bij gesprekken, zoals de zelfscan. ${Org} is verantwoordelijk voor de bot en voor je gegevens. Hier lees je welke gegevens de bot bewaart, hoe lang, en hoe je ze laat wissen.`,
    sections: [
      {
        heading: 'Wat bewaart de bot?',
        list: [
          'Je vragen bewaart de bot niet bij je naam. Hij houdt niet bij wie een vraag stelde.',
          'Heeft de bot geen goed antwoord op een vraag? Dan telt hij hoe vaak die vraag is gesteld, zonder naam. Getallen van drie cijfers of meer, zoals een telefoonnummer, laat hij weg. Zo zien de beheerders welke uitleg nog ontbreekt.',
          'Je antwoorden in een gesprek, zoals de zelfscan, bewaart de bot bij je gebruikers-id. Dat is een code van Teams of Slack die bij jou hoort. Zo kun je later verder gaan.',
          'In een groepsgesprek bewaart de bot per deelnemer welk antwoord die gaf. De groep ziet hoe vaak elk antwoord is gekozen. Namen staan alleen in de samenvatting als de gespreksleider een gesprek met namen koos. Antwoorden in eigen woorden ziet de hele groep in de samenvatting. De naam van de gespreksleider staat bij het gesprek.',
          'De bot onthoudt welke berichten hij stuurde, zodat hij ze kan bijwerken. In de logbestanden staan gebruikers-id\'s en foutcodes, maar nooit de tekst van je berichten.',
          'Laadt een beheerder nieuwe kennis in de bot? Dan bewaart de bot wie dat deed en wanneer (de laatste 50 keer).',
        ],
      },
      {
        heading: 'Hoe lang bewaart de bot dit?',
        list: [
          `Je antwoorden in gesprekken en groepsgesprekken: ${days(params.retentionDays)} na de laatste activiteit. Daarna wist de bot ze vanzelf.`,
          'Gegevens over verstuurde berichten: hooguit 7 dagen.',
          'De telling van vragen zonder goed antwoord: de bot houdt de 1000 vragen bij die het vaakst zijn gesteld. Die telling staat niet op naam.',
          `Logbestanden en reservekopieën (back-ups): zo lang als ${org} dat heeft afgesproken.`,
        ],
      },
      {
        heading: 'Hoe wis je je gegevens?',
        paragraphs: [
          'Typ ‘vergeet mij’ in een chat met de bot. In Slack kan het ook met ‘/routeplanner vergeet mij’.',
          'De bot vraagt eerst of je het zeker weet. Daarna wist hij al je antwoorden, ook die in groepsgesprekken. Dat kun je niet ongedaan maken.',
          'Staan je gegevens nog in een reservekopie? Dan verdwijnen ze als die kopie wordt gewist.',
        ],
      },
      {
        heading: 'Vragen of een klacht?',
        paragraphs: [
          `Heb je een vraag over je gegevens? ${contact}`,
          'Ben je het niet eens met hoe er met je gegevens wordt omgegaan? Dan kun je een klacht indienen bij de Autoriteit Persoonsgegevens.',
        ],
      },
    ],
  };
}

function termsPage(params: LegalPageParams): LegalPage {
  const { Org, notice, contact } = organisationOf(params);
  return {
    title: 'Gebruiksvoorwaarden Routeplanner-bot',
    ...(notice ? { notice } : {}),
    intro: `De Routeplanner-bot is er voor iedereen die werkt aan het sociaal domein. ${Org} is verantwoordelijk voor de bot. Gebruik je de bot, dan ga je akkoord met deze voorwaarden.`,
    sections: [
      {
        heading: 'Wat doet de bot?',
        paragraphs: [
          'De bot legt begrippen uit het sociaal domein uit en begeleidt gesprekken, zoals de zelfscan.',
          'De uitleg is in eigen woorden geschreven, op basis van publicaties van onder meer Movisie, het Verwey-Jonker Instituut en Platform31. Bij een antwoord staan de bronnen.',
          'Soms is de uitleg algemene vakkennis die nog niet met een bron is gecontroleerd. Dat staat dan onder het antwoord.',
        ],
      },
      {
        heading: 'Wat doet de bot niet?',
        paragraphs: [
          'De bot geeft geen juridisch advies en neemt geen besluiten. Trekt de bot een conclusie? Dan is dat een suggestie. Jij en je team beslissen zelf.',
          'Controleer belangrijke informatie altijd bij de bron.',
        ],
      },
      {
        heading: 'Waar let je op?',
        list: [
          'Gebruik de bot voor je werk.',
          'Typ geen gegevens over inwoners of cliënten, zoals namen, adressen of burgerservicenummers.',
          'In een groepsgesprek ziet de groep je antwoorden in eigen woorden. Schrijf daar niets wat de groep niet mag lezen.',
        ],
      },
      {
        heading: 'Werkt de bot altijd?',
        paragraphs: ['De bot werkt meestal, maar niet altijd. Soms is hij even niet bereikbaar, bijvoorbeeld bij onderhoud. De uitleg en de gesprekken kunnen veranderen.'],
      },
      {
        heading: 'Privacy en vragen',
        paragraphs: ['Welke gegevens de bot bewaart en hoe je ze laat wissen, lees je in de privacyverklaring.', `Heb je een vraag over de bot? ${contact}`],
      },
    ],
  };
}
