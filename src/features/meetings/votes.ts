// The result of a votering, computed from the votes, never typed: the side with more votes
// wins; on equal votes the ordförande has the casting vote (utslagsröst, 6 kap. 37 §
// kommunallagen). With equal votes and no vote from the ordförande the result is open.
import type { TVote } from "./schemas";

export type VoteTally = { yes: number; no: number; abstain: number; absent: number };
export type VoteOutcome = { outcome: "YES" | "NO" | null; casting: boolean };

export const tallyVotes = (votes: TVote[]): VoteTally => ({
  yes: votes.filter((vote) => vote === "YES").length,
  no: votes.filter((vote) => vote === "NO").length,
  abstain: votes.filter((vote) => vote === "ABSTAIN").length,
  absent: votes.filter((vote) => vote === "ABSENT").length,
});

export const voteOutcome = (tally: Pick<VoteTally, "yes" | "no">, chairVote: TVote | null): VoteOutcome => {
  if (tally.yes !== tally.no) return { outcome: tally.yes > tally.no ? "YES" : "NO", casting: false };
  if (chairVote === "YES" || chairVote === "NO") return { outcome: chairVote, casting: true };
  return { outcome: null, casting: false };
};
