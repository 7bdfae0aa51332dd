import { highlight } from './search';

/** Text with the query's matches wrapped in <mark> (text nodes only, never HTML strings). */
export function Highlight({ text, query }: { text: string; query: string }) {
  if (!query.trim()) return <>{text}</>;
  return <>{highlight(text, query).map((p, i) => (p.hit ? <mark key={i}>{p.text}</mark> : p.text))}</>;
}
