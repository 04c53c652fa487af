import { byCreation, isLive, type Capture } from '../capture/schema';

// Dot voting on the experiment candidates. Candidates are numbered #1…#n in the order they were
// written down; participants vote in the chat with "#3", a list of numbers ("2, 5 5") or "+1"
// (a dot for the candidate being voted on now). Only counts are kept: the vote is anonymous.

/** What one chat line votes for: candidate numbers (a number twice is two dots), or plus dots. */
export type ChatVote = { kind: 'numbers'; picks: number[] } | { kind: 'plus'; dots: number };

const NUMBER_LIST = /^\s*#?\d{1,3}(?:\s*(?:[,;&+]|\s|\bja\b|\band\b)\s*#?\d{1,3})*\s*[.!]?\s*$/iu;
const PLUS = /^\s*\+\s*(\d{1,2})?\s*[.!]?\s*$/u;
const HASHES = /#(\d{1,3})/gu;

/**
 * Reads a chat line as a vote, or null when it is not one. Strict on purpose: "I like 3" or a
 * sentence that contains a number is not a vote; a line of numbers, a line with #numbers, or "+1" is.
 */
export function parseChatVote(text: string): ChatVote | null {
  const plus = PLUS.exec(text);
  if (plus) return { kind: 'plus', dots: plus[1] === undefined ? 1 : Number(plus[1]) };
  if (NUMBER_LIST.test(text)) return { kind: 'numbers', picks: (text.match(/\d{1,3}/gu) ?? []).map(Number) };
  const hashes = [...text.matchAll(HASHES)].map((m) => Number(m[1]));
  return hashes.length ? { kind: 'numbers', picks: hashes } : null;
}

// What a line not read as a vote must hold to look like one: a vote word, a Finnish colloquial
// numeral ("kakkosta", "nelonen") or a bare number that could name a candidate (not part of a
// time, a date, a decimal or an address). \b knows no "ä": words are bounded with \p{L}.
const VOTE_WORD = /äänest|(?<!\p{L})(?:ääni|ääneni|äänet|ääntä|vote|votes|voted|voting|seiska|kasi|ysi)(?!\p{L})|(?<!\p{L})(?:ykkö|kakko|kolmo|nelo|vito|kuto)(?:nen|s\p{L}*)/iu;
const BARE_NUMBER = /(?<![\d.,:/#])\b(\d{1,3})\b(?![.,:/]\d)/gu;

/**
 * Whether a line that is no vote (parseChatVote gave null) still looks like one: the tally names
 * these, so the facilitator can ask again ("äänestän kakkosta ja nelosta: 2 ja 4" was silently
 * left out, found in a Finnish walk-through).
 */
export function looksLikeVote(text: string, candidates: number): boolean {
  if (VOTE_WORD.test(text)) return true;
  return [...text.matchAll(BARE_NUMBER)].some((m) => Number(m[1]) >= 1 && Number(m[1]) <= candidates);
}

export interface VoteLine {
  key: string;
  author: string;
  text: string;
}

export interface ChatTally {
  /** Dots per candidate number (index 0 is candidate #1). */
  counts: number[];
  /** Lines read as votes. */
  voteLines: number;
  /** Dots not counted: over a voter's budget, or for a number that is no candidate. */
  ignored: number;
  /** Everyone who wrote a vote line, whether or not their dots counted. */
  voters: number;
  /** Lines that look like votes but were not understood, in chat order: to be asked again. */
  unclear: VoteLine[];
}

/**
 * Tallies chat votes: each voter (by the name the chat shows) has `budget` dots over all their
 * lines, counted in chat order; dots beyond it, and numbers that name no candidate, are ignored.
 * `current` is the candidate number a "+1" goes to (none: "+1" lines are ignored).
 */
export function tallyChatVotes(lines: readonly VoteLine[], candidates: number, budget: number, current?: number): ChatTally {
  const counts = Array.from({ length: candidates }, () => 0);
  const used = new Map<string, number>();
  const voters = new Set<string>();
  let voteLines = 0;
  let ignored = 0;
  const unclear: VoteLine[] = [];
  for (const line of lines) {
    const vote = parseChatVote(line.text);
    if (!vote) {
      if (looksLikeVote(line.text, candidates)) unclear.push(line);
      continue;
    }
    voteLines++;
    voters.add(line.author);
    const picks = vote.kind === 'numbers' ? vote.picks : Array.from({ length: vote.dots }, () => current ?? 0);
    for (const pick of picks) {
      const spent = used.get(line.author) ?? 0;
      if (pick < 1 || pick > candidates || spent >= budget) {
        ignored++;
        continue;
      }
      used.set(line.author, spent + 1);
      counts[pick - 1]!++;
    }
  }
  // Voters are the people who wrote vote lines: "4 vote lines from 2 voters" of three people whose
  // third wrote only uncountable dots read as a miscount (found in an English walk-through).
  return { counts, voteLines, ignored, voters: voters.size, unclear };
}

/** Who wrote the lines not understood, once each: the name, or the line itself when pasted without one. */
export function unclearWho(unclear: readonly VoteLine[]): string[] {
  return [...new Set(unclear.map((line) => (line.author.startsWith('\u0000') ? line.text.trim() : line.author)))];
}

/** The candidates of a vote: a workshop's live experiment captures, numbered in creation order. */
export function voteCandidates(captures: readonly Capture[]): Capture[] {
  return captures.filter((c) => c.kind === 'experiment' && isLive(c)).sort(byCreation);
}

export interface RankedCandidate {
  capture: Capture;
  /** Its number in the vote (#1…). */
  number: number;
  votes: number;
  /** 1 for the most votes; equal votes share a rank. */
  rank: number;
}

/** The vote's result: most votes first, equal votes in candidate order and sharing a rank. */
export function rankCandidates(candidates: readonly Capture[]): RankedCandidate[] {
  const ranked = candidates
    .map((capture, i) => ({ capture, number: i + 1, votes: capture.votes, rank: 0 }))
    .sort((a, b) => b.votes - a.votes || a.number - b.number);
  ranked.forEach((entry, i) => {
    entry.rank = i > 0 && ranked[i - 1]!.votes === entry.votes ? ranked[i - 1]!.rank : i + 1;
  });
  return ranked;
}
