// Render time of the reference tjänsteutlåtande (attested, 3–4 pages) to PDF/A-2b and
// DOCX over 50 warm runs, with file sizes and CPU time. Targets: PDF p50 ≤ 150 ms,
// DOCX p50 ≤ 50 ms. Needs no database (the renderers only see the document model).
//   npm run bench -- exports-render
import { renderDocx } from "@/features/exports/render/docx";
import { renderPdf } from "@/features/exports/render/pdf";
import { statementToDocument } from "@/features/exports/statement-document";
import { referenceExportInput } from "../tests/fixtures/exports/reference-statement";
import { sample, type Bench } from "./support";

const RUNS = 50;

const bench: Bench = async ({ log }) => {
  const document = statementToDocument(referenceExportInput());
  const sizes = { pdfBytes: (await renderPdf(document)).length, docxBytes: (await renderDocx(document)).length };

  // CPU time next to wall time: on a shared 2-core machine the wall clock mostly
  // measures the neighbours.
  const cpuBefore = process.cpuUsage();
  const pdf = await sample(() => renderPdf(document), { runs: RUNS, warmup: 5 });
  const pdfCpu = process.cpuUsage(cpuBefore);
  const docxCpuBefore = process.cpuUsage();
  const docx = await sample(() => renderDocx(document), { runs: RUNS, warmup: 5 });
  const docxCpu = process.cpuUsage(docxCpuBefore);

  const cpuPerRun = (usage: NodeJS.CpuUsage) => Math.round(((usage.user + usage.system) / 1000 / (RUNS + 5)) * 10) / 10;
  log(`PDF ${(sizes.pdfBytes / 1024).toFixed(1)} KiB, DOCX ${(sizes.docxBytes / 1024).toFixed(1)} KiB`);
  return {
    measurements: { "reference statement → PDF/A-2b": pdf, "reference statement → DOCX": docx },
    notes: {
      ...sizes,
      cpuMsPerRunPdf: cpuPerRun(pdfCpu),
      cpuMsPerRunDocx: cpuPerRun(docxCpu),
      targets: { pdfP50Ms: 150, docxP50Ms: 50 },
    },
  };
};

export default bench;
