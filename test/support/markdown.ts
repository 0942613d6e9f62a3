import { readFileSync } from 'node:fs';

/** A fenced code block of a Markdown file: its info string (`sh`, `json`…) and its text. */
export interface CodeBlock {
  readonly lang: string;
  readonly text: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
}

/** A link or image target written in a Markdown file, outside code. */
export interface MarkdownLink {
  readonly target: string;
  readonly line: number;
}

/** Whether `line` closes a block opened by `fence` (the same character, at least as many). */
function closes(line: string, fence: string): boolean {
  const match = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line);
  return !!match && match[1][0] === fence[0] && match[1].length >= fence.length;
}

/** The file's lines, with every fenced code block's lines (fences included) blanked out. */
function proseLines(markdown: string): string[] {
  let fence: string | undefined;
  return markdown.split('\n').map((line) => {
    if (fence !== undefined) {
      if (closes(line, fence)) fence = undefined;
      return '';
    }
    const opening = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (opening) fence = opening[1];
    return opening ? '' : line;
  });
}

/** Every fenced code block, in order. */
export function codeBlocks(markdown: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const opening = /^ {0,3}(`{3,}|~{3,})\s*([^\s`]*)/.exec(lines[i]);
    if (!opening) continue;
    const fence = opening[1];
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length && !closes(lines[j], fence)) body.push(lines[j++]);
    blocks.push({ lang: opening[2] ?? '', text: body.join('\n'), line: i + 1 });
    i = j;
  }
  return blocks;
}

/** Removes inline code spans, so that a `[x](y)` written as code is not taken for a link. */
function withoutCodeSpans(line: string): string {
  return line.replace(/(`+)[^`]*?\1/g, '');
}

/** The text of every inline code span outside fenced blocks (`like this`), with its line. */
export function codeSpans(markdown: string): MarkdownLink[] {
  const found: MarkdownLink[] = [];
  proseLines(markdown).forEach((line, index) => {
    for (const match of line.matchAll(/(`+)([^`]+?)\1/g)) {
      found.push({ target: match[2].trim(), line: index + 1 });
    }
  });
  return found;
}

/** Every inline link and image target (`[text](target)`, `![alt](target)`), outside code. */
export function links(markdown: string): MarkdownLink[] {
  const found: MarkdownLink[] = [];
  proseLines(markdown).forEach((raw, index) => {
    const line = withoutCodeSpans(raw);
    for (const match of line.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
      found.push({ target: match[1], line: index + 1 });
    }
  });
  return found;
}

/**
 * GitHub's anchor for a heading: the rendered text in lower case, without punctuation (what is
 * not a letter, mark, digit, connector, space or hyphen), spaces turned into hyphens.
 */
export function githubSlug(headingText: string): string {
  const rendered = headingText
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1') // links and images: their text
    .replace(/<[^>]+>/g, '') // inline HTML
    .replace(/`/g, '')
    .replace(/(\*\*|__|\*|~~)/g, '')
    .trim();
  return rendered
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/** The anchors a Markdown file offers: one per heading (repeats get -1, -2…) and HTML ids. */
export function anchors(markdown: string): Set<string> {
  const result = new Set<string>();
  const seen = new Map<string, number>();
  for (const line of proseLines(markdown)) {
    const heading = /^ {0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      const base = githubSlug(heading[1]);
      const count = seen.get(base);
      seen.set(base, (count ?? -1) + 1);
      result.add(count === undefined ? base : `${base}-${count + 1}`);
    }
    for (const id of line.matchAll(/<a\s+(?:name|id)="([^"]+)"/g)) result.add(id[1]);
  }
  return result;
}

export function readMarkdown(path: string): string {
  return readFileSync(path, 'utf8');
}
