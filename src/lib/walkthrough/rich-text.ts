/** The walkthrough texts' two marks, read into pieces a view renders as text, never as HTML. */
export type Piece =
  | { kind: 'text'; text: string }
  | { kind: 'code'; text: string }
  | { kind: 'link'; text: string; href: string };

const MARKS = /`([^`]+)`|\[([^\]]+)\]\(([^)\s]+)\)/g;

/** Splits `text` at `code` and [label](href) marks; anything else stays plain text. */
export function pieces(text: string): Piece[] {
  const out: Piece[] = [];
  let last = 0;
  for (const match of text.matchAll(MARKS)) {
    if (match.index > last) out.push({ kind: 'text', text: text.slice(last, match.index) });
    const [whole, code, label, href] = match;
    if (code !== undefined) out.push({ kind: 'code', text: code });
    else out.push({ kind: 'link', text: label ?? '', href: href ?? '' });
    last = match.index + whole.length;
  }
  if (last < text.length) out.push({ kind: 'text', text: text.slice(last) });
  return out;
}
