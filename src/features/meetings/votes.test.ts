import { describe, expect, it } from "vitest";
import { tallyVotes, voteOutcome } from "./votes";

describe("the result of a votering", () => {
  it("counts ja, nej, avstår and frånvarande", () => {
    expect(tallyVotes(["YES", "NO", "YES", "ABSTAIN", "ABSENT", "YES"])).toEqual({ yes: 3, no: 1, abstain: 1, absent: 1 });
  });

  it("gives the decision to the side with more votes, whatever the ordförande voted", () => {
    expect(voteOutcome({ yes: 6, no: 5 }, "NO")).toEqual({ outcome: "YES", casting: false });
    expect(voteOutcome({ yes: 2, no: 9 }, "YES")).toEqual({ outcome: "NO", casting: false });
  });

  it("lets the ordförande's vote decide on equal votes (utslagsröst)", () => {
    expect(voteOutcome({ yes: 5, no: 5 }, "NO")).toEqual({ outcome: "NO", casting: true });
    expect(voteOutcome({ yes: 5, no: 5 }, "YES")).toEqual({ outcome: "YES", casting: true });
  });

  it("leaves equal votes open when the ordförande abstained or did not vote", () => {
    expect(voteOutcome({ yes: 4, no: 4 }, "ABSTAIN")).toEqual({ outcome: null, casting: false });
    expect(voteOutcome({ yes: 4, no: 4 }, null)).toEqual({ outcome: null, casting: false });
  });
});
