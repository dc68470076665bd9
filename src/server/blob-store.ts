// File content in Postgres, addressed by its SHA-256: app servers keep no files (stateless,
// any instance can serve any download), identical content is stored once, and every read
// checks that the bytes still hash to their address, so corrupted or tampered content is
// never served.
import "server-only";
import { MAX_FILE_BYTES } from "@/lib/file-type";
import { sha256Hex } from "@/lib/hash";
import { db, type Tx } from "@/server/db";
import { logger } from "@/server/logger";

export { MAX_FILE_BYTES };

export type StoredBlob = { sha256: string; size: number; mimeType: string };

/** Thrown when stored bytes no longer match their SHA-256. Never caught to serve the bytes anyway. */
export class BlobIntegrityError extends Error {
  readonly sha256: string;

  constructor(sha256: string) {
    super(`Blob ${sha256} failed verification: its bytes do not hash to its address`);
    this.name = "BlobIntegrityError";
    this.sha256 = sha256;
  }
}

/**
 * Stores bytes inside the caller's transaction and returns their address. Storing the
 * same bytes again adds nothing; a row whose bytes were damaged is repaired by the
 * upload, since the new bytes provably hash to the address.
 */
export const putBlob = async (tx: Tx, bytes: Uint8Array, mimeType: string): Promise<StoredBlob> => {
  if (bytes.length > MAX_FILE_BYTES) throw new Error(`Blob of ${bytes.length} bytes exceeds the limit of ${MAX_FILE_BYTES}`);
  const sha256 = sha256Hex(bytes);
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  await tx.$executeRaw`
    INSERT INTO blob (sha256, size, mime_type, data)
    VALUES (${sha256}, ${bytes.length}, ${mimeType}, ${data})
    ON CONFLICT (sha256) DO UPDATE SET data = EXCLUDED.data, size = EXCLUDED.size
    WHERE encode(sha256(blob.data), 'hex') <> blob.sha256`;
  return { sha256, size: bytes.length, mimeType };
};

/** The verified bytes of a blob; null when there is none; BlobIntegrityError when they do not match. */
export const readBlob = async (sha256: string, client: Tx = db): Promise<Uint8Array | null> => {
  const row = await client.blob.findUnique({ where: { sha256 }, select: { data: true } });
  if (!row) return null;
  if (sha256Hex(row.data) !== sha256) {
    const error = new BlobIntegrityError(sha256);
    // The address only: never the content.
    logger.error("blob verification failed", { sha256 });
    throw error;
  }
  return row.data;
};
