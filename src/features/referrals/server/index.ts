// The referrals feature's public entry (the remiss round trip, sending side): the frozen
// remissmissiv the exports render.
export { loadReferralLetter, referralLetterHash, type ReferralLetterView } from "./referral-letter";
