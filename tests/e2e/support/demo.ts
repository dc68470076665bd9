// Demo data (the seed) that specs visit by address.
export const DEMO_MEETING_2024_ID = "00000000-0000-7000-8000-000000005101";
export const DEMO_PLANNED_MEETING_ID = "00000000-0000-7000-8000-000000005102";
export const DEMO_DECISION_ID = "00000000-0000-7000-8000-000000005212";

/** The meeting pages over the demo meetings: planned, held, its minutes and a protokollsutdrag. */
export const DEMO_MEETING_PAGES = [
  `/sammantraden/${DEMO_PLANNED_MEETING_ID}`,
  `/sammantraden/${DEMO_MEETING_2024_ID}`,
  `/sammantraden/${DEMO_MEETING_2024_ID}/protokoll`,
  `/sammantraden/${DEMO_MEETING_2024_ID}/paragraf/${DEMO_DECISION_ID}`,
];
