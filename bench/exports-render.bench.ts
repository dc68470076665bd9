// Render time of the reference tjänsteutlåtande (attested, 3–4 pages) and of a justerat
// protokoll (five §§ with att-satser, an omröstning with namnupprop, a reservation and a
// särskilt uttalande) to PDF/A-2b and DOCX over 50 warm runs, with file sizes and CPU
// time. Targets for the statement: PDF p50 ≤ 150 ms, DOCX p50 ≤ 50 ms. Needs no database
// (the renderers only see the document model).
//   npm run bench:sql -- exports-render
import type { ExportDocument } from "@/features/exports/document-model";
import { minutesToDocument } from "@/features/exports/meeting-documents";
import { renderDocx } from "@/features/exports/render/docx";
import { renderPdf } from "@/features/exports/render/pdf";
import { statementToDocument } from "@/features/exports/statement-document";
import { REFERENCE_MINUTES, referenceVerificationUrl } from "../tests/fixtures/exports/reference-minutes";
import { referenceExportInput } from "../tests/fixtures/exports/reference-statement";
import { sample, type Bench } from "./support";

const RUNS = 50;
const WARMUP = 5;

const cpuPerRun = (usage: NodeJS.CpuUsage) => Math.round(((usage.user + usage.system) / 1000 / (RUNS + WARMUP)) * 10) / 10;

/** Wall time per run of both formats, with the CPU time next to it: on a shared 2-core machine the wall clock mostly measures the neighbours. */
const measure = async (document: ExportDocument) => {
  const sizes = { pdfBytes: (await renderPdf(document)).length, docxBytes: (await renderDocx(document)).length };
  const pdfCpuBefore = process.cpuUsage();
  const pdf = await sample(() => renderPdf(document), { runs: RUNS, warmup: WARMUP });
  const pdfCpu = process.cpuUsage(pdfCpuBefore);
  const docxCpuBefore = process.cpuUsage();
  const docx = await sample(() => renderDocx(document), { runs: RUNS, warmup: WARMUP });
  const docxCpu = process.cpuUsage(docxCpuBefore);
  return { pdf, docx, notes: { ...sizes, cpuMsPerRunPdf: cpuPerRun(pdfCpu), cpuMsPerRunDocx: cpuPerRun(docxCpu) } };
};

const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;

const bench: Bench = async ({ log }) => {
  const statement = await measure(statementToDocument(referenceExportInput()));
  log(`statement: PDF ${kib(statement.notes.pdfBytes)}, DOCX ${kib(statement.notes.docxBytes)}`);
  const minutes = await measure(minutesToDocument({ minutes: REFERENCE_MINUTES, verificationUrl: referenceVerificationUrl }));
  log(`protokoll: PDF ${kib(minutes.notes.pdfBytes)}, DOCX ${kib(minutes.notes.docxBytes)}`);
  return {
    measurements: {
      "reference statement → PDF/A-2b": statement.pdf,
      "reference statement → DOCX": statement.docx,
      "reference protokoll → PDF/A-2b": minutes.pdf,
      "reference protokoll → DOCX": minutes.docx,
    },
    notes: {
      // The statement's keys as before, so earlier results stay comparable.
      ...statement.notes,
      protokoll: minutes.notes,
      targets: { pdfP50Ms: 150, docxP50Ms: 50 },
    },
  };
};

export default bench;
