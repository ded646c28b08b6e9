// @nlpjs/lang-nl ships no type declarations; this is the one class we use.
declare module '@nlpjs/lang-nl' {
  export class StemmerNl {
    stemWord(word: string): string;
  }
}
