// What every export service returns, and the pieces they share: content types, the
// verification link printed with an attestation or justering, and rendering a document
// model to the asked format.
import "server-only";
import { appBaseUrl } from "@/server/env";
import type { ExportDocument } from "../document-model";
import { renderDocx } from "../render/docx";
import { renderPdf } from "../render/pdf";
import type { TExportFormat } from "../schemas";

export const EXPORT_CONTENT_TYPES: Record<TExportFormat, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};

/** `draft`: the document carries the UTKAST watermark (not attested / not justerat / not published). */
export type ExportedFile = { bytes: Buffer; fileName: string; contentType: string; draft: boolean };

/** Where the QR code and the printed link lead: the public verification page at the app's configured public address. */
export const verificationUrlFor = (code: string): string => `${appBaseUrl()}/verifiera/${encodeURIComponent(code)}`;

export const renderExportFile = async ({ document, format, fileName }: { document: ExportDocument; format: TExportFormat; fileName: string }): Promise<ExportedFile> => ({
  bytes: format === "pdf" ? await renderPdf(document) : await renderDocx(document),
  fileName,
  contentType: EXPORT_CONTENT_TYPES[format],
  draft: document.draft,
});
