// The referrals feature's public entry (the remiss round trip, sending side): the frozen
// remissmissiv the exports render, and the reminders the worker queues.
export { loadReferralLetter, referralLetterHash, type ReferralLetterView } from "./referral-letter";
export { queueReferralReminders } from "./referral-reminders";
