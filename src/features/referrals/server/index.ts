// The referrals feature's public entry (the remiss round trip): the frozen remissmissiv the
// exports render, and the answer the dispatch of an internal instans sends home.
export { loadReferralLetter, referralLetterHash, type ReferralLetterView } from "./referral-letter";
export { registerReferralAnswerInTx } from "./referral-answers";
