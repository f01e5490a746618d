// The peers ship no types; the benchmark only calls them.
declare module 'write-good' {
  export default function writeGood(text: string): { index: number; offset: number; reason: string }[];
}
declare module 'sentiment' {
  export default class Sentiment {
    analyze(text: string): { score: number };
  }
}
