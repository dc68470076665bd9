-- The planner estimates how many rows a search word matches from each search vector's most
-- common words: a word outside that list is taken to be half as common as its rarest entry.
-- With the default statistics target (100) the list is short, so a rare word was estimated at
-- hundreds of handlingar where it has tens, and a search joined every case of a handläggare's
-- (14 000 on the bulk data) into a hash instead of looking up the few matches' cases: 17 ms
-- for a word in 50 handlingar, 8 ms with the longer list. Real text has a far larger
-- vocabulary than the bulk data, so the default list covers less of it still.

ALTER TABLE "case" ALTER COLUMN "search_vector" SET STATISTICS 1000;
ALTER TABLE "motion" ALTER COLUMN "search_vector" SET STATISTICS 1000;
ALTER TABLE "statement_version" ALTER COLUMN "search_vector" SET STATISTICS 1000;
ALTER TABLE "case_document" ALTER COLUMN "search_vector" SET STATISTICS 1000;
ALTER TABLE "case_document_file_passage" ALTER COLUMN "search_vector" SET STATISTICS 1000;

ANALYZE "case" ("search_vector"), "motion" ("search_vector"), "statement_version" ("search_vector"), "case_document" ("search_vector"), "case_document_file_passage" ("search_vector");
