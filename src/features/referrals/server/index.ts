// The referrals feature's public entry (the remiss round trip): the frozen remissmissiv the
// exports render, the answer the dispatch of an internal instans sends home, the read
// models and services of the remiss pages, the reminders the worker queues and the
// instances the Remissammanställning lists.
export { loadReferralLetter, referralLetterHash, type ReferralLetterView } from "./referral-letter";
export { registerReferralAnswerInTx } from "./referral-answers";
export { acceptReferral, listIncomingReferrals, returnReferral, type IncomingReferral } from "./receive-referral";
export { extendReferralDueDate, recordExternalAnswer, setReferralPosition } from "./referral-answers";
export {
  CASE_REFERRALS_SELECT,
  caseReferralsView,
  getCaseReferrals,
  getSendReferralOptions,
  referralAnswerCandidates,
  type CaseReferralRow,
  type CaseReferralsView,
  type ReferralAnswerCandidate,
  type SendReferralOptionsView,
} from "./referral-queries";
export { sendReferral } from "./send-referral";
export { queueReferralReminders } from "./referral-reminders";
export { loadCompilationInstances } from "./compilation-instances";
