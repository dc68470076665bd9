// The referrals feature's public entry (the remiss round trip, sending side): the frozen
// remissmissiv the exports render, the reminders the worker queues and the instances the
// Remissammanställning lists.
export { loadReferralLetter, referralLetterHash, type ReferralLetterView } from "./referral-letter";
export { queueReferralReminders } from "./referral-reminders";
export { loadCompilationInstances } from "./compilation-instances";
