// The meetings feature's public entry: the export read model, which features/exports maps
// to its document model, the list of the committees' public meeting documents and the anslagstavla.
export { getAgendaForExport, getExtractForExport, getMinutesForExport, type AgendaExport, type ExtractExport, type MinutesExport } from "./meeting-export-queries";
export type { MinutesParagraph } from "./minutes-content";
export { listPublicMeetingDocuments, type PublicCommitteeMeetings, type PublicMeeting } from "./public-meetings";
export { loadNoticeBoard, loadNoticeBoardArchive, type MeetingNotice, type NoticeBoard, type NoticeBoardArchive, type NoticeBoardLine, type PostedMinutes } from "./notice-board";
