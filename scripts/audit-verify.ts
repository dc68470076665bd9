// npm run audit:verify — walks the händelselogg's hash chain and checks every attestation
// against its audit event. Prints the first broken link and exits 1 on any problem.
// Uses DATABASE_URL, or the embedded database in YTTRA_DATA_DIR (stop the app first:
// the embedded server's data directory is used by one process at a time).
import { verifyAuditChain } from "@/features/audit/server/verify-audit-chain";
import { verifyAttestationsAgainstAudit } from "@/features/attestation/server/attestation-audit";
import { createDb, setDb } from "@/server/db";
import { openAppDatabase } from "./lib/app-database";

const main = async (): Promise<number> => {
  const database = await openAppDatabase();
  const client = createDb(database.url, 2);
  setDb(client);
  try {
    const chain = await verifyAuditChain();
    if (!chain.ok) {
      console.error(`Händelseloggen är bruten vid händelse ${chain.brokenAtSeq}: ${chain.reason} (${chain.events} händelser före den är hela).`);
      return 1;
    }
    console.log(`Händelseloggen är hel: ${chain.events} händelser.`);
    const attestations = await verifyAttestationsAgainstAudit(client);
    if (!attestations.ok) {
      for (const problem of attestations.problems) console.error(`Attesteringssteg ${problem.stepId}: ${problem.reason}`);
      console.error(`${attestations.problems.length} avvikelser mellan attesteringar och händelseloggen.`);
      return 1;
    }
    console.log(`Attesteringarna stämmer med händelseloggen: ${attestations.steps} attesteringar, ${attestations.events} händelser.`);
    return 0;
  } finally {
    await client.$disconnect();
    await database.stop();
  }
};

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
