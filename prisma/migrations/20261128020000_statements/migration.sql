-- Tjänsteutlåtanden: versioned templates, statements and their immutable versions.

-- CreateEnum
CREATE TYPE "StatementStatus" AS ENUM ('DRAFT', 'IN_ATTESTATION', 'ATTESTED');

-- CreateTable
CREATE TABLE "statement_template" (
    "id" UUID NOT NULL,
    "municipality_id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "definition" JSONB NOT NULL,
    "is_default" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "statement_template_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "statement" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "template_id" UUID NOT NULL,
    "status" "StatementStatus" NOT NULL DEFAULT 'DRAFT',
    "current_version" INTEGER NOT NULL DEFAULT 0,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "statement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "statement_version" (
    "id" UUID NOT NULL,
    "statement_id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "content" JSONB NOT NULL,
    "content_hash" TEXT NOT NULL,
    "author_id" UUID NOT NULL,
    "changed_section" TEXT,
    "restored_from_number" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "statement_version_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "statement_template_municipality_id_key_version_key" ON "statement_template"("municipality_id", "key", "version");

-- CreateIndex
CREATE UNIQUE INDEX "statement_case_id_key" ON "statement"("case_id");

-- CreateIndex
CREATE INDEX "statement_template_id_idx" ON "statement"("template_id");

-- CreateIndex
CREATE INDEX "statement_created_by_id_idx" ON "statement"("created_by_id");

-- CreateIndex
CREATE INDEX "statement_version_author_id_idx" ON "statement_version"("author_id");

-- CreateIndex
CREATE UNIQUE INDEX "statement_version_statement_id_number_key" ON "statement_version"("statement_id", "number");

-- AddForeignKey
ALTER TABLE "statement_template" ADD CONSTRAINT "statement_template_municipality_id_fkey" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "statement" ADD CONSTRAINT "statement_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "statement" ADD CONSTRAINT "statement_template_id_fkey" FOREIGN KEY ("template_id") REFERENCES "statement_template"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "statement" ADD CONSTRAINT "statement_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "statement_version" ADD CONSTRAINT "statement_version_statement_id_fkey" FOREIGN KEY ("statement_id") REFERENCES "statement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "statement_version" ADD CONSTRAINT "statement_version_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
