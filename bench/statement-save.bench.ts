// A 30-page tjänsteutlåtande (~15 000 words over the four text sections) on the reference
// case: the round trip of one section save through the service (validation, rebase check,
// canonical hash, insert, audit) and the editor's read model. Targets: save p95 ≤ 100 ms,
// opening p95 ≤ 300 ms.
//   npm run bench:sql -- statement-save
import { doc, paragraph, text, type TRichText } from "@/features/statements/rich-text";
import { saveStatementSection } from "@/features/statements/server/save-statement-section";
import { getStatementPage } from "@/features/statements/server/statement-queries";
import type { Actor } from "@/server/auth/actor";
import { seedDemoData } from "../scripts/seed/demo";
import { REFERENCE_CASE_ID } from "../scripts/seed/demo-cases";
import { seedDemoStatements } from "../scripts/seed/demo-statements";
import { sample, type Bench } from "./support";

const WORDS = "förvaltningen bedömer att det brottsförebyggande arbetet i stadsdelen behöver utvecklas tillsammans med polisen skolorna och föreningslivet för att öka tryggheten".split(" ");

/** `paragraphs` paragraphs of about 100 words, with some italic and bold as real text has. */
const longSection = (paragraphs: number, seed: string): TRichText =>
  doc(
    ...Array.from({ length: paragraphs }, (_, p) => {
      const words = Array.from({ length: 100 }, (_, w) => WORDS[(p * 7 + w) % WORDS.length]!).join(" ");
      return paragraph(`${seed} ${p}: ${words.slice(0, 300)}`, text(words.slice(300, 360), [{ type: "italic" }]), ` ${words.slice(360)}.`);
    }),
  );

const countWords = (value: TRichText): number => JSON.stringify(value).split(/\s+/).length;

const bench: Bench = async ({ db, log }) => {
  await seedDemoData({ nodeEnv: "test", force: false });
  await db.$transaction((tx) => seedDemoStatements(tx), { timeout: 60_000 });
  // Built by hand: the actor loader imports next-auth, which does not load outside Next.
  const clas = await db.user.findUniqueOrThrow({ where: { username: "clas.cederlid" } });
  const actor: Actor = {
    id: clas.id,
    username: clas.username,
    name: clas.name,
    title: clas.title,
    phone: clas.phone,
    email: null,
    authTime: 0,
    memberships: [{ role: "CASE_OFFICER", unitType: "DEPARTMENT", unitId: "has-sos", unitName: "Avdelningen för samhälle och service" }],
  };
  const statement = await db.statement.findUniqueOrThrow({ where: { caseId: REFERENCE_CASE_ID } });

  // Fill the draft to 30 pages: 150 paragraphs of ~100 words over four sections.
  let version = statement.currentVersion;
  let words = 0;
  for (const [sectionKey, paragraphs] of [["sammanfattning", 20], ["arendet", 40], ["arendets-beredning", 10], ["synpunkter", 80]] as const) {
    const body = longSection(paragraphs, sectionKey);
    words += countWords(body);
    const result = await saveStatementSection({ actor, input: { statementId: statement.id, baseVersion: version, kind: "richText", sectionKey, value: body } });
    if (result.status !== "SAVED") throw new Error("setup save failed");
    version = result.version;
  }
  log(`statement of ~${words} words in version ${version}`);

  // The largest section (~8 000 words), alternating between two texts so that every save is a change.
  const variants = [longSection(80, "synpunkter A"), longSection(80, "synpunkter B")];
  let run = 0;
  // CPU time next to wall time: on a shared 2-core machine the wall clock mostly measures the neighbours.
  const cpuBefore = process.cpuUsage();
  const save = await sample(
    async () => {
      const result = await saveStatementSection({
        actor,
        input: { statementId: statement.id, baseVersion: version, kind: "richText", sectionKey: "synpunkter", value: variants[run++ % 2]! },
      });
      if (result.status !== "SAVED") throw new Error("bench save conflicted");
      version = result.version;
    },
    { runs: 50, warmup: 5 },
  );
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMsPerLargeSave = Math.round(((cpu.user + cpu.system) / 1000 / 55) * 10) / 10;
  // A small section of the same 30-page statement: the everyday autosave.
  let small = 0;
  const saveSmall = await sample(
    async () => {
      const result = await saveStatementSection({
        actor,
        input: { statementId: statement.id, baseVersion: version, kind: "richText", sectionKey: "arendets-beredning", value: longSection(1, `beredning ${small++}`) },
      });
      if (result.status !== "SAVED") throw new Error("bench save conflicted");
      version = result.version;
    },
    { runs: 50, warmup: 5 },
  );
  const open = await sample(() => getStatementPage({ actor, caseId: REFERENCE_CASE_ID }), { runs: 30, warmup: 3 });

  return {
    measurements: {
      "save of the largest section (~8 000 words) of a 30-page statement": save,
      "save of a one-paragraph section of a 30-page statement": saveSmall,
      "opening the editor (read model) of a 30-page statement": open,
    },
    notes: { words, versions: version, cpuMsPerLargeSave, targets: { saveP95Ms: 100, openP95Ms: 300 } },
  };
};

export default bench;
