/**
 * Read aloud (朗读): the reader's body as sentences, marked in the DOM so the one being read can be highlighted, and a
 * player that speaks them one by one through the Web Speech API (`speechSynthesis`), with the system's Chinese voice.
 * On Windows and macOS that is the system's own voices (Microsoft Huihui/Xiaoxiao, Tingting/Meijia/Sinji …); on
 * Linux, speech-dispatcher's (espeak-ng's Mandarin `cmn`). Browser test: test/e2e/reader-speech.test.ts.
 */

/** A sentence ends after one of these (and any closing quotes or brackets that follow). */
const SENTENCE = /[^。！？!?；;…]*(?:[。！？!?；;…]+["”’」』）)\]]*|$)/g;

/** Blocks whose text is read, each a run of sentences; a block holding another of these is left to its children. */
const READ_BLOCKS = 'p, h2, h3, h4, h5, h6, li, figcaption, blockquote, dt, dd, td, th';

/** The attribute holding a text piece's sentence number (0-based, in reading order). */
export const SENTENCE_ATTR = 'data-qd-s';

/**
 * Sentence spans of a text, as `[start, end)` offsets: split after 。！？；… (full- or half-width), closing quotes and
 * brackets staying with their sentence; spans of whitespace only are left out.
 */
export function sentenceSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  SENTENCE.lastIndex = 0;
  for (let m = SENTENCE.exec(text); m && m.index < text.length; m = SENTENCE.exec(text)) {
    if (!m[0]) {
      SENTENCE.lastIndex++;
      continue;
    }
    if (/\S/.test(m[0])) spans.push([m.index, m.index + m[0].length]);
  }
  return spans;
}

/** The texts of `sentenceSpans`, trimmed. */
export const splitSentences = (text: string): string[] => sentenceSpans(text).map(([a, b]) => text.slice(a, b).trim());

/** Text nodes of `el` in document order. */
function textNodesOf(el: Element): Text[] {
  const out: Text[] = [];
  const walker = el.ownerDocument.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n as Text);
  return out;
}

/**
 * Wrap the parts of `node` (starting at offset `at` of its block's text) that fall in each sentence span in a
 * `<span data-qd-s=N>`; `first` is the number of the block's first sentence.
 */
function wrapPieces(node: Text, at: number, spans: [number, number][], first: number): void {
  const end = at + node.data.length;
  // split from the end so earlier offsets stay valid
  for (let i = spans.length - 1; i >= 0; i--) {
    const a = Math.max(spans[i][0], at);
    const b = Math.min(spans[i][1], end);
    if (a >= b) continue;
    const piece = node.splitText(a - at);
    piece.splitText(b - a);
    if (!/\S/.test(piece.data)) continue;
    const span = node.ownerDocument.createElement('span');
    span.setAttribute(SENTENCE_ATTR, String(first + i));
    piece.parentNode!.insertBefore(span, piece);
    span.appendChild(piece);
  }
}

/**
 * Mark the sentences of a rendered body: every piece of text is wrapped in a span carrying its sentence number
 * (SENTENCE_ATTR), sentences never cross a block. Marking again after the body was re-rendered starts afresh.
 * @returns the sentence texts in reading order
 */
export function markSentences(body: Element): string[] {
  const sentences: string[] = [];
  for (const block of Array.from(body.querySelectorAll(READ_BLOCKS))) {
    if (block.querySelector(READ_BLOCKS) || block.closest('[hidden]')) continue;
    const nodes = textNodesOf(block);
    const text = nodes.map((n) => n.data).join('');
    const spans = sentenceSpans(text);
    let at = 0;
    for (const n of nodes) {
      const len = n.data.length;
      wrapPieces(n, at, spans, sentences.length);
      at += len;
    }
    for (const [a, b] of spans) sentences.push(text.slice(a, b).replace(/\s+/g, ' ').trim());
  }
  return sentences;
}

/** What the player needs of `speechSynthesis` (the real one in the reader). */
export interface Synth {
  speak(u: SpeechSynthesisUtterance): void;
  cancel(): void;
  pause(): void;
  resume(): void;
  getVoices(): SpeechSynthesisVoice[];
}

/** The language tags a voice may carry for an article language, best first (zh-TW/zh-HK articles get their own). */
function voiceLangs(lang: string | null): string[] {
  const l = (lang ?? 'zh-CN').toLowerCase();
  if (/^zh-(hk|mo)|^yue/.test(l)) return ['zh-hk', 'yue', 'zh-tw', 'zh-cn', 'cmn', 'zh'];
  if (/^zh-(tw|hant)/.test(l)) return ['zh-tw', 'zh-hk', 'zh-cn', 'cmn', 'zh'];
  return ['zh-cn', 'cmn', 'zh', 'zh-tw', 'zh-hk'];
}

/**
 * The Chinese voice for an article's `lang` (BCP 47): an exact language match first (zh-CN / zh-TW / zh-HK), then any
 * Chinese voice (espeak-ng's `cmn`, a bare `zh`); a local voice before a remote one. Null when the system has none.
 */
export function pickVoice(voices: readonly SpeechSynthesisVoice[], lang: string | null): SpeechSynthesisVoice | null {
  const norm = (v: SpeechSynthesisVoice) => v.lang.replace(/_/g, '-').toLowerCase();
  for (const want of voiceLangs(lang)) {
    const hits = voices.filter((v) => norm(v) === want || norm(v).startsWith(`${want}-`));
    if (hits.length) return hits.find((v) => v.localService) ?? hits[0];
  }
  return null;
}

/**
 * Wait up to `ms` for the system's voices: browsers fill the list asynchronously, then fire `voiceschanged` (Firefox
 * listed none for the first 3 s of a run in test/e2e/reader-speech.test.ts).
 */
export function loadVoices(synth: Synth & EventTarget, ms = 5000): Promise<SpeechSynthesisVoice[]> {
  const now = synth.getVoices();
  if (now.length) return Promise.resolve(now);
  return new Promise((resolve) => {
    const done = () => {
      synth.removeEventListener('voiceschanged', done);
      clearTimeout(timer);
      resolve(synth.getVoices());
    };
    const timer = setTimeout(done, ms);
    synth.addEventListener('voiceschanged', done);
  });
}

/** What the player reports: the sentence now read (-1: none), and the end of the text or an error. */
export interface PlayerEvents {
  sentence(i: number): void;
  end(): void;
  error(message: string): void;
}

/**
 * Speaks sentences one after the other: each is an utterance of its own, started when the one before ends (its
 * `end` event), so the highlight follows what is heard. `pause`/`resume` use the engine's own; `stop` cancels.
 */
export class SentencePlayer {
  /** The sentence being read, -1 when stopped. */
  current = -1;
  rate = 1;
  private utterance: SpeechSynthesisUtterance | null = null;

  constructor(
    private readonly synth: Synth,
    private readonly sentences: readonly string[],
    private readonly voice: SpeechSynthesisVoice | null,
    private readonly lang: string,
    private readonly on: PlayerEvents,
  ) {}

  /** Start reading at sentence `i` (cancels what is being read). */
  play(i = 0): void {
    this.utterance = null;
    this.synth.cancel();
    this.speak(i);
  }

  private speak(i: number): void {
    if (i >= this.sentences.length) {
      this.current = -1;
      this.on.sentence(-1);
      this.on.end();
      return;
    }
    const u = new SpeechSynthesisUtterance(this.sentences[i]);
    u.lang = this.voice?.lang ?? this.lang;
    if (this.voice) u.voice = this.voice;
    u.rate = this.rate;
    u.onstart = () => this.utterance === u && this.on.sentence(i);
    u.onend = () => this.utterance === u && this.speak(i + 1);
    u.onerror = (e) => {
      // cancel() (stop, or play from elsewhere) ends the old utterance with `interrupted` / `canceled`
      if (this.utterance !== u || e.error === 'interrupted' || e.error === 'canceled') return;
      this.stop();
      this.on.error(e.error);
    };
    this.utterance = u;
    this.current = i;
    this.on.sentence(i);
    this.synth.speak(u);
  }

  pause(): void {
    this.synth.pause();
  }

  resume(): void {
    this.synth.resume();
  }

  /** Stop reading and clear the highlight. */
  stop(): void {
    this.utterance = null;
    this.current = -1;
    this.synth.cancel();
    this.on.sentence(-1);
  }
}

/** Highlight sentence `i` of a marked body (-1: none) and keep it in view inside its scrolling overlay. */
export function highlightSentence(body: Element, i: number, className = 'qd-speaking'): void {
  for (const el of Array.from(body.querySelectorAll(`.${className}`))) el.classList.remove(className);
  if (i < 0) return;
  const pieces = Array.from(body.querySelectorAll(`[${SENTENCE_ATTR}="${i}"]`));
  for (const el of pieces) el.classList.add(className);
  const first = pieces[0] as HTMLElement | undefined;
  if (!first) return;
  const r = first.getBoundingClientRect();
  const view = first.ownerDocument.defaultView;
  if (view && (r.top < 60 || r.bottom > view.innerHeight - 40)) first.scrollIntoView({ block: 'center' });
}
