import { useEffect, useRef, useState } from 'preact/hooks';
import type { Translate } from './App';
import { SentencePlayer, highlightSentence, loadVoices, markSentences, pickVoice, type Synth } from './speech';

/** Speeds offered, as `SpeechSynthesisUtterance.rate` (1 = the voice's normal speed). */
const RATES = [0.75, 1, 1.25, 1.5, 2] as const;

/** What the App can ask of read aloud (the `r` key, and Esc which stops reading before it closes). */
export interface SpeechHandle {
  /** Play, pause or resume. */
  toggle(): void;
  /** Stop reading; false when nothing was being read. */
  stop(): boolean;
}

interface Props {
  t: Translate;
  /** The article's language (BCP 47), for the voice. */
  lang: string | null;
  /** The reader's overlay: the body (`.qd-body`) is found in it when reading starts. */
  root: { current: HTMLElement | null };
  /** The body HTML shown: a new one (繁/简, a following page) stops reading, its sentence marks are gone. */
  html: string;
  handle: { current: SpeechHandle | null };
}

type State = 'stopped' | 'playing' | 'paused';

/** The `speechSynthesis` of the reader's window, when the browser has one. */
const systemSynth = (root: HTMLElement | null): (Synth & EventTarget) | null =>
  (root?.ownerDocument.defaultView as (Window & typeof globalThis) | null)?.speechSynthesis ?? null;

/** The read-aloud bar (朗读): play/pause, stop, speed, and a note when there is no Chinese voice (speech.ts). */
export function SpeechControls({ t, lang, root, html, handle }: Props) {
  const [state, setState] = useState<State>('stopped');
  const [rate, setRate] = useState(1);
  const [note, setNote] = useState('');
  const player = useRef<SentencePlayer | null>(null);
  const body = () => root.current?.querySelector('.qd-body') ?? null;

  const stop = () => {
    const was = !!player.current;
    player.current?.stop();
    player.current = null;
    setState('stopped');
    return was;
  };

  const start = async () => {
    const synth = systemSynth(root.current);
    const el = body();
    if (!synth || !el) return setNote(t('readerSpeakUnsupported'));
    const voice = pickVoice(await loadVoices(synth), lang);
    if (!voice) return setNote(t('readerSpeakNoVoice'));
    setNote('');
    const p = new SentencePlayer(synth, markSentences(el), voice, lang ?? 'zh-CN', {
      sentence: (i) => highlightSentence(el, i),
      end: () => {
        player.current = null;
        setState('stopped');
      },
      error: (m) => setNote(`${t('readerSpeakUnsupported')} (${m})`),
    });
    p.rate = rate;
    player.current = p;
    setState('playing');
    p.play(0);
  };

  const toggle = () => {
    const p = player.current;
    if (!p) return void start();
    if (state === 'playing') {
      p.pause();
      setState('paused');
    } else {
      p.resume();
      setState('playing');
    }
  };

  handle.current = { toggle, stop };
  useEffect(() => () => void player.current?.stop(), []);
  useEffect(() => void stop(), [html]);

  const changeRate = (r: number) => {
    setRate(r);
    const p = player.current;
    // a new rate applies from the next utterance: restart the current sentence with it
    if (p) {
      p.rate = r;
      if (state === 'playing') p.play(Math.max(p.current, 0));
    }
  };

  const label =
    state === 'playing' ? t('readerSpeakPause') : state === 'paused' ? t('readerSpeakResume') : t('readerSpeak');
  return (
    <div class="qd-speech" data-state={state}>
      <button type="button" class="qd-btn" data-action="speak" onClick={toggle}>
        {state === 'playing' ? '‖ ' : '▶ '}
        {label}
      </button>
      <button type="button" class="qd-btn" data-action="speak-stop" disabled={state === 'stopped'} onClick={stop}>
        ■ {t('readerSpeakStop')}
      </button>
      <label>
        {t('readerSpeakRate')}{' '}
        <select
          class="qd-select"
          data-action="speak-rate"
          value={String(rate)}
          onChange={(e) => changeRate(Number((e.target as HTMLSelectElement).value))}>
          {RATES.map((r) => (
            <option key={r} value={String(r)}>
              {r}×
            </option>
          ))}
        </select>
      </label>
      {note && (
        <span class="qd-speech-note" role="status">
          {note}
        </span>
      )}
    </div>
  );
}
