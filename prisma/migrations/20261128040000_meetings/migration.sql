-- Committee meetings: members, meetings, agenda, attendance, § counters, decisions,
-- reservations, minutes, union consultation and dispatch.

-- CreateEnum
CREATE TYPE "MeetingStatus" AS ENUM ('PLANNED', 'CALLED', 'HELD', 'APPROVED');

-- CreateEnum
CREATE TYPE "AgendaItemKind" AS ENUM ('CASE', 'DELEGATION_DECISIONS', 'INFORMATION', 'OTHER');

-- CreateEnum
CREATE TYPE "DecisionKind" AS ENUM ('AS_PROPOSED', 'AMENDED', 'REFERRED_BACK', 'TABLED', 'REJECTED');

-- CreateEnum
CREATE TYPE "MemberRole" AS ENUM ('CHAIR', 'VICE_CHAIR', 'MEMBER', 'DEPUTY');

-- CreateEnum
CREATE TYPE "StatementOfOpinionKind" AS ENUM ('RESERVATION', 'SPECIAL_STATEMENT');

-- CreateEnum
CREATE TYPE "MinutesStatus" AS ENUM ('DRAFT', 'IN_APPROVAL', 'APPROVED');

-- CreateTable
CREATE TABLE "committee_member" (
    "id" UUID NOT NULL,
    "committee_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "party" TEXT,
    "role" "MemberRole" NOT NULL,
    "email" TEXT,
    "user_id" UUID,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "committee_member_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "meeting" (
    "id" UUID NOT NULL,
    "committee_id" TEXT NOT NULL,
    "starts_at" TIMESTAMP(3) NOT NULL,
    "place" TEXT NOT NULL,
    "status" "MeetingStatus" NOT NULL DEFAULT 'PLANNED',
    "agenda_published_at" TIMESTAMP(3),
    "notice_sent_at" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "meeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "agenda_item" (
    "id" UUID NOT NULL,
    "meeting_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" "AgendaItemKind" NOT NULL,
    "case_id" UUID,
    "title" TEXT NOT NULL,
    "proposal" JSONB NOT NULL DEFAULT '[]',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "agenda_item_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "meeting_attendance" (
    "id" UUID NOT NULL,
    "meeting_id" UUID NOT NULL,
    "member_id" UUID NOT NULL,
    "present" BOOLEAN NOT NULL,
    "serving" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "meeting_attendance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "paragraph_counter" (
    "committee_id" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "last_value" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "paragraph_counter_pkey" PRIMARY KEY ("committee_id","year")
);

-- CreateTable
CREATE TABLE "decision" (
    "id" UUID NOT NULL,
    "agenda_item_id" UUID NOT NULL,
    "committee_id" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "paragraph" INTEGER NOT NULL,
    "kind" "DecisionKind" NOT NULL,
    "decision_points" JSONB NOT NULL,
    "motions" JSONB NOT NULL DEFAULT '[]',
    "votes" JSONB,
    "immediate_approval" BOOLEAN NOT NULL DEFAULT false,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "decision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "statement_of_opinion" (
    "id" UUID NOT NULL,
    "decision_id" UUID NOT NULL,
    "kind" "StatementOfOpinionKind" NOT NULL,
    "party" TEXT,
    "members" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "statement_of_opinion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "minutes" (
    "id" UUID NOT NULL,
    "meeting_id" UUID NOT NULL,
    "status" "MinutesStatus" NOT NULL DEFAULT 'DRAFT',
    "chair_id" UUID NOT NULL,
    "checker_id" UUID NOT NULL,
    "content_hash" TEXT,
    "approved_at" TIMESTAMP(3),
    "posted_date" DATE,
    "appeal_ends_on" DATE,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "minutes_pkey" PRIMARY KEY ("id"),
    -- Justering needs two different people.
    CONSTRAINT "minutes_chair_not_checker_check" CHECK ("chair_id" <> "checker_id")
);

-- CreateTable
CREATE TABLE "union_consultation" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "forum" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "note" TEXT,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "union_consultation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dispatch" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "decision_id" UUID,
    "document_id" UUID NOT NULL,
    "recipient" TEXT NOT NULL,
    "sent_date" DATE NOT NULL,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "dispatch_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "committee_member_committee_id_idx" ON "committee_member"("committee_id");

-- CreateIndex
CREATE INDEX "committee_member_user_id_idx" ON "committee_member"("user_id");

-- CreateIndex
CREATE INDEX "meeting_committee_id_starts_at_idx" ON "meeting"("committee_id", "starts_at");

-- CreateIndex
CREATE INDEX "meeting_created_by_id_idx" ON "meeting"("created_by_id");

-- CreateIndex
CREATE INDEX "agenda_item_meeting_id_position_idx" ON "agenda_item"("meeting_id", "position");

-- CreateIndex
CREATE INDEX "agenda_item_case_id_idx" ON "agenda_item"("case_id");

-- CreateIndex
CREATE INDEX "meeting_attendance_member_id_idx" ON "meeting_attendance"("member_id");

-- CreateIndex
CREATE UNIQUE INDEX "meeting_attendance_meeting_id_member_id_key" ON "meeting_attendance"("meeting_id", "member_id");

-- CreateIndex
CREATE UNIQUE INDEX "decision_agenda_item_id_key" ON "decision"("agenda_item_id");

-- CreateIndex
CREATE INDEX "decision_created_by_id_idx" ON "decision"("created_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "decision_committee_id_year_paragraph_key" ON "decision"("committee_id", "year", "paragraph");

-- CreateIndex
CREATE INDEX "statement_of_opinion_decision_id_idx" ON "statement_of_opinion"("decision_id");

-- CreateIndex
CREATE UNIQUE INDEX "minutes_meeting_id_key" ON "minutes"("meeting_id");

-- CreateIndex
CREATE INDEX "minutes_chair_id_idx" ON "minutes"("chair_id");

-- CreateIndex
CREATE INDEX "minutes_checker_id_idx" ON "minutes"("checker_id");

-- CreateIndex
CREATE INDEX "union_consultation_case_id_idx" ON "union_consultation"("case_id");

-- CreateIndex
CREATE INDEX "union_consultation_created_by_id_idx" ON "union_consultation"("created_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "dispatch_document_id_key" ON "dispatch"("document_id");

-- CreateIndex
CREATE INDEX "dispatch_case_id_idx" ON "dispatch"("case_id");

-- CreateIndex
CREATE INDEX "dispatch_decision_id_idx" ON "dispatch"("decision_id");

-- CreateIndex
CREATE INDEX "dispatch_created_by_id_idx" ON "dispatch"("created_by_id");

-- AddForeignKey
ALTER TABLE "committee_member" ADD CONSTRAINT "committee_member_committee_id_fkey" FOREIGN KEY ("committee_id") REFERENCES "committee"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "committee_member" ADD CONSTRAINT "committee_member_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting" ADD CONSTRAINT "meeting_committee_id_fkey" FOREIGN KEY ("committee_id") REFERENCES "committee"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting" ADD CONSTRAINT "meeting_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agenda_item" ADD CONSTRAINT "agenda_item_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agenda_item" ADD CONSTRAINT "agenda_item_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "committee_member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "paragraph_counter" ADD CONSTRAINT "paragraph_counter_committee_id_fkey" FOREIGN KEY ("committee_id") REFERENCES "committee"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "decision" ADD CONSTRAINT "decision_agenda_item_id_fkey" FOREIGN KEY ("agenda_item_id") REFERENCES "agenda_item"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "decision" ADD CONSTRAINT "decision_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "statement_of_opinion" ADD CONSTRAINT "statement_of_opinion_decision_id_fkey" FOREIGN KEY ("decision_id") REFERENCES "decision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "minutes" ADD CONSTRAINT "minutes_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "minutes" ADD CONSTRAINT "minutes_chair_id_fkey" FOREIGN KEY ("chair_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "minutes" ADD CONSTRAINT "minutes_checker_id_fkey" FOREIGN KEY ("checker_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "union_consultation" ADD CONSTRAINT "union_consultation_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "union_consultation" ADD CONSTRAINT "union_consultation_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dispatch" ADD CONSTRAINT "dispatch_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dispatch" ADD CONSTRAINT "dispatch_decision_id_fkey" FOREIGN KEY ("decision_id") REFERENCES "decision"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dispatch" ADD CONSTRAINT "dispatch_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "case_document"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dispatch" ADD CONSTRAINT "dispatch_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
